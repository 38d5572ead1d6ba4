import { describe, expect, it } from 'vitest';
import { computeMissingReport, type MissingReportChild, type MissingReportEpisode } from './compute-missing-report.ts';
import { handBuiltYearReport as expected } from './hand-built-year.fixture.ts';
import { missingReportSchema } from './missing-report-schema.ts';

/*
 * A hand-built year, 2024/25 (1 April 2024 – 31 March 2025, Europe/London). The period runs from
 * London midnight 2024-03-31T23:00Z (BST) to London midnight 2025-03-31T23:00Z (BST), exclusive.
 *
 * Children (sex, date of birth):
 *   A  M  2008-04-01   B  M  2010-06-15   C  U (unknown)  2009-01-01
 *   D  X  unknown      E  F  2007-09-30   F  M  2011-11-11
 *
 * Episodes (✓ = reported in the period):
 *   A-1  A  2024-01-15T10:00Z  before the period, 76 days before A1: history for the 90-day rule
 *   A0   A  2024-03-31T22:30Z  23:30 BST on 31 March: before the period (UTC and London agree here)
 *   A1 ✓ A  2024-03-31T23:30Z  00:30 BST on 1 April: in the period though its UTC date is 31 March.
 *           home; returned 03:30Z (4 h); RHI family service completed 2024-04-04T03:30Z, exactly
 *           72 h after the return → within 72 h. A's 3rd episode in 90 × 24 h (A-1, A0, A1; the
 *           window starts 2024-01-01T23:30Z) → MAM required (repeat), held 2024-04-10.
 *           A turns 16 on 1 April 2024, the day of A1 → age 16 (the birthday counts).
 *   A2   A  2025-03-31T23:30Z  00:30 BST on 1 April 2025: after the period.
 *   B1   B  2024-02-10T12:00Z  before the period
 *   B2   B  2024-03-20T12:00Z  before the period
 *   B3 ✓ B  2024-05-10T12:00Z  exactly 2160 h (90 × 24 h) after B1 (Feb 29 + Mar 31 + Apr 30 days),
 *           so B1 is on the window's edge and counts: 3rd episode → MAM required, not held.
 *           home, 3 h; RHI children's social care completed 2024-05-12 (within 72 h). Age 13.
 *   D1   D  2024-02-10T12:00Z  before the period
 *   D2   D  2024-03-20T12:00Z  before the period
 *   D3 ✓ D  2024-05-10T12:00:01Z  one second too late for D1 to be in its window: 2nd → no MAM.
 *           home, 2 h, no RHI. No date of birth: left out of the age range.
 *   C1 ✓ C  2024-10-26T23:30Z (00:30 BST 27 Oct) to 2024-10-29T23:30Z (23:30 GMT 29 Oct): 71 hours
 *           on the wall clock, 72 elapsed (the clocks went back on the 27th) → MAM required
 *           (duration), not held. county care; RHI children's social care completed 2024-11-05
 *           (late: completed, not within 72 h). Age 15 on 27 Oct.
 *   E1 ✓ E  2025-03-30T00:30Z (00:30 GMT 30 Mar) to 2025-04-01T23:30Z (00:30 BST 2 Apr): 72 hours
 *           on the wall clock, 71 elapsed (the clocks went forward on the 30th) → no MAM.
 *           OLA care; RHI other local authority, not completed. Age 17 on 30 March 2025.
 *   E2 ✓ E  2025-03-31T22:59:59Z: 23:59:59 BST on 31 March, the period's last second. OLA care,
 *           30 min; RHI other local authority completed 2025-04-02T10:00Z (within 72 h). 2nd → no MAM.
 *   F1 ✓ F  2025-03-29T10:00Z, still missing. To the period's end (2025-03-31T23:00Z) that is
 *           48 + 13 = 61 h → no MAM; as of 2025-04-01T10:00Z it is 72 h → MAM required.
 *           home, no RHI yet. Age 13.
 *
 * Figures:
 *   notifications 7 (A1 B3 D3 C1 E1 E2 F1); individuals 6 (A B C D E F)
 *   sex ratio of M or F only: M = A, B, F; F = E → male 3/4 = 75, female 1/4 = 25
 *     (counting C's U and D's X would give 3/6 = 50)
 *   ages at each child's first episode in the period: A 16, B 13, C 15, E 17, F 13 (D unknown)
 *     sorted 13 13 15 16 17, n = 5: p25 = ⌈1.25⌉ = 2nd = 13, p75 = ⌈3.75⌉ = 4th = 16
 *   from home: A, B, D, F / A1 B3 D3 F1 → 4 / 4; county care: C / C1 → 1 / 1; OLA: E / E1 E2 → 1 / 2
 *   RHI required 5 (A1 B3 C1 E1 E2) of 7 = 71.43 → 71%
 *     CSC:  B3 C1 → 2, share 2/5 = 40, completed 2 → 100%, within 72 h 1 (B3)
 *     FS:   A1 → 1, share 20, completed 1 → 100%, within 72 h 1 (exactly 72 h)
 *     adoption: 0
 *     OLA:  E1 E2 → 2, share 40, completed 1 (E2) → 50%, within 72 h 1
 *   MAM required 3 (A1 B3 C1) of 7 = 42.86 → 43%; held 1 (A1) of 3 = 33.33 → 33%
 *   as of 2025-04-01T10:00Z: F1 too → required 4 → 57.14 → 57%, held 1 of 4 → 25%
 */
