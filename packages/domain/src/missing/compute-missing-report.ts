import { ageInYears, londonDate } from '../calendar/calendar.ts';
import { londonPeriod } from '../calendar/london-period.ts';
import type { CareStatus, RhiService, Sex } from '../enums.ts';
import { rhiServices } from '../enums.ts';
import { nearestRankPercentile } from '../figures/nearest-rank-percentile.ts';
import { wholePercent } from '../figures/whole-percent.ts';
import { mamRequirements } from './mam-requirements.ts';
import type { MissingReport, MissingReportServiceFigures } from './missing-report-schema.ts';
import { rhiCompletedWithin72h } from './rhi-completed-within-72h.ts';
import type { EpisodeTiming, MamThresholds } from './types.ts';

export interface MissingReportEpisode extends EpisodeTiming {
  /** Care status at the time of the episode. */
  careStatus: CareStatus;
  /** The service responsible for the Return Home Interview; `null` = no RHI required. */
  rhiService: RhiService | null;
  rhiCompletedAt: Date | null;
  mamHeldAt: Date | null;
}

export interface MissingReportChild {
  id: string;
  sex: Sex;
  /** 'YYYY-MM-DD', or null when not known (the child is left out of the age range). */
  dateOfBirth: string | null;
}

export interface MissingReportInput {
  /** Europe/London dates, both inclusive, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  /** Where open episodes end for the 72-hour rule; default the end of the period. */
  asOf?: Date;
  thresholds?: MamThresholds;
  /**
   * The period's episodes and the children's earlier ones (at least the MAM window before the
   * period): earlier episodes count towards the third-in-90-days rule but are not reported on.
   */
  episodes: readonly MissingReportEpisode[];
  /** Every child with an episode in the period. */
  children: readonly MissingReportChild[];
}

const careGroups: Record<CareStatus, 'fromHome' | 'fromCareCounty' | 'fromCareOtherLA'> = {
  home: 'fromHome',
  county_care: 'fromCareCounty',
  ola_care: 'fromCareOtherLA',
};

/**
 * The committee figures for children missing from home and care (docs/ARCHITECTURE.md, `lantern
 * report missing`): episodes reported in the period (Europe/London dates, by `reportedAt`),
 * the children among them, care status, Return Home Interviews by service and multi-agency
 * meetings. Throws a RangeError naming the value for a bad period or a child missing from `children`.
 *
 * @example
 * computeMissingReport({ from: '2024-04-01', to: '2025-03-31', episodes, children }).notifications;
 */
export function computeMissingReport(input: MissingReportInput): MissingReport {
  const period = londonPeriod(input.from, input.to);
  const asOf = input.asOf ?? period.end;
  const startMs = period.start.getTime();
  const endMs = period.end.getTime();
  const childById = new Map(input.children.map((child) => [child.id, child]));

  const mam = mamRequirements(input.episodes, { asOf, thresholds: input.thresholds });
  const inPeriod = input.episodes
    .map((episode, index) => ({ episode, mam: mam[index] as (typeof mam)[number] }))
    .filter(({ episode }) => episode.reportedAt.getTime() >= startMs && episode.reportedAt.getTime() < endMs);

  // Each child once, with the first episode in the period (for the age).
  const firstEpisode = new Map<string, MissingReportEpisode>();
  for (const { episode } of inPeriod) {
    const first = firstEpisode.get(episode.personId);
    if (!first || episode.reportedAt.getTime() < first.reportedAt.getTime())
      firstEpisode.set(episode.personId, episode);
  }
  const individuals = [...firstEpisode.entries()].map(([personId, episode]) => {
    const child = childById.get(personId);
    if (!child) throw new RangeError(`No child given for person ${personId} (episode ${episode.id})`);
    return { child, firstReportedAt: episode.reportedAt };
  });

  const males = individuals.filter(({ child }) => child.sex === 'M').length;
  const females = individuals.filter(({ child }) => child.sex === 'F').length;
  const ages = individuals.flatMap(({ child, firstReportedAt }) =>
    child.dateOfBirth === null ? [] : [ageInYears(child.dateOfBirth, londonDate(firstReportedAt))],
  );

  const byCare = (status: CareStatus) => {
    const episodes = inPeriod.filter(({ episode }) => episode.careStatus === status);
    return {
      individuals: new Set(episodes.map(({ episode }) => episode.personId)).size,
      episodes: episodes.length,
    };
  };
  const careFigures = Object.fromEntries(
    (Object.keys(careGroups) as CareStatus[]).map((status) => [careGroups[status], byCare(status)]),
  ) as Record<(typeof careGroups)[CareStatus], { individuals: number; episodes: number }>;

  const rhiRequired = inPeriod.filter(({ episode }) => episode.rhiService !== null);
  const byService = Object.fromEntries(
    rhiServices.map((service): [RhiService, MissingReportServiceFigures] => {
      const own = rhiRequired.filter(({ episode }) => episode.rhiService === service);
      const completed = own.filter(({ episode }) => episode.rhiCompletedAt !== null);
      return [
        service,
        {
          required: own.length,
          requiredShare: wholePercent(own.length, rhiRequired.length),
          completed: completed.length,
          completedPct: wholePercent(completed.length, own.length),
          completedWithin72h: completed.filter(({ episode }) =>
            rhiCompletedWithin72h(episode.returnedAt, episode.rhiCompletedAt),
          ).length,
        },
      ];
    }),
  ) as Record<RhiService, MissingReportServiceFigures>;

  const mamRequired = inPeriod.filter(({ mam }) => mam.required);
  const mamHeld = mamRequired.filter(({ episode }) => episode.mamHeldAt !== null);
  const notifications = inPeriod.length;

  return {
    period: { from: period.from, to: period.to },
    notifications,
    individuals: individuals.length,
    sexRatio: { male: wholePercent(males, males + females), female: wholePercent(females, males + females) },
    ageRange: { p25: nearestRankPercentile(ages, 25), p75: nearestRankPercentile(ages, 75) },
    fromHome: careFigures.fromHome,
    fromCareCounty: careFigures.fromCareCounty,
    fromCareOtherLA: careFigures.fromCareOtherLA,
    returnInterviews: {
      required: rhiRequired.length,
      requiredPct: wholePercent(rhiRequired.length, notifications),
      byService,
    },
    multiAgencyMeetings: {
      required: mamRequired.length,
      requiredPct: wholePercent(mamRequired.length, notifications),
      held: mamHeld.length,
      heldPct: wholePercent(mamHeld.length, mamRequired.length),
    },
  };
}
