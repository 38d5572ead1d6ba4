import type { ConflictDetail } from '@lantern/domain';
import { TRPCClientError } from '@trpc/client';

/**
 * The API names the field in every message it refuses a value with ("changes.name: must not be
 * empty; lon: must be between -180 and 180"). These helpers turn such a message into a message
 * per form field, so each shows beside its field in plain words.
 */
export type FieldErrors = Record<string, string>;

const fieldPrefix = /^([A-Za-z][\w.]*(?:\/[A-Za-z]\w*)?): (.*)$/s;

/**
 * Splits the API's message into field → message. `aliases` maps an API path to the form's field
 * name (e.g. "lon/lat" → "lon"); the "changes." of an update is dropped. What names no known
 * field is returned as `general`.
 */
export function fieldErrorsOf(
  message: string,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): { byField: FieldErrors; general: string | null } {
  const byField: FieldErrors = {};
  const general: string[] = [];
  let last: { field: string | null } = { field: null };
  for (const part of message.split('; ')) {
    const match = fieldPrefix.exec(part);
    if (!match) {
      // A message may itself hold "; ": it continues the part before.
      if (last.field) byField[last.field] = `${byField[last.field]}; ${part}`;
      else general.push(part);
      continue;
    }
    const path = (match[1] ?? '').replace(/^changes\./, '');
    const field = aliases[path] ?? aliases[path.split('.')[0] ?? ''] ?? path.split('.')[0] ?? path;
    const text = match[2] ?? '';
    if (fields.includes(field)) {
      byField[field] = byField[field] ? `${byField[field]}; ${text}` : text;
      last = { field };
    } else {
      general.push(part);
      last = { field: null };
    }
  }
  return { byField, general: general.length > 0 ? general.join('; ') : null };
}

/** "Name must not be empty" or "Location: 0.1, 51.5 is outside every district Lantern covers". */
export function inPlainWords(label: string, message: string): string {
  return /^(must|is|are|applies|needs) /.test(message) ? `${label} ${message}` : `${label}: ${message}`;
}

/** Who changed the record and when, when the API refused a save as a CONFLICT and knows. */
export function conflictOf(error: unknown): ConflictDetail | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { code?: string; conflict?: ConflictDetail } | undefined;
  if (data?.code !== 'CONFLICT') return null;
  return data.conflict ?? { currentVersion: null, changedBy: null, changedAt: null };
}
