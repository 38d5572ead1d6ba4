// Runs `prisma generate` offline. Generate does not use the schema engine, but the CLI insists on
// finding one; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file stops it downloading.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync('pnpm', ['exec', 'prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
