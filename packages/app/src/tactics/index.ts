export { createTactic } from './create-tactic.ts';
export { listTacticHolders } from './list-tactic-holders.ts';
export { listTactics } from './list-tactics.ts';
export { updateTactic } from './update-tactic.ts';
