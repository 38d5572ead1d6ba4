import type { Database } from '@lantern/db';
import {
  AppError,
  type MissingReport,
  missingReportCsv,
  missingReportTable,
  parseLondonDateTime,
} from '@lantern/domain';
import type { Io } from '../io.ts';
import { loadApp } from '../lazy-app.ts';

export type MissingReportFormat = 'json' | 'csv' | 'md';

export interface MissingReportOptions {
  from: string;
  to: string;
  asOf?: string;
  format: MissingReportFormat;
}

/** `lantern report missing`: the committee figures for a period, as JSON, CSV or Markdown. */
export async function reportMissing(db: Database, options: MissingReportOptions, io: Io): Promise<void> {
  const asOf = options.asOf === undefined ? undefined : parseAsOf(options.asOf);
  let report: MissingReport;
  try {
    report = await (await loadApp()).reportMissing({ db }, { from: options.from, to: options.to, asOf });
  } catch (error) {
    // The period's dates are checked by the domain's londonPeriod, which names the value.
    if (error instanceof RangeError) throw new AppError('BAD_INPUT', `--from/--to: ${error.message}`);
    throw error;
  }
  io.out(renderMissingReport(report, options.format));
}

export function renderMissingReport(report: MissingReport, format: MissingReportFormat): string {
  if (format === 'json') return JSON.stringify(report, null, 2);
  if (format === 'csv') return missingReportCsv(report);
  const table = missingReportTable(report);
  const cell = (text: string) => text.replaceAll('|', '\\|');
  return [
    `| Children missing from home and care | ${cell(table.heading)} |`,
    '| --- | ---: |',
    ...table.rows.map((row) => `| ${cell(row.measure)} | ${cell(row.value)} |`),
  ].join('\n');
}

function parseAsOf(text: string): Date {
  const parsed = parseLondonDateTime(text);
  if (!parsed.ok) throw new AppError('BAD_INPUT', `--as-of ${parsed.message} (got "${text}")`);
  return parsed.instant;
}
