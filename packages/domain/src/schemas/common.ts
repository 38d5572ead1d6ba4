import { z } from 'zod';
import { districtCodes } from '../districts.ts';

/** Building blocks shared by the procedure schemas. Messages say what a valid value looks like. */
export const id = z.uuid({ error: 'must be a UUID' });
export const isoDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
export const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset' });
export const districtCode = z.enum(districtCodes as [string, ...string[]], {
  error: (issue) =>
    `must be one of the district codes ${districtCodes.join(', ')} (got ${JSON.stringify(issue.input)})`,
});
export const version = z.int({ error: 'must be the whole-number version you read' }).min(1);
export const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const longitude = z.number({ error: 'must be a number' }).min(-180).max(180);
export const latitude = z.number({ error: 'must be a number' }).min(-90).max(90);
export const limit = z.int().min(1).max(200).default(50);
export const reason = z.string().trim().max(500, 'must be at most 500 characters').optional();
