import { DateTime } from 'luxon';
import type {
  ProfileChart,
  ProfileFigure,
  ProfileFigures,
  ProfileMap,
  ProfileSectionFigures,
  ProfileTable,
} from './profile-document.ts';

/**
 * The rules a problem profile's figures follow, pure so they can be tested on hand-built values:
 * the comparison-period arithmetic, small-number suppression for the partner edition, the
 * hour-of-week grid in London time, and which months of a period are complete.
 */

const LONDON = 'Europe/London';

/** Below this count (in either period) a change is flagged as resting on small numbers. */
export const SMALL_NUMBER_THRESHOLD = 10;
export const SMALL_NUMBER_CAUTION = 'small numbers: read the change with care';

export interface Comparison {
  change: number | null;
  changePercent: number | null;
  caution: string | null;
}

/**
 * A count against its comparison period: the difference, the difference as a whole percent of the
 * comparison (rounded half away from zero; null when the comparison is 0 or either is unknown), and
 * a caution when either count is under 10 and they differ, where a percentage swings on one or two
 * records.
 */
export function compareCounts(value: number | null, comparison: number | null): Comparison {
  if (value === null || comparison === null) return { change: null, changePercent: null, caution: null };
  const change = value - comparison;
  const percent = comparison === 0 ? null : (100 * change) / comparison;
  const changePercent = percent === null ? null : Math.sign(percent) * Math.round(Math.abs(percent));
  // No change is nothing to misread, however small the counts.
  const small = value < SMALL_NUMBER_THRESHOLD || comparison < SMALL_NUMBER_THRESHOLD;
  const caution = small && change !== 0 ? SMALL_NUMBER_CAUTION : null;
  return { change, changePercent: changePercent === 0 ? 0 : changePercent, caution };
}

/** A count of people as the partner edition shows it: 1–4 become "<5"; 0 and 5+ stay. */
export function suppressPeopleCount(value: number | string | null): number | string | null {
  return typeof value === 'number' && value >= 1 && value <= 4 ? '<5' : value;
}

function suppressTable(table: ProfileTable): ProfileTable {
  if (!table.countsPeople) return table;
  return { ...table, rows: table.rows.map((row) => ({ ...row, cells: row.cells.map(suppressPeopleCount) })) };
}

function suppressFigure(figure: ProfileFigure): ProfileFigure {
  if (!figure.countsPeople) return figure;
  const small = (n: number | null) => n !== null && n >= 1 && n <= 4;
  if (!small(figure.value) && !small(figure.comparison)) return figure;
  // A suppressed count cannot show a change either: the difference would give the count away.
  return {
    ...figure,
    value: small(figure.value) ? null : figure.value,
    comparison: small(figure.comparison) ? null : figure.comparison,
    change: null,
    changePercent: null,
    ratePer1000: null,
    suppressed: { value: small(figure.value), comparison: small(figure.comparison) },
  };
}

const smallCount = (n: number) => n >= 1 && n <= 4;

/** A chart's counts of 1–4 withheld: the value reads 0 and `suppressed` marks it. */
function suppressChart(chart: ProfileChart): ProfileChart {
  if (chart.kind === 'bars') {
    return {
      ...chart,
      bars: chart.bars.map((bar) => (smallCount(bar.value) ? { ...bar, value: 0, suppressed: true } : bar)),
    };
  }
  if (chart.kind === 'monthly') {
    return {
      ...chart,
      points: chart.points.map((point) => (smallCount(point.value) ? { ...point, value: 0, suppressed: true } : point)),
    };
  }
  return {
    ...chart,
    cells: chart.cells.map((row) => row.map((n) => (smallCount(n) ? 0 : n))),
    suppressed: chart.cells.map((row) => row.map(smallCount)),
  };
}

/**
 * A map for partners: single events (where a child was last seen) are dropped, and a place's
 * weight of 1–4 is withheld like any other small count.
 */
function suppressMap(map: ProfileMap): ProfileMap {
  return {
    ...map,
    points: map.points
      .filter((point) => point.kind !== 'event')
      .map((point) => (smallCount(point.weight) ? { ...point, weight: 0, suppressed: true } : point)),
  };
}

