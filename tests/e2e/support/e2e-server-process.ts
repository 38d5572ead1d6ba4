import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { type E2eServer, startE2eServer } from './e2e-server.ts';

/**
 * One e2e server in its own process, so that several test files can drive browsers at once, each
 * against its own database, without sharing one event loop (PGlite runs queries on the calling
 * thread). The first process seeds and dumps its database as a template; the others load that
 * template. Each writes `{ baseUrl }` or `{ error }` to its status file, which the test files read
 * (see `e2eServerUrl` in browser.ts).
 *
 *   tsx e2e-server-process.ts --template <file> --status <file> (--seed | --seeder-status <file>)
 */
const { values } = parseArgs({
  options: {
    template: { type: 'string' },
    status: { type: 'string' },
    seed: { type: 'boolean', default: false },
    'seeder-status': { type: 'string' },
  },
});
const { template, status } = values;
if (!template || !status) throw new Error('e2e-server-process needs --template and --status');

function writeStatus(content: { baseUrl: string } | { error: string }): void {
  writeFileSync(`${status}.partial`, JSON.stringify(content));
  renameSync(`${status}.partial`, status as string);
}

/** Waits for the seeding process's template; gives up with its error if it failed. */
async function readTemplate(path: string, seederStatus: string | undefined): Promise<Blob> {
  for (;;) {
    if (existsSync(path)) return new Blob([readFileSync(path)]);
    if (seederStatus && existsSync(seederStatus)) {
      const seeder = JSON.parse(readFileSync(seederStatus, 'utf8')) as { error?: string };
      if (seeder.error) throw new Error(`the seeding e2e server failed, so there is no template:\n${seeder.error}`);
    }
    await delay(250);
  }
}

let server: E2eServer | undefined;
try {
  if (values.seed) {
    server = await startE2eServer();
    const dump = Buffer.from(await (await server.dumpDataDir()).arrayBuffer());
    writeFileSync(`${template}.partial`, dump);
    renameSync(`${template}.partial`, template);
  } else {
    server = await startE2eServer({ template: await readTemplate(template, values['seeder-status']) });
  }
  writeStatus({ baseUrl: server.baseUrl });
} catch (error) {
  writeStatus({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}

const stop = async () => {
  await server?.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
