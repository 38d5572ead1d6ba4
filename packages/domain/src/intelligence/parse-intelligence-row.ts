import type { FieldProblem } from '../app-error.ts';
import { isCalendarDate } from '../calendar/calendar.ts';
import { birthDateProblem, eventInstantProblem } from '../calendar/date-bounds.ts';
import { parseLondonDateTime } from '../calendar/parse-london-date-time.ts';
import { csvLayout } from '../csv-layout.ts';
import {
  type HandlingCode,
  handlingCodes,
  type IntelligenceCategory,
  type IntelligenceEvaluation,
  intelligenceCategories,
  intelligenceEvaluations,
  type SourceEvaluation,
  sourceEvaluations,
} from '../enums.ts';

/** The intelligence CSV columns (docs/ARCHITECTURE.md, a stable interface), in the documented order. */
export const intelligenceColumns = [
  'report_ref',
  'submitted_at',
  'occurred_at',
  'submitting_agency',
  'category',
  'source_evaluation',
  'intelligence_evaluation',
  'handling_code',
  'handling_conditions',
  'lat',
  'lon',
  'body',
  'subjects',
  'vehicles',
] as const;
export type IntelligenceColumn = (typeof intelligenceColumns)[number];
export type IntelligenceFields = Record<IntelligenceColumn, string>;

/** A subject as the file names them: a name (with a date of birth) or a Lantern reference. */
export type ImportedSubject = { name: string; dateOfBirth: string | null } | { reference: string };

export interface IntelligenceImportRow {
  reportRef: string;
  submittedAt: Date;
  occurredAt: Date | null;
  agency: string;
  category: IntelligenceCategory;
  /** null: not yet evaluated by the police (imported as awaiting evaluation). */
  grading: {
    sourceEvaluation: SourceEvaluation;
    intelligenceEvaluation: IntelligenceEvaluation;
    handlingCode: HandlingCode;
    handlingConditions: string | null;
  } | null;
  point: { lon: number; lat: number } | null;
  body: string;
  subjects: ImportedSubject[];
  vehicles: string[];
}

export type IntelligenceRowResult =
  | { ok: true; report: IntelligenceImportRow }
  | { ok: false; problems: FieldProblem[] };

/** A person's pseudonymous reference in Lantern (C-… a child, A-… an associate). */
export const lanternReferencePattern = /^[CA]-[A-Z0-9]{6,10}$/;
const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const registrationPattern = /^[A-Z0-9]{2,8}$/;
const MAX_REF = 100;

export function intelligenceLayout(header: readonly string[], file: string) {
  return csvLayout(intelligenceColumns, header, file, 'an intelligence CSV');
}

/**
 * Checks one row of the intelligence CSV and converts it, or lists every problem with its line,
 * field and value. The 3x5x2 grading is all there or all empty (awaiting evaluation); code C
 * needs its conditions and P has none. `agencies` are the agency names Lantern knows.
 */