const children: MissingReportChild[] = [
  { id: 'A', sex: 'M', dateOfBirth: '2008-04-01' },
  { id: 'B', sex: 'M', dateOfBirth: '2010-06-15' },
  { id: 'C', sex: 'U', dateOfBirth: '2009-01-01' },
  { id: 'D', sex: 'X', dateOfBirth: null },
  { id: 'E', sex: 'F', dateOfBirth: '2007-09-30' },
  { id: 'F', sex: 'M', dateOfBirth: '2011-11-11' },
];

const at = (iso: string | null) => (iso === null ? null : new Date(iso));
function episode(
  id: string,
  personId: string,
  reportedAt: string,
  returnedAt: string | null,
  more: Partial<Pick<MissingReportEpisode, 'careStatus' | 'rhiService'>> & {
    rhiCompletedAt?: string;
    mamHeldAt?: string;
  } = {},
): MissingReportEpisode {
  return {
    id,
    personId,
    reportedAt: new Date(reportedAt),
    returnedAt: at(returnedAt),
    careStatus: more.careStatus ?? 'home',
    rhiService: more.rhiService ?? null,
    rhiCompletedAt: at(more.rhiCompletedAt ?? null),
    mamHeldAt: at(more.mamHeldAt ?? null),
  };
}

// A different order from the working above, so nothing depends on input order.
const episodes: MissingReportEpisode[] = [
  episode('F1', 'F', '2025-03-29T10:00:00Z', null),
  episode('A1', 'A', '2024-03-31T23:30:00Z', '2024-04-01T03:30:00Z', {
    rhiService: 'family_service',
    rhiCompletedAt: '2024-04-04T03:30:00Z',
    mamHeldAt: '2024-04-10T10:00:00Z',
  }),
  episode('A0', 'A', '2024-03-31T22:30:00Z', '2024-03-31T23:00:00Z', {
    rhiService: 'family_service',
    rhiCompletedAt: '2024-04-01T09:00:00Z',
  }),
  episode('A-1', 'A', '2024-01-15T10:00:00Z', '2024-01-15T12:00:00Z', { mamHeldAt: '2024-01-20T10:00:00Z' }),
  episode('A2', 'A', '2025-03-31T23:30:00Z', '2025-04-01T01:00:00Z', { rhiService: 'family_service' }),
  episode('B1', 'B', '2024-02-10T12:00:00Z', '2024-02-10T13:00:00Z', { rhiService: 'childrens_social_care' }),
  episode('B2', 'B', '2024-03-20T12:00:00Z', '2024-03-20T13:00:00Z'),
  episode('B3', 'B', '2024-05-10T12:00:00Z', '2024-05-10T15:00:00Z', {
    rhiService: 'childrens_social_care',
    rhiCompletedAt: '2024-05-12T10:00:00Z',
  }),
  episode('D1', 'D', '2024-02-10T12:00:00Z', '2024-02-10T13:00:00Z'),
  episode('D2', 'D', '2024-03-20T12:00:00Z', '2024-03-20T13:00:00Z'),
  episode('D3', 'D', '2024-05-10T12:00:01Z', '2024-05-10T14:00:00Z'),
  episode('C1', 'C', '2024-10-26T23:30:00Z', '2024-10-29T23:30:00Z', {
    careStatus: 'county_care',
    rhiService: 'childrens_social_care',
    rhiCompletedAt: '2024-11-05T12:00:00Z',
  }),
  episode('E1', 'E', '2025-03-30T00:30:00Z', '2025-04-01T23:30:00Z', {
    careStatus: 'ola_care',
    rhiService: 'other_local_authority',
  }),
  episode('E2', 'E', '2025-03-31T22:59:59Z', '2025-03-31T23:30:00Z', {
    careStatus: 'ola_care',
    rhiService: 'other_local_authority',
    rhiCompletedAt: '2025-04-02T10:00:00Z',
  }),
];

