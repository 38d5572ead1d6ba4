import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries of `pnpm lint` (.dependency-cruiser.cjs), each shown to refuse a planted
 * violation in a scratch tree laid out like the repository (workspace packages reached by name
 * through node_modules links, as pnpm lays them), and to let the allowed form through.
 */
const root = resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as IConfiguration;

const workspacePackages: Record<string, string> = {
  '@lantern/api': 'apps/api',
  '@lantern/app': 'packages/app',
  '@lantern/db': 'packages/db',
  '@lantern/domain': 'packages/domain',
  '@lantern/geo': 'packages/geo',
  '@lantern/network': 'packages/network',
  '@lantern/synth': 'packages/synth',
};

const thirdParty = ['@prisma/client', 'pglite-prisma-adapter', 'pg', 'luxon'];

const sources: Record<string, string> = {
  'apps/api/src/index.ts': 'export const createServer = () => 1;\nexport type AppRouter = { a: 1 };\n',
  'apps/cli/src/commands/serve.ts': "export const serve = async () => (await import('@lantern/api')).createServer;\n",
  'apps/cli/src/commands/eager.ts':
    "import { searchPeople } from '@lantern/app';\nexport const eager = searchPeople;\n",
  'apps/cli/src/commands/lazy.ts':
    "import type { searchPeople } from '@lantern/app';\nexport const lazy = (): Promise<{ searchPeople: typeof searchPeople }> => import('@lantern/app');\n",
  'apps/cli/src/commands/report.ts':
    "import { createServer } from '@lantern/api';\nexport const report = createServer;\n",
  'apps/web/src/router.ts': "import type { AppRouter } from '@lantern/api';\nexport type Router = AppRouter;\n",
  'apps/web/src/router-module.ts': "export type Api = typeof import('@lantern/api');\n",
  'apps/web/src/policy.ts': "import { mayCall } from '@lantern/domain';\nexport const may = mayCall;\n",
  'apps/web/src/page.ts': "import { searchPeople } from '@lantern/app';\nexport const page = searchPeople;\n",
  'apps/web/src/deep.ts':
    "import { searchPeople } from '@lantern/app/src/index.ts';\nexport const deep = searchPeople;\n",
  'apps/web/src/lazy.ts': "export const load = () => import('@lantern/db');\n",
  'packages/app/src/index.ts': 'export const searchPeople = () => 1;\n',
  'packages/app/src/serve.ts': "import { createServer } from '@lantern/api';\nexport const serve = createServer;\n",
  'packages/app/src/client.ts': "import { PrismaClient } from '@prisma/client';\nexport const client = PrismaClient;\n",
  'packages/app/src/generated.ts':
    "import { Prisma } from '../../db/src/generated/prisma/client.ts';\nexport const sql = Prisma;\n",
  'tests/support/adapter.ts':
    "import { PrismaPGlite } from 'pglite-prisma-adapter';\nexport const adapter = PrismaPGlite;\n",
  'packages/db/src/index.ts': "export { client } from './client.ts';\n",
  'packages/db/src/generated/prisma/client.ts': 'export const Prisma = 1;\n',
  'packages/db/src/client.ts':
    "import { PrismaClient } from '@prisma/client';\nimport { PrismaPGlite } from 'pglite-prisma-adapter';\nexport const client = [PrismaClient, PrismaPGlite];\n",
  'packages/db/src/seed.ts': "import { generate } from '@lantern/synth';\nexport const seed = generate;\n",
  'packages/db/src/deep-seed.ts':
    "import { generate } from '@lantern/synth/src/index.ts';\nexport const seed = generate;\n",
  'packages/synth/src/index.ts': 'export const generate = () => 1;\n',
  'packages/domain/src/index.ts': 'export const mayCall = () => true;\n',
  'packages/domain/src/read-file.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'packages/domain/src/query.ts': "import pg from 'pg';\nexport const query = pg;\n",
  'packages/domain/src/uses-db.ts': "import { client } from '@lantern/db';\nexport const db = client;\n",
  'packages/domain/src/uses-geo.ts': "import { cells } from '@lantern/geo';\nexport const geo = cells;\n",
  'packages/domain/src/dates.ts': "import { DateTime } from 'luxon';\nexport const now = DateTime.now;\n",
  'packages/domain/src/dates.test.ts':
    "import { readFileSync } from 'node:fs';\nexport const fixture = readFileSync;\n",
  'packages/geo/src/index.ts': "export { a as cells } from './a.ts';\n",
  'packages/network/src/index.ts': 'export const metrics = () => 1;\n',
  'packages/network/src/reads-db.ts': "import { client } from '@lantern/db';\nexport const db = client;\n",
  'packages/network/src/reads-file.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'packages/network/src/golden.test.ts':
    "import { readFileSync } from 'node:fs';\nexport const fixture = readFileSync;\n",
  'packages/geo/src/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
  'packages/geo/src/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
};

