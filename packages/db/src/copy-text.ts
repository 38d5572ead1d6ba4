import type { CopyData } from './sql.ts';

/**
 * PostgreSQL's COPY text format (tab-separated, `\N` for NULL, backslash escapes), the form
 * `Sql.copyFrom` takes. Values are text, numbers or null; a NUL byte cannot be stored as text,
 * so callers reject it first (the CSV imports do, naming its line and column).
 */
export type CopyValue = string | number | null | undefined;

export function copyTextRow(values: readonly CopyValue[]): string {
  let line = '';
  for (let index = 0; index < values.length; index++) {
    if (index > 0) line += '\t';
    const value = values[index];
    if (value === null || value === undefined) line += '\\N';
    else if (typeof value === 'number') line += String(value);
    else line += escapeCopyText(value);
  }
  return `${line}\n`;
}

const special = /[\\\n\r\t]/;
const specialEverywhere = /[\\\n\r\t]/g;
const escapes: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCopyText(value: string): string {
  return special.test(value) ? value.replace(specialEverywhere, (char) => escapes[char] ?? char) : value;
}

/** The full table and column list of a COPY statement, quoted (names come from code only). */
export function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) FROM ${source}`;
}

/** Collects COPY data into one Blob (PGlite reads COPY input from a Blob, not a stream). */
export async function copyDataBlob(data: CopyData): Promise<Blob> {
  if (typeof data === 'string') return new Blob([data]);
  const chunks: string[] = [];
  for await (const chunk of data) chunks.push(chunk);
  return new Blob(chunks);
}
