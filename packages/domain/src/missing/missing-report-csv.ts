// The browser build: it runs in the web app and in Node alike (the Node build needs Buffer).
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { MissingReport } from './missing-report-schema.ts';
import { missingReportTable } from './missing-report-table.ts';

/**
 * The committee figures as CSV: a "Measure" column and one column headed by the period, row for
 * row as `missingReportTable`. The stable layout of `lantern report missing --format csv`, and the
 * file the missing page downloads, so the two cannot differ.
 */
export function missingReportCsv(report: MissingReport): string {
  const table = missingReportTable(report);
  return stringify([['Measure', table.heading], ...table.rows.map((row) => [row.measure, row.value])]).trimEnd();
}
