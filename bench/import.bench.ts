/**
 * police.uk import throughput on both backends: every police.uk street CSV in the repository
 * (data/police-uk and tests/fixtures/police-uk, or the files given as arguments), into a fresh
 * database, first import and re-import.
 * PGlite runs on a scratch data directory, as the embedded default does; PostgreSQL is measured
 * when BENCH_DATABASE_URL is set (an admin URL; a scratch database is created and dropped).
 * Run: pnpm bench:import
 *
 * The anchor, in the same run and on the same backend: the rows the import stored, pre-formatted
 * in COPY's text format (geometry as EWKB hex, district codes already known), copied into the
 * same emptied table with COPY FROM STDIN (PGlite: its /dev/blob). That is the floor of what
 * loading these rows can cost; the import also parses and checks the CSV, keys the rows, finds
 * each point's district, formats them (on its reader thread), copies a month without rows in and
 * upserts a month with some, and then the map's tile cells are recounted (once for all the files,
 * as the CLI does). As the CLI, it starts the files' reader thread while the database opens.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  closePoliceUkReaders,
  copyTextRow,
  crimeEventColumns,
  type Database,
  importPoliceUkFile,
  migrateAndLoad,
  refreshCrimeTileCells,
  startPoliceUkReaders,
} from '@lantern/db';
import { everyPoliceUkFile } from '../tests/support/police-uk-files.ts';
import { onEachBackend } from './scratch-database.ts';

const files =
  process.argv.length > 2 ? process.argv.slice(2) : everyPoliceUkFile().filter((path) => path.endsWith('-street.csv'));

function line(label: string, pass: string, rows: number, seconds: number, extra = '') {
  const rate = Math.round(rows / seconds);
  console.log(
    `${label.padEnd(9)} ${pass.padEnd(36)} ${String(rows).padStart(7)} rows  ${seconds.toFixed(2).padStart(6)} s  ${String(rate).padStart(6)} rows/s${extra}`,
  );
  return rate;
}

/** COPY of the stored rows into the emptied table: rows/s. */
async function anchor(label: string, db: Database): Promise<number> {
  const stored = await db.sql.query<Record<string, string | null>>(
    `SELECT id, crime_id, to_char(month, 'YYYY-MM-DD') AS month, reported_by, falls_within, geom::text AS geom,
            location, lsoa_code, lsoa_name, crime_type, outcome, context, district_code
     FROM crime_event`,
  );
  const text = stored.map((row) => copyTextRow(crimeEventColumns.map((column) => row[column] ?? null))).join('');
  await db.sql.query('TRUNCATE crime_event');
  const started = performance.now();
  await db.sql.copyFrom('crime_event', crimeEventColumns, text);
  return line(label, 'anchor: COPY FROM', stored.length, (performance.now() - started) / 1000);
}

async function measure(label: string, db: Database) {
  // As `lantern import police-uk` does: the files' reader thread starts while the database opens.
  startPoliceUkReaders();
  await migrateAndLoad(db);
  let firstImport = 0;
  // The first import's files alone, to their last commit (the rows are in and queryable), before the cells.
  let firstFiles = 0;
  for (const pass of ['first import', 're-import (no changes)']) {
    let rows = 0;
    const started = performance.now();
    // As `lantern import police-uk <files…>` does: each file in its transaction, then the map's
    // tile cells of every month they touched, counted once.
    for (const file of files) rows += (await importPoliceUkFile(db.sql, file, { refreshTileCells: false })).rows;
    const imported = performance.now();
    const months = await db.sql.transaction((tx) => refreshCrimeTileCells(tx));
    const seconds = (performance.now() - started) / 1000;
    const cells = `  (files ${((imported - started) / 1000).toFixed(2)} s, cells of ${months.length} months ${((performance.now() - imported) / 1000).toFixed(2)} s)`;
    const rate = line(label, pass, rows, seconds, cells);
    if (pass === 'first import') {
      firstImport = rate;
      firstFiles = rows / ((imported - started) / 1000);
    }
  }
  const copyRate = await anchor(label, db);
  console.log(
    `${label.padEnd(9)} first import / anchor  ${Math.round((100 * firstImport) / copyRate)} % ` +
      `(its files alone ${Math.round((100 * firstFiles) / copyRate)} %)`,
  );
  await oneMonthInParts(label, db);
  await db.close();
}

/**
 * police.uk publishes a month as a file per force. The largest file here, cut into 8 parts of
 * consecutive rows, imported into an emptied table: the map's cells counted after each part (as
 * `importPoliceUkFile` does alone) against once after all eight (as the CLI does).
 */
async function oneMonthInParts(label: string, db: Database) {
  const largest = files.map((file) => ({ file, size: statSync(file).size })).sort((a, b) => b.size - a.size)[0]?.file;
  if (largest === undefined) return;
  const [header, ...rows] = readFileSync(largest, 'utf8')
    .split(/\r?\n/)
    .filter((row) => row !== '');
  const dir = mkdtempSync(join(tmpdir(), 'lantern-bench-'));
  const parts = Array.from({ length: 8 }, (_, part) => {
    const path = join(dir, `part-${part + 1}-of-8-${basename(largest)}`);
    const size = Math.ceil(rows.length / 8);
    writeFileSync(path, [header, ...rows.slice(part * size, (part + 1) * size)].join('\r\n'));
    return path;
  });
  for (const each of [true, false]) {
    await db.sql.query('TRUNCATE crime_event, crime_tile_cell, crime_tile_total, crime_tile_stale_month');
    const started = performance.now();
    for (const part of parts) await importPoliceUkFile(db.sql, part, { refreshTileCells: each });
    await db.sql.transaction((tx) => refreshCrimeTileCells(tx));
    line(
      label,
      `1 month, 8 files: ${each ? 'cells after each' : 'cells once'}`,
      rows.length,
      (performance.now() - started) / 1000,
    );
  }
  rmSync(dir, { recursive: true });
}

await onEachBackend(measure, { pgliteOnDisk: true });
await closePoliceUkReaders();
