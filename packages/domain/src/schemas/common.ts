import { z } from 'zod';
import { districtCodes } from '../districts.ts';

/**
 * Building blocks shared by the procedure schemas. Messages say what a valid value looks like.
 * Everything here is also storable: PostgreSQL refuses text with NUL characters and the year
 * 0000 (1 BC is followed by AD 1), so those are refused here as bad input, not there as a 500.
 */
const withoutNul = (value: string) => !value.includes('\u0000');
const notYearZero = (value: string) => !value.startsWith('0000');

export const id = z.uuid({ error: 'must be a UUID' });
export const isoDate = z.iso
  .date({ error: 'must be a date as YYYY-MM-DD' })
  .refine(notYearZero, 'must be a date as YYYY-MM-DD (there is no year 0000)');
export const instant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset' })
  .refine(notYearZero, 'must be an ISO 8601 date-time with an offset (there is no year 0000)');
export const districtCode = z.enum(districtCodes as [string, ...string[]], {
  error: (issue) => `must be one of the district codes ${districtCodes.join(', ')} (got ${describeValue(issue.input)})`,
});
export const version = z.int({ error: 'must be the whole-number version you read' }).min(1);
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(withoutNul, 'must not contain NUL characters');
export const longitude = z
  .number({ error: 'must be a number' })
  .min(-180, 'must be between -180 and 180')
  .max(180, 'must be between -180 and 180');
export const latitude = z
  .number({ error: 'must be a number' })
  .min(-90, 'must be between -90 and 90')
  .max(90, 'must be between -90 and 90');
export const limit = z.int().min(1).max(200).default(50);
export const reason = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .refine(withoutNul, 'must not contain NUL characters')
  .optional();

/** A short, safe rendering of any input for a message (JSON.stringify throws on a BigInt). */
function describeValue(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  try {
    const json = JSON.stringify(value);
    if (json === undefined) return String(value);
    return json.length > 60 ? `${json.slice(0, 57)}...` : json;
  } catch {
    return typeof value;
  }
}
