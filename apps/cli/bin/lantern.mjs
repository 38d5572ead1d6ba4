#!/usr/bin/env node
// `lantern` on a PATH (the package's bin): the built CLI, `pnpm build`'s apps/cli/dist/main.js. The
// bin must exist when pnpm links it at install, before anything is built, so it is this file; in a
// checkout that has not been built it says how to run the CLI instead of failing on a missing file.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (existsSync(main)) {
  await import(main.href);
} else {
  process.stderr.write(
    'lantern: the CLI is not built in this checkout: run `pnpm build` first, or `pnpm lantern <command>` from the repository\n',
  );
  process.exitCode = 2;
}
