import { defineConfig } from 'tsup';

// `node apps/cli/dist/main.js`: one ESM file, and its worker threads' files beside it. Our workspace packages are bundled in; packages
// that load native or WebAssembly files at run time stay external and resolve from node_modules.
export default defineConfig({
  // The analytics pool's worker and the police.uk import's reader are files of their own beside
  // main.js (packages/app analytics-pool.ts, packages/db police-uk-reader.ts).
  entry: {
    main: 'src/main.ts',
    'analytics-worker': '../../packages/app/src/analytics/analytics-work.ts',
    'police-uk-read-worker': '../../packages/db/src/police-uk-read-work.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  // Bundled CommonJS (fastify plugins) calls require() for Node built-ins, which ESM lacks.
  banner: {
    js: "import { createRequire as __lanternCreateRequire } from 'node:module'; const require = __lanternCreateRequire(import.meta.url);",
  },
  noExternal: [/^@lantern\//],
  external: [
    '@electric-sql/pglite',
    '@electric-sql/pglite-postgis',
    '@node-rs/argon2',
    '@resvg/resvg-js',
    '@prisma/client',
    '@prisma/adapter-pg',
    'pglite-prisma-adapter',
    'pg',
    'fastify',
    // piscina starts its threads from its own worker.js, which must stay beside its code.
    'piscina',
  ],
});