describe('computeMissingReport on the hand-built 2024/25 fixture', () => {
  it('produces the figures worked out by hand, in the shape of the schema', () => {
    const report = computeMissingReport({ from: '2024-04-01', to: '2025-03-31', episodes, children });
    expect(report).toEqual(expected);
    expect(missingReportSchema.parse(report)).toEqual(report);
    expect(Object.keys(report)).toEqual(Object.keys(expected));
  });

  it('runs the open episode to --as-of: 72 hours by 2025-04-01T10:00Z', () => {
    const report = computeMissingReport({
      from: '2024-04-01',
      to: '2025-03-31',
      asOf: new Date('2025-04-01T10:00:00Z'),
      episodes,
      children,
    });
    expect(report.multiAgencyMeetings).toEqual({ required: 4, requiredPct: 57, held: 1, heldPct: 25 });
    const aMinuteEarlier = computeMissingReport({
      from: '2024-04-01',
      to: '2025-03-31',
      asOf: new Date('2025-04-01T09:59:00Z'),
      episodes,
      children,
    });
    expect(aMinuteEarlier.multiAgencyMeetings.required).toBe(3);
  });

  it('counts the earlier episodes only for the 90-day rule: without them A1 and B3 need no meeting', () => {
    const withoutHistory = episodes.filter((e) => !['A-1', 'A0', 'B1', 'B2', 'D1', 'D2'].includes(e.id));
    const report = computeMissingReport({ from: '2024-04-01', to: '2025-03-31', episodes: withoutHistory, children });
    expect(report.notifications).toBe(7);
    // Only C1 (72 h across the October change) is left: 1 of 7 = 14.29 → 14%, none held.
    expect(report.multiAgencyMeetings).toEqual({ required: 1, requiredPct: 14, held: 0, heldPct: 0 });
  });

  it('takes the MAM thresholds as parameters', () => {
    // 70 hours: E1 (71 h elapsed) now qualifies too → A1 B3 C1 E1 = 4 of 7 → 57%, held 1 of 4 → 25%.
    const report = computeMissingReport({
      from: '2024-04-01',
      to: '2025-03-31',
      thresholds: { durationHours: 70, repeatCount: 3, windowDays: 90 },
      episodes,
      children,
    });
    expect(report.multiAgencyMeetings).toEqual({ required: 4, requiredPct: 57, held: 1, heldPct: 25 });
  });

  it('is all zeros for a period without episodes', () => {
    const report = computeMissingReport({ from: '2023-04-01', to: '2023-04-30', episodes, children });
    expect(report.notifications).toBe(0);
    expect(report.ageRange).toEqual({ p25: null, p75: null });
    expect(report.sexRatio).toEqual({ male: 0, female: 0 });
    expect(report.multiAgencyMeetings).toEqual({ required: 0, requiredPct: 0, held: 0, heldPct: 0 });
  });

  it('reports a single London day: 1 April 2024 holds A1 only', () => {
    const report = computeMissingReport({ from: '2024-04-01', to: '2024-04-01', episodes, children });
    expect(report).toMatchObject({ notifications: 1, individuals: 1, ageRange: { p25: 16, p75: 16 } });
  });

  it('names a child that was not given', () => {
    expect(() =>
      computeMissingReport({ from: '2024-04-01', to: '2025-03-31', episodes, children: children.slice(1) }),
    ).toThrow('No child given for person A (episode A1)');
  });
});
