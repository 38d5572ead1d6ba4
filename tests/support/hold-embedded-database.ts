import { openDatabase } from '@lantern/db';

/**
 * A process that opens the embedded database in `argv[2]` and holds it until SIGTERM: the
 * "other process" of the single-owner tests. Prints `open <pid>` once it owns the database.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-embedded-database <dataDir>');
const db = await openDatabase({ dataDir });
process.stdout.write(`open ${process.pid}\n`);
process.on('SIGTERM', () => {
  void db.close().then(() => process.exit(0));
});
setInterval(() => undefined, 60_000);
