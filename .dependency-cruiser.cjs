/**
 * Lantern's import boundaries (`pnpm lint` runs them; docs/ARCHITECTURE.md draws the layers).
 * Each rule names the arrow it forbids. tests/unit/import-boundaries.test.ts plants a violation of
 * every rule in a scratch tree and checks that this configuration refuses it.
 */
const serverSide = '^(apps/(api|cli)|packages/(app|db|seed|synth))/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'package-imports-app',
      comment: 'Packages sit under the apps: a package never imports an app.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'web-imports-server-values',
      comment: 'The web app takes only types from the server (the router type); no server code reaches the browser.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: serverSide, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'prisma-outside-db',
      comment: 'packages/db is the only importer of Prisma and its generated client.',
      severity: 'error',
      from: { pathNot: '^packages/db/' },
      to: { path: ['node_modules/(@prisma|prisma|pglite-prisma-adapter)/', '^packages/db/src/generated/'] },
    },
    {
      name: 'domain-with-io',
      comment: 'packages/domain is pure: no I/O, no other Lantern package; only zod and luxon.',
      severity: 'error',
      from: { path: '^packages/domain/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: ['^packages/domain/', 'node_modules/(zod|luxon|@types/luxon)/'],
      },
    },
    {
      name: 'db-imports-synth',
      comment: 'Seeding sits above the database (packages/seed): the server never carries the generator.',
      severity: 'error',
      from: { path: '^packages/db/' },
      to: { path: '^packages/synth/' },
    },
    {
      name: 'cli-imports-api',
      comment: 'The CLI calls use cases (packages/app); it imports the API only to start the server.',
      severity: 'error',
      from: { path: '^apps/cli/', pathNot: '^apps/cli/src/commands/serve\\.ts$' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make modules impossible to read or load on their own.',
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
    reporterOptions: { text: { highlightFocused: true } },
  },
};
