import { describe, expect, it } from 'vitest';
import type { ProfileFigure, ProfileFigures, ProfileTable } from './profile-document.ts';
import {
  compareCounts,
  defaultComparisonPeriod,
  figureText,
  hourOfWeekGrid,
  lastCompleteMonths,
  partnerEditionFigures,
  periodMonths,
  ratePer1000,
  SMALL_NUMBER_CAUTION,
  suppressPeopleCount,
} from './profile-rules.ts';

const query = { name: 'scale.children_identified', params: {} };

function figure(value: number | null, comparison: number | null, countsPeople = true): ProfileFigure {
  return {
    key: 'scale.children_identified',
    label: 'Children identified',
    value,
    comparison,
    ...compareCounts(value, comparison),
    ratePer1000: null,
    countsPeople,
    query,
  };
}

describe('compareCounts', () => {
  it('gives the change and the whole-percent change', () => {
    expect(compareCounts(47, 50)).toEqual({ change: -3, changePercent: -6, caution: null });
    expect(compareCounts(113, 100)).toEqual({ change: 13, changePercent: 13, caution: null });
    expect(compareCounts(30, 30)).toEqual({ change: 0, changePercent: 0, caution: null });
  });

  it('rounds a half percent away from zero, both ways', () => {
    expect(compareCounts(201, 200).changePercent).toBe(1); // 0.5 %
    expect(compareCounts(199, 200).changePercent).toBe(-1); // −0.5 %
    expect(compareCounts(12, 11).changePercent).toBe(9); // 9.09 %
  });

  it('has no percent against nothing, and nothing at all when a count is unknown', () => {
    expect(compareCounts(12, 0)).toEqual({ change: 12, changePercent: null, caution: SMALL_NUMBER_CAUTION });
    expect(compareCounts(null, 12)).toEqual({ change: null, changePercent: null, caution: null });
    expect(compareCounts(12, null)).toEqual({ change: null, changePercent: null, caution: null });
  });

  it('cautions when either count is under 10', () => {
    expect(compareCounts(9, 40).caution).toBe(SMALL_NUMBER_CAUTION);
    expect(compareCounts(40, 9).caution).toBe(SMALL_NUMBER_CAUTION);
    expect(compareCounts(10, 10).caution).toBeNull();
    expect(compareCounts(0, 0).caution).toBeNull();
    expect(compareCounts(3, 3).caution).toBeNull();
  });
});

describe('the partner edition', () => {
  const table = (countsPeople: boolean, namesPeople = false): ProfileTable => ({
    key: 'victims.sex',
    title: 'Sex',
    columns: ['Children'],
    rows: [
      { key: 'F', label: 'Female', cells: [4] },
      { key: 'M', label: 'Male', cells: [12] },
      { key: 'U', label: 'Not known', cells: [0] },
      { key: 'X', label: 'Another sex', cells: [1] },
    ],
    countsPeople,
    ...(namesPeople ? { namesPeople } : {}),
    query,
  });
  const figures: ProfileFigures = {
    asAt: '2026-04-02T09:00:00.000Z',
    sections: [
      {
        key: 'scale',
        title: 'Scale',
        figures: [figure(3, 12), figure(7, 3), figure(2, 1, false)],
        tables: [table(true), table(false), { ...table(true, true), key: 'offenders.associates_by_degree' }],
        charts: [],
        maps: [],
        notes: [],
      },
    ],
  };
  const partner = partnerEditionFigures(figures);
  const section = partner.sections[0];

  it('shows counts of people 1–4 as "<5", keeps 0 and 5+', () => {
    expect([0, 1, 4, 5, null, 'x'].map(suppressPeopleCount)).toEqual([0, '<5', '<5', 5, null, 'x']);
    expect(section?.tables[0]?.rows.map((r) => r.cells[0])).toEqual(['<5', 12, 0, '<5']);
  });

  it('leaves counts that are not of people alone', () => {
    expect(section?.tables[1]?.rows.map((r) => r.cells[0])).toEqual([4, 12, 0, 1]);
    expect(section?.figures[2]).toEqual(figures.sections[0]?.figures[2]);
  });

  it('withholds a small figure and its change, and says which is "<5"', () => {
    const small = section?.figures[0] as ProfileFigure;
    expect(small).toMatchObject({ value: null, comparison: 12, change: null, changePercent: null });
    expect(small.suppressed).toEqual({ value: true, comparison: false });
    expect(figureText(small)).toBe('<5');
    expect(figureText(small, 'comparison')).toBe('12');
    expect(section?.figures[1]).toMatchObject({
      value: 7,
      comparison: null,
      suppressed: { value: false, comparison: true },
    });
  });

  it('drops tables that name people', () => {
    expect(section?.tables.map((t) => t.key)).toEqual(['victims.sex', 'victims.sex']);
  });

  it('tells "no data" from a withheld count', () => {
    expect(figureText(figure(null, 3))).toBe('no data');
  });

  it('withholds small counts in charts and map weights, and drops single events from maps', () => {
    const drawn: ProfileFigures = {
      asAt: '2026-04-02T09:00:00.000Z',
      sections: [
        {
          key: 'victims',
          title: 'Victims',
          figures: [],
          tables: [],
          charts: [
            {
              kind: 'bars',
              key: 'victims.age_bands',
              title: 'Age',
              bars: [
                { label: '10 to 12', value: 3 },
                { label: '13 to 15', value: 9 },
                { label: '16 to 17', value: 0 },
              ],
            },
            {
              kind: 'monthly',
              key: 'time.monthly',
              title: 'By month',
              points: [
                { month: '2026-01', value: 4, partial: false },
                { month: '2026-02', value: 5, partial: false },
              ],
            },
            { kind: 'hour_of_week', key: 'time.hour_of_week', title: 'Hours', cells: [[0, 1, 7]] },
          ],
          maps: [
            {
              key: 'locations.map',
              title: 'Map',
              districtCodes: ['E07000174'],
              points: [
                { lon: -1.2, lat: 53.1, label: '', weight: 1, kind: 'event' },
                { lon: -1.2, lat: 53.2, label: 'Bus station', weight: 2, kind: 'place' },
                { lon: -1.2, lat: 53.3, label: 'Park', weight: 6, kind: 'place' },
              ],
            },
          ],
          notes: [],
        },
      ],
    };
    const [bars, monthly, grid] = partnerEditionFigures(drawn).sections[0]?.charts ?? [];
    expect(bars?.kind === 'bars' && bars.bars).toEqual([
      { label: '10 to 12', value: 0, suppressed: true },
      { label: '13 to 15', value: 9 },
      { label: '16 to 17', value: 0 },
    ]);
    expect(monthly?.kind === 'monthly' && monthly.points.map((p) => [p.value, p.suppressed ?? false])).toEqual([
      [0, true],
      [5, false],
    ]);
    expect(grid?.kind === 'hour_of_week' && [grid.cells, grid.suppressed]).toEqual([
      [[0, 0, 7]],
      [[false, true, false]],
    ]);
    const map = partnerEditionFigures(drawn).sections[0]?.maps[0];
    expect(map?.points.map((p) => [p.label, p.weight, p.suppressed ?? false])).toEqual([
      ['Bus station', 0, true],
      ['Park', 6, false],
    ]);
  });
});

