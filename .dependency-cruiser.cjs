/**
 * Lantern's import boundaries, checked by `pnpm lint` (`pnpm run lint:imports`). Each rule names
 * the arrow it forbids; tests/unit/import-boundaries.test.ts plants a violation of every rule in a
 * scratch tree and checks that this configuration refuses it.
 *
 * The web rule lets `import type` through: dependency-cruiser reads the TypeScript source
 * (tsPreCompilationDeps), so it sees imports the compiler erases. It also counts
 * `import { type X }` as type-only, though under verbatimModuleSyntax that form still loads the
 * module; Biome's useImportType (an error in biome.json, run by the same `pnpm lint`) refuses it.
 */
const serverSide = '^(apps/(api|cli)|packages/(app|db|seed|synth))/';

/**
 * A package imported by name also counts when it does not resolve (the importer's package.json
 * does not list it yet): the dependency then carries the bare name instead of a path.
 */
const named = (...names) => `^(${names.join('|')})(/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'package-imports-app',
      comment: 'Packages sit under the apps: a package never imports an app.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: ['^apps/', named('@lantern/api', '@lantern/cli', '@lantern/web')] },
    },
    {
      name: 'web-imports-server-values',
      comment: 'The web app takes only types from the server (the router type): no server code reaches the browser.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: {
        path: [serverSide, named('@lantern/(api|cli|app|db|seed|synth)')],
        dependencyTypesNot: ['type-only', 'type-import'],
      },
    },
    {
      name: 'prisma-outside-db',
      comment: 'packages/db is the only importer of Prisma, its driver adapters and its generated client.',
      severity: 'error',
      from: { pathNot: '^packages/db/' },
      to: {
        path: [
          'node_modules/(@prisma|prisma|pglite-prisma-adapter)/',
          '^packages/db/src/generated/',
          named('@prisma/[^/]+', 'prisma', 'pglite-prisma-adapter'),
        ],
      },
    },
    {
      name: 'domain-with-io',
      comment:
        'packages/domain is pure: no I/O (node builtins, pg, PGlite, Fastify, …) and no other Lantern package; only zod, luxon, the pure string matchers of duplicate detection and the synchronous CSV writer (the committee CSV shared by the CLI and the web app).',
      severity: 'error',
      from: { path: '^packages/domain/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: [
          '^packages/domain/',
          'node_modules/(zod|luxon|@types/luxon|double-metaphone|fastest-levenshtein)/',
          'node_modules/csv-stringify/dist/esm/sync\\.d\\.ts$',
        ],
      },
    },
    {
      name: 'analytics-with-io',
      comment:
        'packages/geo and packages/network are pure analytics (data in, figures out): no I/O, no database, no use cases; their tests may read fixtures.',
      severity: 'error',
      from: { path: '^packages/(geo|network)/', pathNot: '\\.test\\.ts$' },
      to: {
        path: ['^packages/(db|app|seed|synth)/', named('@lantern/(db|app|seed|synth)', 'pg', '@electric-sql/pglite')],
      },
    },
    {
      name: 'analytics-with-node-builtins',
      comment: 'The same packages run in worker threads and the browser: no Node built-ins outside their tests.',
      severity: 'error',
      from: { path: '^packages/(geo|network)/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'db-imports-synth',
      comment: 'Seeding sits above the database (packages/seed): the server never carries the data generator.',
      severity: 'error',
      from: { path: '^packages/db/' },
      to: { path: ['^packages/synth/', named('@lantern/synth')] },
    },
    {
      name: 'cli-imports-api',
      comment: 'The CLI calls use cases (packages/app); it imports the API only to start the server.',
      severity: 'error',
      from: { path: '^apps/cli/', pathNot: '^apps/cli/src/commands/serve\\.ts$' },
      to: { path: ['^apps/api/', named('@lantern/api')] },
    },
    {
      name: 'cli-loads-app-at-start',
      comment:
        'The CLI loads the use cases and the API when a command that needs them runs (apps/cli/src/lazy-app.ts), not at start: loading them took half of `lantern db status` and of `--help`.',
      severity: 'error',
      from: { path: '^apps/cli/src/', pathNot: '\\.test\\.ts$' },
      to: {
        path: ['^packages/app/', '^apps/api/', named('@lantern/(app|api)')],
        dependencyTypesNot: ['type-only', 'type-import', 'dynamic-import'],
      },
    },
    {
      name: 'unresolvable-import',
      comment: 'An import that resolves to nothing is either broken or a package missing from package.json.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      comment: 'An import cycle means neither module can be read, tested or loaded without the other.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', '^packages/db/src/generated/prisma/(internal|models)/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
  },
};