function write(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

let scratch: string;
let violations: Array<{ rule: string; from: string; to: string }>;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'lantern-boundaries-'));
  for (const [path, text] of Object.entries(sources)) write(join(scratch, path), text);
  for (const [name, dir] of Object.entries(workspacePackages)) {
    write(join(scratch, dir, 'package.json'), JSON.stringify({ name, exports: { '.': './src/index.ts' } }));
    const link = join(scratch, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), join(scratch, dir)), link, 'dir');
  }
  for (const name of thirdParty) {
    write(join(scratch, 'node_modules', name, 'package.json'), JSON.stringify({ name, main: 'index.js' }));
    write(join(scratch, 'node_modules', name, 'index.js'), 'module.exports = {};\n');
  }
  // The repository's tsconfig does not exist in the scratch tree; every other option is the real one.
  const { tsConfig: _tsConfig, ...options } = config.options ?? {};
  const result = await cruise(['apps', 'packages', 'tests'], {
    ...options,
    baseDir: scratch,
    ruleSet: { forbidden: config.forbidden ?? [] },
    validate: true,
  });
  violations = (result.output as ICruiseResult).summary.violations.map((violation) => ({
    rule: violation.rule.name,
    from: violation.from,
    to: violation.to,
  }));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const caught = (rule: string) =>
  violations
    .filter((violation) => violation.rule === rule)
    .map(({ from, to }) => `${from} → ${to}`)
    .sort();

describe('import boundaries', () => {
  it('refuses a package importing an app', () => {
    expect(caught('package-imports-app')).toEqual(['packages/app/src/serve.ts → apps/api/src/index.ts']);
  });

  it('refuses the web app loading server code, and lets it import the router type and @lantern/domain', () => {
    expect(caught('web-imports-server-values')).toEqual([
      'apps/web/src/deep.ts → @lantern/app/src/index.ts',
      'apps/web/src/lazy.ts → packages/db/src/index.ts',
      'apps/web/src/page.ts → packages/app/src/index.ts',
    ]);
  });

  it('refuses Prisma outside packages/db, and lets packages/db import it', () => {
    expect(caught('prisma-outside-db')).toEqual([
      'packages/app/src/client.ts → node_modules/@prisma/client/index.js',
      'packages/app/src/generated.ts → packages/db/src/generated/prisma/client.ts',
      'tests/support/adapter.ts → node_modules/pglite-prisma-adapter/index.js',
    ]);
  });

  it('refuses I/O and other Lantern packages in packages/domain, and lets it use luxon', () => {
    expect(caught('domain-with-io')).toEqual([
      'packages/domain/src/query.ts → node_modules/pg/index.js',
      'packages/domain/src/read-file.ts → fs',
      'packages/domain/src/uses-db.ts → packages/db/src/index.ts',
      'packages/domain/src/uses-geo.ts → packages/geo/src/index.ts',
    ]);
  });

  it('refuses the database and Node built-ins in the analytics packages, and lets their tests read fixtures', () => {
    expect(caught('analytics-with-io')).toEqual(['packages/network/src/reads-db.ts → packages/db/src/index.ts']);
    expect(caught('analytics-with-node-builtins')).toEqual(['packages/network/src/reads-file.ts → fs']);
  });

  it('refuses packages/db importing the synthetic-data generator', () => {
    expect(caught('db-imports-synth')).toEqual([
      'packages/db/src/deep-seed.ts → @lantern/synth/src/index.ts',
      'packages/db/src/seed.ts → packages/synth/src/index.ts',
    ]);
  });

  it('refuses an import that resolves to nothing (a path outside its exports, a package not installed)', () => {
    expect(caught('unresolvable-import')).toEqual([
      'apps/web/src/deep.ts → @lantern/app/src/index.ts',
      'packages/db/src/deep-seed.ts → @lantern/synth/src/index.ts',
    ]);
  });

  it('refuses the CLI importing the API except to serve', () => {
    expect(caught('cli-imports-api')).toEqual(['apps/cli/src/commands/report.ts → apps/api/src/index.ts']);
  });

  it('refuses the CLI loading the use cases or the API at start, and lets a command load them when it runs', () => {
    expect(caught('cli-loads-app-at-start')).toEqual([
      'apps/cli/src/commands/eager.ts → packages/app/src/index.ts',
      'apps/cli/src/commands/report.ts → apps/api/src/index.ts',
    ]);
  });

  it('refuses an import cycle', () => {
    const cycle = ['packages/geo/src/a.ts → packages/geo/src/b.ts', 'packages/geo/src/b.ts → packages/geo/src/a.ts'];
    expect(caught('no-circular').length).toBeGreaterThan(0);
    expect(caught('no-circular').filter((edge) => !cycle.includes(edge))).toEqual([]);
  });

  it('lets every allowed form through', () => {
    const allowed = [
      'apps/cli/src/commands/serve.ts',
      'apps/cli/src/commands/lazy.ts',
      'apps/web/src/router.ts',
      'apps/web/src/router-module.ts',
      'apps/web/src/policy.ts',
      'packages/db/src/client.ts',
      'packages/domain/src/dates.ts',
      'packages/domain/src/dates.test.ts',
      'packages/network/src/golden.test.ts',
    ];
    expect(violations.filter((violation) => allowed.includes(violation.from))).toEqual([]);
  });
});