export function parseIntelligenceRow(
  fields: IntelligenceFields,
  file: string,
  line: number,
  agencies: ReadonlySet<string>,
): IntelligenceRowResult {
  const problems: FieldProblem[] = [];
  const problem = (field: IntelligenceColumn, message: string, value = fields[field]) =>
    problems.push({ file, line, field, value, message });
  const value = (field: IntelligenceColumn) => fields[field].trim();

  const reportRef = value('report_ref');
  if (reportRef === '') problem('report_ref', 'must not be empty');
  else if (reportRef.length > MAX_REF || [...reportRef].some((c) => (c.codePointAt(0) ?? 0) < 0x20)) {
    problem('report_ref', `must be at most ${MAX_REF} characters without control characters`);
  }
  const instant = (field: 'submitted_at' | 'occurred_at', optional: boolean) => {
    const text = value(field);
    if (text === '') {
      if (!optional) problem(field, 'must not be empty');
      return null;
    }
    const parsed = parseLondonDateTime(text);
    const outOfBounds = parsed.ok ? eventInstantProblem(parsed.instant) : parsed.message;
    if (outOfBounds !== null) {
      problem(field, outOfBounds);
      return null;
    }
    return parsed.ok ? parsed.instant : null;
  };
  const submittedAt = instant('submitted_at', false);
  const occurredAt = instant('occurred_at', true);
  if (submittedAt && occurredAt && occurredAt > submittedAt) problem('occurred_at', 'must not be after submitted_at');

  const agency = value('submitting_agency');
  if (agency === '') problem('submitting_agency', 'must not be empty');
  else if (!agencies.has(agency))
    problem('submitting_agency', 'is not an agency Lantern knows (agencies are matched by name)');

  const oneOf = <T extends string>(field: IntelligenceColumn, allowed: readonly T[]) => {
    const text = value(field);
    if (text === '') return null;
    if ((allowed as readonly string[]).includes(text)) return text as T;
    problem(field, `must be one of ${allowed.join(', ')}${field === 'category' ? '' : ' or empty'}`);
    return undefined;
  };
  const category = oneOf('category', intelligenceCategories);
  if (category === null) problem('category', `must be one of ${intelligenceCategories.join(', ')}`);
  const sourceEvaluation = oneOf('source_evaluation', sourceEvaluations);
  const intelligenceEvaluation = oneOf('intelligence_evaluation', intelligenceEvaluations);
  const handlingCode = oneOf('handling_code', handlingCodes);
  const handlingConditions = value('handling_conditions') || null;
  const gradeFields = [
    ['source_evaluation', sourceEvaluation],
    ['intelligence_evaluation', intelligenceEvaluation],
    ['handling_code', handlingCode],
  ] as const;
  const given = gradeFields.filter(([, grade]) => grade !== null);
  if (given.length > 0 && given.length < gradeFields.length) {
    for (const [field, grade] of gradeFields) {
      if (grade === null) problem(field, 'must be given with the rest of the grading (all three or none)');
    }
  }
  if (handlingCode === 'C' && handlingConditions === null) {
    problem('handling_conditions', 'is required when handling_code is C');
  }
  if (handlingCode !== 'C' && handlingConditions !== null) {
    problem('handling_conditions', 'must be empty unless handling_code is C');
  }

  const coordinate = (field: 'lat' | 'lon', limit: number) => {
    const text = value(field);
    if (text === '') return null;
    const number = Number(text);
    if (!numberPattern.test(text) || Math.abs(number) > limit) {
      problem(field, `must be a decimal number of degrees between -${limit} and ${limit}`);
      return undefined;
    }
    return number;
  };
  const lat = coordinate('lat', 90);
  const lon = coordinate('lon', 180);
  if ((lat === null) !== (lon === null) && lat !== undefined && lon !== undefined) {
    problem(lat === null ? 'lat' : 'lon', `must be given together with ${lat === null ? 'lon' : 'lat'}`);
  }

  const body = value('body');
  if (body === '') problem('body', 'must not be empty');
  else if (body.length > 10_000) problem('body', 'must be at most 10000 characters');

  const subjects: ImportedSubject[] = [];
  for (const part of splitList(value('subjects'))) {
    if (lanternReferencePattern.test(part)) {
      subjects.push({ reference: part });
      continue;
    }
    const [name = '', dateOfBirth, ...rest] = part.split('|').map((piece) => piece.trim());
    if (name === '' || name.length > 200 || rest.length > 0) {
      problem('subjects', 'each subject must be a name, name|YYYY-MM-DD or a Lantern reference (C-…, A-…)', part);
    } else if (dateOfBirth !== undefined && (!isCalendarDate(dateOfBirth) || birthDateProblem(dateOfBirth))) {
      problem('subjects', `the date of birth after | must be a past date as YYYY-MM-DD`, part);
    } else subjects.push({ name, dateOfBirth: dateOfBirth ?? null });
  }
  if (subjects.length > 20) problem('subjects', 'must list at most 20 people');

  const vehicles: string[] = [];
  for (const part of splitList(value('vehicles'))) {
    const registration = part.replace(/\s+/g, '').toUpperCase();
    if (!registrationPattern.test(registration)) {
      problem('vehicles', 'each registration must be 2–8 letters and digits', part);
    } else if (!vehicles.includes(registration)) vehicles.push(registration);
  }

  if (problems.length > 0 || !submittedAt || !category || lat === undefined || lon === undefined) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    report: {
      reportRef,
      submittedAt,
      occurredAt,
      agency,
      category,
      grading:
        sourceEvaluation && intelligenceEvaluation && handlingCode
          ? { sourceEvaluation, intelligenceEvaluation, handlingCode, handlingConditions }
          : null,
      point: lat === null || lon === null ? null : { lon, lat },
      body,
      subjects,
      vehicles,
    },
  };
}

function splitList(text: string): string[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
