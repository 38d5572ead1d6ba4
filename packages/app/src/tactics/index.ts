export { createTactic } from './create-tactic.ts';
export { listTactics } from './list-tactics.ts';
export { updateTactic } from './update-tactic.ts';
