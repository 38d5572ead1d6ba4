/**
 * Who goes missing, how often and when. Each year's roster follows the 2019/20 seed figures by
 * care status (children in care go missing far more often each), with some children carried over
 * from the year before. Episode times are spread through the year in slots with occasional bursts,
 * which is what keeps the "third episode in 90 days" MAM trigger near the seeds' 13%.
 */
import type { CareStatus, PoliceRisk, Sex } from '@lantern/domain';
import {
  addDays,
  addYears,
  DAY_MS,
  earlierDate,
  HOUR_MS,
  laterDate,
  londonDate,
  londonWallClockMs,
} from '@lantern/domain';
import { type ChildProfile, dateOfBirthForAge, type ExploitationType, type PeopleFactory } from './people.ts';
import type { Period, ReportingYear } from './period.ts';
import { type Rng, WeightedTable } from './rng.ts';

interface CareTarget {
  children: number;
  episodes: number;
  /** Share of a year's children who also went missing the year before. */
  carryOver: number;
  /** Spread (lognormal sigma) of how episodes are shared between children. */
  dispersion: number;
}

/** 2019/20 seeds: children / episodes by care status. */
export const careTargets: Record<CareStatus, CareTarget> = {
  home: { children: 646, episodes: 1078, carryOver: 0.22, dispersion: 0.45 },
  county_care: { children: 166, episodes: 774, carryOver: 0.45, dispersion: 0.3 },
  ola_care: { children: 124, episodes: 610, carryOver: 0.35, dispersion: 0.3 },
};

/** No child is reported missing more often than this in a year. */
const MAX_EPISODES_PER_YEAR = 24;
/** Chance that an episode follows closely on the child's previous one rather than in its own slot. */
const BURST_PROBABILITY = 0.015;
const MIN_GAP_MS = 6 * HOUR_MS;

/** Age (whole years) at the start of the year a child first goes missing. */
const firstAgeTable = new WeightedTable<number>([
  [9, 1],
  [10, 2],
  [11, 4],
  [12, 7],
  [13, 13],
  [14, 20],
  [15, 25],
  [16, 28],
]);

/** Hour of the day (London) a child is reported missing: mostly late afternoon to the early hours. */
const reportHourTable = new WeightedTable<number>(
  [
    1.6, 1.2, 0.8, 0.5, 0.3, 0.3, 0.4, 0.6, 0.8, 1, 1.1, 1.2, 1.3, 1.4, 1.6, 2.2, 2.8, 3.2, 3.5, 3.6, 3.6, 3.4, 2.8,
    2.2,
  ].map((weight, hour) => [hour, weight] as const),
);

/** Episode length bands in hours, with weights: most under four hours, a few lasting days. */
const durationBands: readonly (readonly [readonly [number, number], number])[] = [
  [[0.25, 1], 15],
  [[1, 4], 41],
  [[4, 12], 19],
  [[12, 24], 12],
  [[24, 72], 9.5],
  [[72, 336], 3.3],
];
const durationTable = new WeightedTable(durationBands);

const exploitationChance: Record<'F' | 'M', Record<ExploitationType, number>> = {
  F: { cse: 0.18, cce: 0.024 },
  M: { cse: 0.029, cce: 0.143 },
};

export interface PlannedEpisode {
  child: ChildProfile;
  careStatus: CareStatus;
  policeRisk: PoliceRisk;
  reportedAt: number;
  /** Null while still missing at the end of the period. */
  returnedAt: number | null;
}

export interface MissingRoster {
  children: ChildProfile[];
  episodes: PlannedEpisode[];
}

function withNoise(rng: Rng, value: number, relative: number): number {
  return Math.round(value * (1 + rng.between(-relative, relative)));
}

function policeRiskFor(rng: Rng, exploited: boolean): PoliceRisk {
  return exploited
    ? rng.weighted<PoliceRisk>([
        ['high', 0.25],
        ['medium', 0.6],
        ['low', 0.12],
        ['no_apparent_risk', 0.03],
      ])
    : rng.weighted<PoliceRisk>([
        ['high', 0.06],
        ['medium', 0.58],
        ['low', 0.26],
        ['no_apparent_risk', 0.1],
      ]);
}

function durationMs(rng: Rng, risk: PoliceRisk): number {
  const draw = (): number => {
    const [low, high] = durationTable.draw(rng);
    return rng.between(low, high) * HOUR_MS;
  };
  // High-risk children tend to be missing longer: the longer of two draws.
  return risk === 'high' ? Math.max(draw(), draw()) : draw();
}

function atReportHour(rng: Rng, instant: number): number {
  return londonWallClockMs(londonDate(instant), reportHourTable.draw(rng) + rng.float());
}

/** Spread `extra` episodes over children by lognormal propensity (at least one each already). */
function allocateEpisodes(
  rng: Rng,
  childCount: number,
  total: number,
  dispersion: number,
  fixed: Set<number>,
): number[] {
  const counts = new Array<number>(childCount).fill(1);
  let assigned = childCount;
  for (const index of fixed) {
    counts[index] = 2;
    assigned += 1;
  }
  const table = new WeightedTable(
    counts.map((_, index) => [index, fixed.has(index) ? 0 : Math.exp(dispersion * rng.normal())] as const),
  );
  while (assigned < total) {
    const index = table.draw(rng);
    if ((counts[index] ?? 0) >= MAX_EPISODES_PER_YEAR) continue;
    counts[index] = (counts[index] ?? 0) + 1;
    assigned += 1;
  }
  return counts;
}

