import { writeFileSync } from 'node:fs';
import { type Database, importPlacesFile } from '@lantern/db';
import { type FieldProblem, formatProblem } from '@lantern/domain';
import type { Io } from '../io.ts';
import { type ImportOptions, reportSkipped } from './import.ts';

/**
 * `lantern import places <file.geojson>`: all-or-nothing unless --skip-invalid. The --rejects
 * file is GeoJSON too: the rejected features as they were, each with `lantern_feature` (its index
 * in the imported file) and `lantern_problem` added to its properties, so it can be fixed and
 * imported again.
 */
export async function importPlaces(db: Database, file: string, options: ImportOptions, io: Io): Promise<void> {
  const rejected: unknown[] = [];
  const report = await importPlacesFile(db.sql, file, {
    skipInvalid: options.skipInvalid,
    onReject: (feature, index, problems) => rejected.push(withProblem(feature, index, problems)),
  });
  if (options.rejects) {
    writeFileSync(options.rejects, `${JSON.stringify({ type: 'FeatureCollection', features: rejected }, null, 2)}\n`);
  }
  io.out(
    `${report.file}: ${report.rows} places (${report.inserted} new, ${report.updated} updated, ` +
      `${report.unchanged} unchanged, ${report.rejected} rejected)`,
  );
  reportSkipped(report, options, io);
}

function withProblem(feature: unknown, index: number, problems: readonly FieldProblem[]) {
  const problem = problems.map(formatProblem).join('; ');
  const original = typeof feature === 'object' && feature !== null && !Array.isArray(feature) ? feature : {};
  const properties = (original as { properties?: unknown }).properties;
  return {
    ...original,
    properties: {
      ...(typeof properties === 'object' && properties !== null ? properties : {}),
      lantern_feature: index,
      lantern_problem: problem,
    },
  };
}
