export { listIntelligence } from './list-intelligence.ts';
export { submitIntelligence } from './submit-intelligence.ts';