interface ChildState {
  profile: ChildProfile;
  /** Earliest instant the next episode may be reported (after the last return). */
  notBefore: number;
  lastReported: number;
  adopted: boolean;
  firstReported: number | null;
}

export function planMissingChildren(rng: Rng, factory: PeopleFactory, period: Period): MissingRoster {
  const states = new Map<string, ChildState>();
  const children: ChildProfile[] = [];
  const episodes: PlannedEpisode[] = [];
  let previousRosters: Record<CareStatus, ChildState[]> = { home: [], county_care: [], ola_care: [] };

  const newChild = (careStatus: CareStatus, year: ReportingYear, adopted: boolean): ChildState => {
    const sex: Sex = rng.chance(0.56) ? 'M' : 'F';
    const age = firstAgeTable.draw(rng) + rng.float();
    const careWeight = careStatus === 'home' ? 0.85 : 1.35;
    const chances = exploitationChance[sex === 'M' ? 'M' : 'F'];
    const exploitation: ExploitationType[] = [];
    if (rng.chance(chances.cse * careWeight)) exploitation.push('cse');
    if (rng.chance(chances.cce * careWeight)) exploitation.push('cce');
    if (rng.chance(0.5)) exploitation.reverse();
    const profile = factory.child({
      sex,
      dateOfBirth: dateOfBirthForAge(year.start, age),
      careStatus,
      exploitation,
      flaggedAt: {},
      adopted,
    });
    children.push(profile);
    const state: ChildState = { profile, notBefore: year.startMs, lastReported: 0, adopted, firstReported: null };
    states.set(profile.person.id, state);
    return state;
  };

  for (const year of period.years) {
    const rosters: Record<CareStatus, ChildState[]> = { home: [], county_care: [], ola_care: [] };
    for (const careStatus of ['home', 'county_care', 'ola_care'] as const) {
      const target = careTargets[careStatus];
      const childCount = withNoise(rng, target.children, 0.04);
      const episodeCount = withNoise(rng, target.episodes, 0.04);
      const eligible = previousRosters[careStatus].filter(
        (state) => !state.adopted && addYears(state.profile.person.dateOfBirth, 18) > addDays(year.end, 1),
      );
      const carried = rng.sample(eligible, Math.min(eligible.length, Math.round(childCount * target.carryOver)));
      const roster = [...carried];
      // Adoption breakdowns are rare: one adopted child a year, missing twice (the seeds: 2 episodes).
      const adoptedIndex = careStatus === 'home' ? roster.length : -1;
      while (roster.length < childCount) roster.push(newChild(careStatus, year, roster.length === adoptedIndex));
      const counts = allocateEpisodes(
        rng,
        roster.length,
        episodeCount,
        target.dispersion,
        new Set(adoptedIndex >= 0 ? [adoptedIndex] : []),
      );
      roster.forEach((state, index) => {
        placeEpisodes(rng, state, counts[index] ?? 1, year, period, episodes);
      });
      rosters[careStatus] = roster;
    }
    previousRosters = rosters;
  }

  for (const state of states.values()) setFlagDates(rng, state, period);
  return { children, episodes };
}

function placeEpisodes(
  rng: Rng,
  state: ChildState,
  count: number,
  year: ReportingYear,
  period: Period,
  out: PlannedEpisode[],
): void {
  const slot = (year.endMs - year.startMs) / count;
  const exploited = state.profile.exploitation.length > 0;
  for (let j = 0; j < count; j++) {
    const earliest = Math.max(state.notBefore, state.lastReported + MIN_GAP_MS, year.startMs);
    let reportedAt =
      j > 0 && rng.chance(BURST_PROBABILITY)
        ? atReportHour(rng, state.lastReported + MIN_GAP_MS + rng.exponential(4 * DAY_MS))
        : atReportHour(rng, year.startMs + (j + rng.float()) * slot);
    if (reportedAt < earliest) reportedAt = earliest + rng.between(0, 2 * HOUR_MS);
    // Squeeze into the year rather than lose an episode (rare: only after long episodes or bursts).
    if (reportedAt >= year.endMs) {
      reportedAt =
        earliest < year.endMs
          ? earliest + (year.endMs - earliest) * rng.between(0.2, 0.8)
          : earliest + rng.between(0, 2 * HOUR_MS);
    }
    const policeRisk = policeRiskFor(rng, exploited);
    const returned = reportedAt + durationMs(rng, policeRisk);
    out.push({
      child: state.profile,
      careStatus: state.profile.person.careStatus ?? 'home',
      policeRisk,
      reportedAt,
      returnedAt: returned >= period.endMs ? null : returned,
    });
    state.lastReported = reportedAt;
    state.notBefore = returned + HOUR_MS;
    state.firstReported ??= reportedAt;
  }
}

/** Flags come from referrals around the time a child starts going missing, before or soon after. */
function setFlagDates(rng: Rng, state: ChildState, period: Period): void {
  const { person } = state.profile;
  const first = state.firstReported;
  if (first === null) return;
  const around = (): string => {
    const date = addDays(londonDate(first), rng.int(-150, 45));
    return earlierDate(laterDate(date, addYears(person.dateOfBirth, 10)), period.end);
  };
  if (person.cseRisk !== 'none') person.cseFlaggedAt = around();
  if (person.cceRisk !== 'none') person.cceFlaggedAt = around();
}
