import { describe, expect, it } from 'vitest';
import { type CalibrationFigures, calibrationFigures, financialYearStarts } from './calibration.ts';
import { generateDataset } from './generate.ts';
import { ASHFIELD, GEDLING, MANSFIELD, RUSHCLIFFE } from './towns.ts';
import type { SyntheticDataset } from './types.ts';

/**
 * Targets per year (2019/20 seeds, docs/DOMAIN.md) and the tolerance each synthetic year must meet.
 * `min`/`max` rows are one-sided. Percentages are in points.
 */
const tolerances: {
  metric: string;
  get: (f: CalibrationFigures) => number;
  target: number;
  within?: number;
  min?: number;
  max?: number;
}[] = [
  { metric: 'missing notifications', get: (f) => f.notifications, target: 2400, within: 240 },
  { metric: 'distinct children', get: (f) => f.individuals, target: 900, within: 108 },
  { metric: 'male share of children %', get: (f) => f.malePct, target: 56, within: 5 },
  { metric: 'episodes with child aged 14–17 %', get: (f) => f.episodesAged14to17Pct, target: 75, min: 60 },
  { metric: 'from home: children', get: (f) => f.byCareStatus.home.individuals, target: 646, within: 97 },
  { metric: 'from home: episodes', get: (f) => f.byCareStatus.home.episodes, target: 1078, within: 162 },
  { metric: 'county care: children', get: (f) => f.byCareStatus.county_care.individuals, target: 166, within: 25 },
  { metric: 'county care: episodes', get: (f) => f.byCareStatus.county_care.episodes, target: 774, within: 116 },
  { metric: 'OLA: children', get: (f) => f.byCareStatus.ola_care.individuals, target: 124, within: 19 },
  { metric: 'OLA: episodes', get: (f) => f.byCareStatus.ola_care.episodes, target: 610, within: 92 },
  { metric: 'RHI required %', get: (f) => f.returnInterviews.requiredPct, target: 87, within: 5 },
  {
    metric: 'RHI share CSC %',
    get: (f) => f.returnInterviews.byService.childrens_social_care.requiredShare,
    target: 55,
    within: 5,
  },
  {
    metric: 'RHI share Family Service %',
    get: (f) => f.returnInterviews.byService.family_service.requiredShare,
    target: 21,
    within: 5,
  },
  {
    metric: 'RHI share OLA %',
    get: (f) => f.returnInterviews.byService.other_local_authority.requiredShare,
    target: 25,
    within: 5,
  },
  {
    metric: 'RHI adoption episodes',
    get: (f) => f.returnInterviews.byService.adoption_service.required,
    target: 2,
    min: 1,
    max: 6,
  },
  {
    metric: 'RHI completed CSC %',
    get: (f) => f.returnInterviews.byService.childrens_social_care.completedPct,
    target: 75,
    within: 6,
  },
  {
    metric: 'RHI completed Family Service %',
    get: (f) => f.returnInterviews.byService.family_service.completedPct,
    target: 96,
    within: 4,
  },
  {
    metric: 'RHI completed adoption %',
    get: (f) => f.returnInterviews.byService.adoption_service.completedPct,
    target: 100,
    min: 50,
  },
  {
    metric: 'RHI completed OLA %',
    get: (f) => f.returnInterviews.byService.other_local_authority.completedPct,
    target: 29,
    within: 7,
  },
  { metric: 'MAM required %', get: (f) => f.multiAgencyMeetings.requiredPct, target: 13, within: 4 },
  { metric: 'MAM held %', get: (f) => f.multiAgencyMeetings.heldPct, target: 68, within: 8 },
  { metric: 'episodes under 4 hours %', get: (f) => f.under4HoursPct, target: 55, min: 50 },
  { metric: 'found at a friend or relative %', get: (f) => f.foundAtFriendOrRelativePct, target: 50, min: 40 },
  {
    metric: 'missing children at risk of exploitation %',
    get: (f) => f.exploitationRiskAmongMissingPct,
    target: 18,
    within: 4,
  },
  // First flagged in the year: the identified children less those carried over from the year before.
  { metric: 'CSE children first flagged', get: (f) => f.cse.flagged, target: 440, within: 80 },
  { metric: 'CSE female share %', get: (f) => f.cse.femalePct, target: 85, within: 6 },
  { metric: 'CSE aged 14–17 at flag %', get: (f) => f.cse.aged14to17Pct, target: 80, min: 60 },
  { metric: 'CCE male share %', get: (f) => f.cce.malePct, target: 80, min: 70 },
  // `lantern report exploitation` over the year against the 2019/20 committee table (CSE) and a
  // criminal-exploitation table of comparable size.
  { metric: 'CSE identified', get: (f) => f.exploitation.cse.identified, target: 502, within: 50 },
  { metric: 'CSE new MASH referrals', get: (f) => f.exploitation.cse.newMashReferrals, target: 326, within: 65 },
  { metric: 'CSE risk assessments', get: (f) => f.exploitation.cse.riskAssessments, target: 344, within: 60 },
  {
    metric: 'CSE children at strategy meetings',
    get: (f) => f.exploitation.cse.strategyMeetings,
    target: 56,
    within: 22,
  },
  { metric: 'CSE children at ICPCs', get: (f) => f.exploitation.cse.icpcs, target: 42, within: 20 },
  { metric: 'CSE age p25', get: (f) => f.exploitation.cse.ageRange.p25 ?? 0, target: 14, min: 14, max: 17 },
  { metric: 'CSE age p75', get: (f) => f.exploitation.cse.ageRange.p75 ?? 0, target: 17, min: 14, max: 17 },
  { metric: 'CSE female %', get: (f) => f.exploitation.cse.sexRatio.female, target: 89, within: 5 },
  { metric: 'CSE monitored at MASE', get: (f) => f.exploitation.cse.panelMonitored, target: 65, within: 22 },
  { metric: 'CCE identified', get: (f) => f.exploitation.cce.identified, target: 300, within: 45 },
  { metric: 'CCE male %', get: (f) => f.exploitation.cce.sexRatio.male, target: 80, min: 70 },
  { metric: 'CCE risk assessments', get: (f) => f.exploitation.cce.riskAssessments, target: 210, within: 60 },
  { metric: 'CCE monitored at the CCE panel', get: (f) => f.exploitation.cce.panelMonitored, target: 50, within: 25 },
];

