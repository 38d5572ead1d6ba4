import { describe, expect, it } from 'vitest';
import { type IntelligenceFields, intelligenceLayout, parseIntelligenceRow } from './parse-intelligence-row.ts';

const agencies = new Set(['Mansfield District Council']);
const row = (changes: Partial<IntelligenceFields> = {}): IntelligenceFields => ({
  report_ref: 'IR-1',
  submitted_at: '2024-07-01T10:00',
  occurred_at: '2024-06-30T23:30',
  submitting_agency: 'Mansfield District Council',
  category: 'cse',
  source_evaluation: '2',
  intelligence_evaluation: 'B',
  handling_code: 'P',
  handling_conditions: '',
  lat: '53.14',
  lon: '-1.2',
  body: 'Two girls seen getting into a grey car',
  subjects: 'Jay Example|2008-03-04; C-ABC234',
  vehicles: 'ab12 cde;XY34ZZZ',
  ...changes,
});

describe('parseIntelligenceRow', () => {
  it('converts a graded row with subjects and vehicles (London times)', () => {
    const result = parseIntelligenceRow(row(), 'i.csv', 2, agencies);
    expect(result).toEqual({
      ok: true,
      report: {
        reportRef: 'IR-1',
        submittedAt: new Date('2024-07-01T09:00:00Z'),
        occurredAt: new Date('2024-06-30T22:30:00Z'),
        agency: 'Mansfield District Council',
        category: 'cse',
        grading: { sourceEvaluation: '2', intelligenceEvaluation: 'B', handlingCode: 'P', handlingConditions: null },
        point: { lon: -1.2, lat: 53.14 },
        body: 'Two girls seen getting into a grey car',
        subjects: [{ name: 'Jay Example', dateOfBirth: '2008-03-04' }, { reference: 'C-ABC234' }],
        vehicles: ['AB12CDE', 'XY34ZZZ'],
      },
    });
  });

  it('takes an ungraded row as awaiting evaluation', () => {
    const result = parseIntelligenceRow(
      row({ source_evaluation: '', intelligence_evaluation: '', handling_code: '', lat: '', lon: '' }),
      'i.csv',
      2,
      agencies,
    );
    expect(result.ok && result.report.grading).toBeNull();
    expect(result.ok && result.report.point).toBeNull();
  });

  it('names every bad field with its line and value', () => {
    const result = parseIntelligenceRow(
      row({
        submitting_agency: 'Nobody',
        handling_code: 'C',
        intelligence_evaluation: '',
        lat: '53.1',
        lon: '',
        subjects: 'A|B|C',
        vehicles: 'TOO LONG 123',
      }),
      'i.csv',
      7,
      agencies,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => `${p.line} ${p.field} ${p.value}: ${p.message}`)).toEqual([
      '7 submitting_agency Nobody: is not an agency Lantern knows (agencies are matched by name)',
      '7 intelligence_evaluation : must be given with the rest of the grading (all three or none)',
      '7 handling_conditions : is required when handling_code is C',
      '7 lon : must be given together with lat',
      '7 subjects A|B|C: each subject must be a name, name|YYYY-MM-DD or a Lantern reference (C-…, A-…)',
      '7 vehicles TOO LONG 123: each registration must be 2–8 letters and digits',
    ]);
  });

  it('reads the header in any order and names missing columns', () => {
    expect(intelligenceLayout(['report_ref', 'body'], 'i.csv')).toEqual({
      ok: false,
      problem: {
        file: 'i.csv',
        line: 1,
        message:
          'not an intelligence CSV: missing columns submitted_at, occurred_at, submitting_agency, category, source_evaluation, intelligence_evaluation, handling_code, handling_conditions, lat, lon, subjects, vehicles (expected report_ref,submitted_at,occurred_at,submitting_agency,category,source_evaluation,intelligence_evaluation,handling_code,handling_conditions,lat,lon,body,subjects,vehicles)',
      },
    });
  });
});
