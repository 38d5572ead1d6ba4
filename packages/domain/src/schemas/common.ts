import { z } from 'zod';
import {
  birthDateProblem,
  eventInstantProblem,
  plannedDateProblem,
  queryDateProblem,
} from '../calendar/date-bounds.ts';
import { districtCodes } from '../districts.ts';

/**
 * Building blocks shared by the procedure schemas. Messages say what a valid value looks like.
 * Everything here is also storable: PostgreSQL refuses text with NUL characters and the year
 * 0000 (1 BC is followed by AD 1), so those are refused here as bad input, not there as a 500.
 */
const withoutNul = (value: string) => !value.includes('\u0000');
const notYearZero = (value: string) => !value.startsWith('0000');

export const id = z.uuid({ error: 'must be a UUID' });
/** A zod refinement from one of the calendar's date-bounds rules (calendar/date-bounds.ts). */
const bounded =
  (problemOf: (value: string) => string | null) =>
  (value: string, ctx: z.RefinementCtx): void => {
    const problem = problemOf(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem} (got ${value})` });
  };

/** A date in a query or filter: a real date between 1900 and 2100. */
export const isoDate = z.iso
  .date({ error: 'must be a date as YYYY-MM-DD' })
  .refine(notYearZero, { message: 'must be a date as YYYY-MM-DD (there is no year 0000)', abort: true })
  .superRefine(bounded(queryDateProblem));
/** When something happened: from 2000 until now (a day's grace for clocks). */
export const instant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset' })
  .refine(notYearZero, {
    message: 'must be an ISO 8601 date-time with an offset (there is no year 0000)',
    abort: true,
  })
  .superRefine(bounded((value) => eventInstantProblem(new Date(value))));
/** A date of birth: in the past, not before 1900. */
export const birthDate = isoDate.superRefine(bounded((value) => birthDateProblem(value)));
/** A date recorded or planned: a meeting, a due or review date, a period of concern (2000 to ten years ahead). */
export const plannedDate = isoDate.superRefine(bounded((value) => plannedDateProblem(value)));
export const districtCode = z.enum(districtCodes as [string, ...string[]], {
  error: (issue) => `must be one of the district codes ${districtCodes.join(', ')} (got ${describeValue(issue.input)})`,
});
export const version = z
  .int({ error: 'must be the whole-number version you read' })
  .min(1, 'must be the whole-number version you read')
  .max(2_147_483_647, 'must be the whole-number version you read');
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
