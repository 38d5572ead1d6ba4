import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries of `pnpm lint` (.dependency-cruiser.cjs), each shown to refuse a planted
 * violation in a scratch tree laid out like the repository, and to let the allowed form through.
 */
const root = resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as IConfiguration;

const files: Record<string, string> = {
  'apps/api/src/index.ts': 'export const createServer = () => 1;\nexport type AppRouter = { a: 1 };\n',
  'apps/cli/src/commands/serve.ts':
    "import { createServer } from '../../../api/src/index.ts';\nexport const serve = createServer;\n",
  'apps/cli/src/commands/report.ts':
    "import { createServer } from '../../../api/src/index.ts';\nexport const report = createServer;\n",
  'apps/web/src/api.ts': "import type { AppRouter } from '../../api/src/index.ts';\nexport type Router = AppRouter;\n",
  'apps/web/src/page.ts':
    "import { searchPeople } from '../../../packages/app/src/index.ts';\nexport const page = searchPeople;\n",
  'packages/app/src/index.ts':
    "import { createServer } from '../../../apps/api/src/index.ts';\nexport const searchPeople = createServer;\n",
  'packages/app/src/client.ts': "import { PrismaClient } from '@prisma/client';\nexport const client = PrismaClient;\n",
  'packages/app/src/generated.ts':
    "import { Prisma } from '../../db/src/generated/prisma/client.ts';\nexport const sql = Prisma;\n",
  'packages/db/src/generated/prisma/client.ts': 'export const Prisma = 1;\n',
  'packages/db/src/client.ts': "import { PrismaClient } from '@prisma/client';\nexport const client = PrismaClient;\n",
  'packages/db/src/seed.ts': "import { generate } from '../../synth/src/index.ts';\nexport const seed = generate;\n",
  'packages/synth/src/index.ts': 'export const generate = () => 1;\n',
  'packages/domain/src/read-file.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'packages/domain/src/uses-db.ts': "import { client } from '../../db/src/client.ts';\nexport const db = client;\n",
  'packages/domain/src/dates.ts': "import { DateTime } from 'luxon';\nexport const now = DateTime.now;\n",
  'packages/geo/src/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
  'packages/geo/src/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
  'node_modules/@prisma/client/package.json': '{"name":"@prisma/client","main":"index.js"}',
  'node_modules/@prisma/client/index.js': 'exports.PrismaClient = 1;\n',
  'node_modules/luxon/package.json': '{"name":"luxon","main":"index.js"}',
  'node_modules/luxon/index.js': 'exports.DateTime = 1;\n',
};

let scratch: string;
let violations: Array<{ rule: string; from: string; to: string }>;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'lantern-boundaries-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), text);
  }
  const result = await cruise(['apps', 'packages'], {
    baseDir: scratch,
    ruleSet: { forbidden: config.forbidden ?? [] },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    validate: true,
  });
  const output = result.output as ICruiseResult;
  violations = output.summary.violations.map((violation) => ({
    rule: violation.rule.name,
    from: violation.from,
    to: violation.to,
  }));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const caught = (rule: string) =>
  violations.filter((violation) => violation.rule === rule).map(({ from, to }) => `${from} → ${to}`);

describe('import boundaries', () => {
  it('refuses a package importing an app', () => {
    expect(caught('package-imports-app')).toEqual(['packages/app/src/index.ts → apps/api/src/index.ts']);
  });

  it('refuses the web app importing server code, and lets it import the router type', () => {
    expect(caught('web-imports-server-values')).toEqual(['apps/web/src/page.ts → packages/app/src/index.ts']);
  });

  it('refuses Prisma outside packages/db, and lets packages/db import it', () => {
    expect(caught('prisma-outside-db').sort()).toEqual([
      'packages/app/src/client.ts → node_modules/@prisma/client/index.js',
      'packages/app/src/generated.ts → packages/db/src/generated/prisma/client.ts',
    ]);
  });

  it('refuses I/O and other Lantern packages in packages/domain, and lets it use luxon', () => {
    expect(caught('domain-with-io').sort()).toEqual([
      'packages/domain/src/read-file.ts → fs',
      'packages/domain/src/uses-db.ts → packages/db/src/client.ts',
    ]);
  });

  it('refuses packages/db importing the synthetic-data generator', () => {
    expect(caught('db-imports-synth')).toEqual(['packages/db/src/seed.ts → packages/synth/src/index.ts']);
  });

  it('refuses the CLI importing the API except to serve', () => {
    expect(caught('cli-imports-api')).toEqual(['apps/cli/src/commands/report.ts → apps/api/src/index.ts']);
  });

  it('refuses an import cycle', () => {
    // dependency-cruiser reports a cycle once, at the first module of it it reaches.
    expect(caught('no-circular')).toEqual(['packages/geo/src/a.ts → packages/geo/src/b.ts']);
  });
});
