import type { FieldProblem } from '../app-error.ts';
import { isCalendarDate, utcDate } from '../calendar/calendar.ts';
import { birthDateProblem, eventInstantProblem } from '../calendar/date-bounds.ts';
import { parseLondonDateTime } from '../calendar/parse-london-date-time.ts';
import {
  type CareStatus,
  careStatuses,
  type PoliceRisk,
  policeRisks,
  type RhiService,
  rhiServices,
  type Sex,
  sexes,
} from '../enums.ts';

/** The missing-episodes CSV columns (docs/ARCHITECTURE.md), in the documented order. */
export const missingEpisodeColumns = [
  'episode_ref',
  'child_ref',
  'sex',
  'date_of_birth',
  'care_status',
  'police_risk',
  'reported_at',
  'returned_at',
  'last_seen_lat',
  'last_seen_lon',
  'found_lat',
  'found_lon',
  'rhi_service',
  'rhi_completed_at',
  'mam_held_at',
] as const;
export type MissingEpisodeColumn = (typeof missingEpisodeColumns)[number];
export type MissingEpisodeFields = Record<MissingEpisodeColumn, string>;

export interface MissingEpisodeImportRow {
  episodeRef: string;
  childRef: string;
  sex: Sex;
  /** 'YYYY-MM-DD', or null when the column is empty. */
  dateOfBirth: string | null;
  careStatus: CareStatus;
  policeRisk: PoliceRisk;
  reportedAt: Date;
  returnedAt: Date | null;
  lastSeen: { lon: number; lat: number } | null;
  found: { lon: number; lat: number } | null;
  rhiService: RhiService | null;
  rhiCompletedAt: Date | null;
  mamHeldAt: Date | null;
}

export type MissingEpisodeRowResult =
  | { ok: true; episode: MissingEpisodeImportRow }
  | { ok: false; problems: FieldProblem[] };

const MAX_REF = 100;
const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * Checks one row of the missing-episodes CSV and converts it, or lists every problem with its
 * line, field and value. Date-times without an offset are Europe/London time. Rules beyond the
 * column formats: the return is not before the report, an RHI completion needs a service and a
 * return and is not before the return, coordinates come in pairs, the child is born by the report.
 *
 * @example
 * parseMissingEpisodeRow({ episode_ref: 'ME-1', child_ref: 'CH-1', sex: 'F', date_of_birth: '2009-05-01',
 *   care_status: 'home', police_risk: 'medium', reported_at: '2024-07-01T21:00', returned_at: '',
 *   last_seen_lat: '', last_seen_lon: '', found_lat: '', found_lon: '', rhi_service: '',
 *   rhi_completed_at: '', mam_held_at: '' }, 'episodes.csv', 2).ok; // → true
 */
export function parseMissingEpisodeRow(
  fields: MissingEpisodeFields,
  file: string,
  line: number,
): MissingEpisodeRowResult {
  const problems: FieldProblem[] = [];
  const problem = (field: MissingEpisodeColumn, message: string) =>
    problems.push({ file, line, field, value: fields[field], message });
  const value = (field: MissingEpisodeColumn) => fields[field].trim();

  const ref = (field: 'episode_ref' | 'child_ref') => {
    const text = value(field);
    if (text === '') problem(field, 'must not be empty');
    else if (text.length > MAX_REF || hasControlCharacter(text)) {
      problem(field, `must be at most ${MAX_REF} characters without control characters`);
    }
    return text;
  };
  const oneOf = <T extends string>(field: MissingEpisodeColumn, allowed: readonly T[], optional: boolean) => {
    const text = value(field);
    if (text === '' && optional) return null;
    if ((allowed as readonly string[]).includes(text)) return text as T;
    problem(field, `must be one of ${allowed.join(', ')}${optional ? ' or empty' : ''}`);
    return null;
  };
  const instant = (field: MissingEpisodeColumn, optional: boolean) => {
    const text = value(field);
    if (text === '') {
      if (!optional) problem(field, 'must not be empty');
      return null;
    }
    const parsed = parseLondonDateTime(text);
    if (!parsed.ok) {
      problem(field, parsed.message);
      return null;
    }
    const outOfBounds = eventInstantProblem(parsed.instant);
    if (outOfBounds) {
      problem(field, outOfBounds);
      return null;
    }
    return parsed.instant;
  };
  const coordinate = (field: MissingEpisodeColumn, limit: number) => {
    const text = value(field);
    if (text === '') return null;
    const number = Number(text);
    if (!numberPattern.test(text) || Math.abs(number) > limit) {
      problem(field, `must be a decimal number of degrees between -${limit} and ${limit}`);
      return undefined;
    }
    return number;
  };
  const point = (latField: MissingEpisodeColumn, lonField: MissingEpisodeColumn) => {
    const lat = coordinate(latField, 90);
    const lon = coordinate(lonField, 180);
    if (lat === undefined || lon === undefined) return null;
    if ((lat === null) !== (lon === null)) {
      problem(lat === null ? latField : lonField, `must be given together with ${lat === null ? lonField : latField}`);
      return null;
    }
    return lat === null || lon === null ? null : { lon, lat };
  };

  const episodeRef = ref('episode_ref');
  const childRef = ref('child_ref');
  const sex = oneOf('sex', sexes, false);
  const dateOfBirth = calendarDate(value('date_of_birth'));
  if (dateOfBirth === undefined) problem('date_of_birth', 'must be a date as YYYY-MM-DD or empty');
  const birthProblem = dateOfBirth ? birthDateProblem(dateOfBirth) : null;
  if (birthProblem) problem('date_of_birth', birthProblem);
  const careStatus = oneOf('care_status', careStatuses, false);
  const policeRisk = oneOf('police_risk', policeRisks, false);
  const reportedAt = instant('reported_at', false);
  const returnedAt = instant('returned_at', true);
  const lastSeen = point('last_seen_lat', 'last_seen_lon');
  const found = point('found_lat', 'found_lon');
  const rhiService = oneOf('rhi_service', rhiServices, true);
  const rhiCompletedAt = instant('rhi_completed_at', true);
  const mamHeldAt = instant('mam_held_at', true);

  if (reportedAt && returnedAt && returnedAt < reportedAt) problem('returned_at', 'must not be before reported_at');
  if (rhiCompletedAt) {
    if (value('rhi_service') === '') problem('rhi_completed_at', 'needs rhi_service (which service completed it)');
    if (value('returned_at') === '') problem('rhi_completed_at', 'needs returned_at (an interview follows the return)');
    else if (returnedAt && rhiCompletedAt < returnedAt) problem('rhi_completed_at', 'must not be before returned_at');
  }
  if (dateOfBirth && reportedAt && dateOfBirth > utcDate(reportedAt)) {
    problem('date_of_birth', 'must not be after reported_at');
  }

  if (problems.length > 0 || !sex || !careStatus || !policeRisk || !reportedAt) return { ok: false, problems };
  return {
    ok: true,
    episode: {
      episodeRef,
      childRef,
      sex,
      dateOfBirth: dateOfBirth ?? null,
      careStatus,
      policeRisk,
      reportedAt,
      returnedAt,
      lastSeen,
      found,
      rhiService,
      rhiCompletedAt,
      mamHeldAt,
    },
  };
}

// A reference is an identifier: a control character (NUL, a stray newline) is a broken export.
function hasControlCharacter(text: string): boolean {
  return [...text].some((character) => (character.codePointAt(0) ?? 0) < 0x20);
}

/** null for empty, undefined for not a calendar date. */
function calendarDate(text: string): string | null | undefined {
  if (text === '') return null;
  return isCalendarDate(text) ? text : undefined;
}
