import { defineConfig } from 'tsup';

// One ESM file for `node apps/cli/dist/main.js`. Our workspace packages are bundled in; packages
// that load native or WebAssembly files at run time stay external and resolve from node_modules.
export default defineConfig({
  entry: ['src/main.ts'],
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
    '@prisma/client',
    '@prisma/adapter-pg',
    'pglite-prisma-adapter',
    'pg',
    'fastify',
  ],
});