describe('hourOfWeekGrid, in London time', () => {
  const cellOf = (grid: number[][]) =>
    grid.flatMap((row, day) => row.flatMap((n, hour) => (n > 0 ? [[day, hour, n]] : [])));

  it('reads winter instants as GMT and summer ones as BST', () => {
    expect(cellOf(hourOfWeekGrid(['2026-01-15T12:00:00Z']))).toEqual([[3, 12, 1]]); // Thu 12:00 GMT
    expect(cellOf(hourOfWeekGrid(['2026-07-16T12:00:00Z']))).toEqual([[3, 13, 1]]); // Thu 13:00 BST
  });

  it('crosses the change to BST on Sunday 29 March 2026 (01:00 UTC)', () => {
    const grid = hourOfWeekGrid(['2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', new Date('2026-03-28T23:30:00Z')]);
    expect(cellOf(grid)).toEqual([
      [5, 23, 1], // Sat 23:30 GMT
      [6, 0, 1], // Sun 00:30 GMT
      [6, 2, 1], // Sun 02:30 BST: 01:xx never happens that night
    ]);
  });

  it('crosses the change to GMT on Sunday 25 October 2026 (01:00 UTC): 01:xx happens twice', () => {
    const grid = hourOfWeekGrid(['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-10-25T02:30:00Z']);
    expect(cellOf(grid)).toEqual([
      [6, 1, 2], // 01:30 BST, then 01:30 GMT
      [6, 2, 1],
    ]);
  });

  it('has 7 days of 24 hours, Monday first', () => {
    const grid = hourOfWeekGrid(['2026-11-23T08:00:00Z']); // Monday
    expect(grid).toHaveLength(7);
    expect(grid.every((row) => row.length === 24)).toBe(true);
    expect(grid[0]?.[8]).toBe(1);
  });
});

describe('months of a period', () => {
  it('marks the month not complete at the "as at" time as partial', () => {
    expect(periodMonths('2026-09-01', '2026-11-30', new Date('2026-11-15T10:00:00Z'))).toEqual([
      { month: '2026-09', partial: false },
      { month: '2026-10', partial: false },
      { month: '2026-11', partial: true },
    ]);
  });

  it('treats a month as complete from its London midnight (BST: 23:00 UTC)', () => {
    expect(periodMonths('2026-06-01', '2026-06-30', new Date('2026-06-30T22:59:59.999Z'))[0]?.partial).toBe(true);
    expect(periodMonths('2026-06-01', '2026-06-30', new Date('2026-06-30T23:00:00Z'))[0]?.partial).toBe(false);
  });

  it('marks months the period covers only in part', () => {
    expect(periodMonths('2026-03-15', '2026-04-30', new Date('2026-12-01T00:00:00Z'))).toEqual([
      { month: '2026-03', partial: true },
      { month: '2026-04', partial: false },
    ]);
  });

  it('gives the last 12 complete months and the same length just before', () => {
    expect(lastCompleteMonths(12, new Date('2026-12-04T20:00:00Z'))).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(defaultComparisonPeriod('2026-03-01', '2026-04-30')).toEqual({
      comparisonFrom: '2025-12-30',
      comparisonTo: '2026-02-28',
    });
  });
});

describe('ratePer1000', () => {
  it('is null without a population, else one decimal place', () => {
    expect(ratePer1000(12, null)).toBeNull();
    expect(ratePer1000(null, 20_000)).toBeNull();
    expect(ratePer1000(47, 20_000)).toBe(2.4);
  });
});
