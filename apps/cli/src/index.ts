export { demoSeed } from './commands/db.ts';
export { renderMissingReport } from './commands/report-missing.ts';
export { givenDatabase } from './database.ts';
export type { Io } from './io.ts';
export { buildProgram, run } from './program.ts';