// Three tests read each seed's figures: generate each seed's dataset once.
const figuresBySeed = new Map<number, CalibrationFigures[]>();
function yearlyFigures(seed: number): CalibrationFigures[] {
  const cached = figuresBySeed.get(seed);
  if (cached) return cached;
  const dataset: SyntheticDataset = generateDataset({ seed });
  const figures = financialYearStarts(dataset).map((start) => calibrationFigures(dataset, start));
  figuresBySeed.set(seed, figures);
  return figures;
}

function topTwo(byDistrict: Record<string, { per1000Children: number }>): string[] {
  return Object.entries(byDistrict)
    .sort(([, a], [, b]) => b.per1000Children - a.per1000Children)
    .slice(0, 2)
    .map(([code]) => code)
    .sort();
}

describe.each([1, 2026])('calibration with seed %i', (seed) => {
  it('meets every stated tolerance in each of the three years', () => {
    const failures: string[] = [];
    yearlyFigures(seed).forEach((figures) => {
      for (const row of tolerances) {
        const value = row.get(figures);
        const low = row.min ?? row.target - (row.within ?? Infinity);
        const high = row.max ?? row.target + (row.within ?? Infinity);
        if (!(value >= low && value <= high)) {
          failures.push(`${figures.from} ${row.metric}: ${value.toFixed(1)} outside [${low}, ${high}]`);
        }
      }
    });
    expect(failures).toEqual([]);
  });

  it('puts the highest CSE flag rates in Mansfield and Ashfield, CCE in Gedling and Rushcliffe', () => {
    for (const figures of yearlyFigures(seed)) {
      expect(topTwo(figures.cse.byDistrict), `CSE ${figures.from}`).toEqual([ASHFIELD, MANSFIELD].sort());
      expect(topTwo(figures.cce.byDistrict), `CCE ${figures.from}`).toEqual([GEDLING, RUSHCLIFFE].sort());
    }
  });

  it('finds the most high-risk CSE in Mansfield and Ashfield, CCE in Gedling and Rushcliffe', () => {
    for (const figures of yearlyFigures(seed)) {
      const top = (rates: Record<string, number>) =>
        topTwo(Object.fromEntries(Object.entries(rates).map(([code, rate]) => [code, { per1000Children: rate }])));
      expect(top(figures.highRiskPer1000.cse), `CSE ${figures.from}`).toEqual([ASHFIELD, MANSFIELD].sort());
      expect(top(figures.highRiskPer1000.cce), `CCE ${figures.from}`).toEqual([GEDLING, RUSHCLIFFE].sort());
    }
  });

  it('has most RHIs completed within 72 hours of the return, but not all', () => {
    for (const figures of yearlyFigures(seed)) {
      const services = Object.values(figures.returnInterviews.byService);
      const completed = services.reduce((sum, service) => sum + service.completed, 0);
      const within72h = services.reduce((sum, service) => sum + service.completedWithin72h, 0);
      expect(within72h / completed).toBeGreaterThan(0.6);
      expect(within72h).toBeLessThan(completed);
    }
  });
});

describe('calibration across years', () => {
  it('has children missing in more than one year', () => {
    const dataset = generateDataset({ seed: 5 });
    const yearsByChild = new Map<string, Set<string>>();
    const [, second, third] = financialYearStarts(dataset);
    for (const episode of dataset.missingEpisodes) {
      const year = third && episode.reportedAt >= third ? 3 : second && episode.reportedAt >= second ? 2 : 1;
      yearsByChild.set(episode.personId, (yearsByChild.get(episode.personId) ?? new Set()).add(String(year)));
    }
    const multiYear = [...yearsByChild.values()].filter((years) => years.size > 1).length;
    expect(multiYear / yearsByChild.size).toBeGreaterThan(0.1);
  });
});
