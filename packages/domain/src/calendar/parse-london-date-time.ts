import { DateTime } from 'luxon';
import { londonZone, MINUTE_MS } from './calendar.ts';

export type ParsedDateTime = { ok: true; instant: Date } | { ok: false; message: string };

const pattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Reads an ISO 8601 date-time as the missing-episodes CSV writes it: with an offset (`Z`,
 * `+01:00`) it is that instant; without one it is Europe/London wall-clock time. A wall time the
 * October change makes happen twice (01:00–01:59 on the last Sunday) is taken as the first, BST,
 * occurrence; one the March change skips (01:00–01:59 on the last Sunday) never happened and is
 * refused, so a typing error doesn't become a guess. A 'T' or a space may separate date and time.
 *
 * @example
 * parseLondonDateTime('2024-07-01T09:15');        // → { ok: true, instant: 2024-07-01T08:15:00Z } (BST)
 * parseLondonDateTime('2024-07-01T09:15:00Z');    // → { ok: true, instant: 2024-07-01T09:15:00Z }
 * parseLondonDateTime('2024-03-31T01:30').ok;     // → false: the clocks skip that hour
 */
export function parseLondonDateTime(text: string): ParsedDateTime {
  const match = pattern.exec(text);
  if (!match) {
    return { ok: false, message: 'must be an ISO 8601 date-time such as 2024-07-01T09:15 or 2024-07-01T09:15:00Z' };
  }
  const [, year, month, day, hour, minute, second = '0', fraction = '0', offset] = match;
  const fields = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number(fraction.padEnd(3, '0')),
  };
  if (offset !== undefined) {
    const digits = offset.replace(':', '');
    const zone = offset === 'Z' ? 'UTC' : `UTC${digits.slice(0, 3)}:${digits.slice(3) || '00'}`;
    const parsed = DateTime.fromObject(fields, { zone });
    if (!parsed.isValid) return { ok: false, message: `is not a valid date-time (${parsed.invalidExplanation})` };
    return { ok: true, instant: parsed.toJSDate() };
  }
  const wall = DateTime.fromObject(fields, { zone: 'UTC' });
  if (!wall.isValid) return { ok: false, message: `is not a valid date-time (${wall.invalidExplanation})` };
  // The instants whose London wall clock reads `wall`: try the offsets in force three hours
  // either side (a change is never closer to another than that) and keep those that agree.
  const wallMs = wall.toMillis();
  const candidates = [wallMs - 3 * 60 * MINUTE_MS, wallMs + 3 * 60 * MINUTE_MS]
    .map((probe) => wallMs - londonZone.offset(probe) * MINUTE_MS)
    .filter((instant) => instant + londonZone.offset(instant) * MINUTE_MS === wallMs);
  if (candidates.length === 0) {
    return {
      ok: false,
      message: 'is a London time that did not exist (the clocks went forward); add the offset, e.g. +01:00',
    };
  }
  return { ok: true, instant: new Date(Math.min(...candidates)) };
}