/**
 * The partner edition of a profile's figures: counts 1–4 become "<5" (in figures the number is
 * withheld and `suppressed` says which; charts and map weights read 0 and are marked), single
 * events leave the maps, and tables that name people are dropped.
 */
export function partnerEditionFigures(figures: ProfileFigures): ProfileFigures {
  return {
    ...figures,
    sections: figures.sections.map(
      (section): ProfileSectionFigures => ({
        ...section,
        figures: section.figures.map(suppressFigure),
        tables: section.tables.filter((table) => !table.namesPeople).map(suppressTable),
        charts: section.charts.map(suppressChart),
        maps: section.maps.map(suppressMap),
      }),
    ),
  };
}

/** How a figure reads: "<5" when suppressed, "no data" when unknown, else the number. */
export function figureText(figure: ProfileFigure, which: 'value' | 'comparison' = 'value'): string {
  if (figure.suppressed?.[which]) return '<5';
  const n = figure[which];
  return n === null ? 'no data' : n.toLocaleString('en-GB');
}

/**
 * Instants counted by hour of the week in London time: cells[day][hour], Monday first. An instant
 * is read on the London clock it happened on, BST in summer and GMT in winter.
 */
export function hourOfWeekGrid(instants: readonly (Date | string)[]): number[][] {
  const cells = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const instant of instants) {
    const at = DateTime.fromJSDate(typeof instant === 'string' ? new Date(instant) : instant, { zone: LONDON });
    const row = cells[at.weekday - 1] as number[];
    row[at.hour] = (row[at.hour] ?? 0) + 1;
  }
  return cells;
}

/** The `YYYY-MM` London month of an instant. */
export function londonMonth(instant: Date | string): string {
  return DateTime.fromJSDate(typeof instant === 'string' ? new Date(instant) : instant, { zone: LONDON }).toFormat(
    'yyyy-MM',
  );
}

/**
 * The months a period (London dates, both inclusive) touches, each `partial` when it is not complete
 * at `asAt` (its London end is after asAt) or the period covers only part of it.
 */
export function periodMonths(from: string, to: string, asAt: Date): { month: string; partial: boolean }[] {
  const start = DateTime.fromISO(from, { zone: LONDON }).startOf('month');
  const end = DateTime.fromISO(to, { zone: LONDON });
  const periodStart = DateTime.fromISO(from, { zone: LONDON });
  const months: { month: string; partial: boolean }[] = [];
  for (let month = start; month <= end; month = month.plus({ months: 1 })) {
    const next = month.plus({ months: 1 });
    const partial = next.toMillis() > asAt.getTime() || month < periodStart || end.plus({ days: 1 }) < next;
    months.push({ month: month.toFormat('yyyy-MM'), partial });
  }
  return months;
}

/** The comparison period by default: the same number of days immediately before the period. */
export function defaultComparisonPeriod(from: string, to: string): { comparisonFrom: string; comparisonTo: string } {
  const start = DateTime.fromISO(from, { zone: 'UTC' });
  const days = DateTime.fromISO(to, { zone: 'UTC' }).diff(start, 'days').days + 1;
  return {
    comparisonFrom: start.minus({ days }).toISODate() as string,
    comparisonTo: start.minus({ days: 1 }).toISODate() as string,
  };
}

/** The last `n` complete London months before `asAt`, as a period. */
export function lastCompleteMonths(n: number, asAt: Date): { from: string; to: string } {
  const thisMonth = DateTime.fromJSDate(asAt, { zone: LONDON }).startOf('month');
  return {
    from: thisMonth.minus({ months: n }).toISODate() as string,
    to: thisMonth.minus({ days: 1 }).toISODate() as string,
  };
}

/**
 * Children per 1,000 of the child population. Lantern has no configured district child
 * populations yet (only the synthetic generator knows them), so callers pass null and get null.
 */
export function ratePer1000(count: number | null, childPopulation: number | null): number | null {
  if (count === null || !childPopulation) return null;
  return Math.round((10_000 * count) / childPopulation) / 10;
}
