/**
 * The yearly figures a synthetic dataset should reproduce, computed the way the annual reports
 * and `lantern report missing` define them (Europe/London dates, MAM rule over all history), so
 * the tests, the README and the CLI can compare a dataset with the 2019/20 seeds.
 */
import {
  addDays,
  addYears,
  ageInYears,
  type CareStatus,
  careStatuses,
  computeExploitationReport,
  type ExploitationKind,
  type ExploitationReport,
  type ExploitationReportRow,
  HOUR_MS,
  londonDate,
  londonMidnight,
  type RhiService,
  rhiServices,
} from '@lantern/domain';
import { mamRequirements } from './mam-rule.ts';
import { countyDistrictCodes, districtInfoOf } from './towns.ts';
import type { SyntheticDataset, SynthMissingEpisode, SynthPerson } from './types.ts';

export interface ServiceFigures {
  required: number;
  /** % of all episodes requiring an RHI that fall to this service. */
  requiredShare: number;
  completed: number;
  /** % of this service's required RHIs that were completed. */
  completedPct: number;
  completedWithin72h: number;
  completedWithin72hPct: number;
}

export interface FlagFigures {
  /** Children whose flag date falls in the year. */
  flagged: number;
  femalePct: number;
  malePct: number;
  /** % aged 14–17 on the flag date. */
  aged14to17Pct: number;
  byDistrict: Record<string, { flagged: number; per1000Children: number }>;
}

export interface CalibrationFigures {
  from: string;
  to: string;
  notifications: number;
  individuals: number;
  /** Of individuals recorded M or F. */
  malePct: number;
  femalePct: number;
  /** % of episodes where the child was aged 14–17 when reported. */
  episodesAged14to17Pct: number;
  byCareStatus: Record<CareStatus, { individuals: number; episodes: number }>;
  returnInterviews: { required: number; requiredPct: number; byService: Record<RhiService, ServiceFigures> };
  multiAgencyMeetings: { required: number; requiredPct: number; held: number; heldPct: number };
  /** Of returned episodes. */
  under4HoursPct: number;
  foundAtFriendOrRelativePct: number;
  openEpisodes: number;
  /** % of the year's missing children flagged for CSE or CCE on or before the year's last day. */
  exploitationRiskAmongMissingPct: number;
  cse: FlagFigures;
  cce: FlagFigures;
  /** `lantern report exploitation` over the year, from the dataset's exploitation events. */
  exploitation: Record<ExploitationKind, ExploitationReport>;
  /**
   * Identified children whose latest assessment by the year's end is high, per 1,000 children, by
   * home district (DOMAIN.md: highest-risk CSE mainly Mansfield and Ashfield, CCE Gedling and
   * Rushcliffe).
   */
  highRiskPer1000: Record<ExploitationKind, Record<string, number>>;
}

function pct(part: number, whole: number): number {
  return whole === 0 ? 0 : (100 * part) / whole;
}

/** The start dates of the dataset's three years. */
export function financialYearStarts(dataset: Pick<SyntheticDataset, 'periodStart'>): string[] {
  return [0, 1, 2].map((years) => addYears(dataset.periodStart, years));
}

function flagFigures(children: SynthPerson[], kind: 'cse' | 'cce', from: string, to: string): FlagFigures {
  const flagged = children.filter((child) => {
    const risk = kind === 'cse' ? child.cseRisk : child.cceRisk;
    const at = kind === 'cse' ? child.cseFlaggedAt : child.cceFlaggedAt;
    return risk !== 'none' && at !== null && at >= from && at <= to;
  });
  const byDistrict: FlagFigures['byDistrict'] = {};
  for (const code of countyDistrictCodes) {
    const count = flagged.filter((child) => child.homeDistrictCode === code).length;
    byDistrict[code] = { flagged: count, per1000Children: (1000 * count) / districtInfoOf(code).childPopulation };
  }
  const aged14to17 = flagged.filter((child) => {
    const age = ageInYears(child.dateOfBirth, (kind === 'cse' ? child.cseFlaggedAt : child.cceFlaggedAt) ?? from);
    return age >= 14 && age <= 17;
  }).length;
  const sexed = flagged.filter((child) => child.sex === 'M' || child.sex === 'F');
  return {
    flagged: flagged.length,
    femalePct: pct(sexed.filter((child) => child.sex === 'F').length, sexed.length),
    malePct: pct(sexed.filter((child) => child.sex === 'M').length, sexed.length),
    aged14to17Pct: pct(aged14to17, flagged.length),
    byDistrict,
  };
}

/**
 * The dataset's exploitation events as `computeExploitationReport` reads them: the child is its
 * `child_ref` (the person's external reference), as in the exploitation-events CSV.
 */
export function exploitationReportRows(
  dataset: Pick<SyntheticDataset, 'people' | 'exploitationEvents'>,
): ExploitationReportRow[] {
  const people = new Map(dataset.people.map((person) => [person.id, person]));
  return dataset.exploitationEvents.map((event) => {
    const child = people.get(event.personId);
    return {
      eventRef: event.eventRef,
      childId: child?.externalRef ?? event.personId,
      sex: child?.sex ?? 'U',
      dateOfBirth: child?.dateOfBirth ?? null,
      kind: event.kind,
      event: event.event,
      occurredAt: new Date(event.occurredAt),
      riskLevel: event.riskLevel,
      districtCode: event.districtCode,
    };
  });
}

function highRiskPer1000(rows: readonly ExploitationReportRow[], kind: ExploitationKind, from: string, to: string) {
  const startMs = londonMidnight(from).getTime();
  const endMs = londonMidnight(addDays(to, 1)).getTime();
  const identified = new Set<string>();
  const latest = new Map<string, ExploitationReportRow>();
  for (const row of rows) {
    if (row.kind !== kind) continue;
    const at = row.occurredAt.getTime();
    if (at >= startMs && at < endMs) identified.add(row.childId);
    if (row.event !== 'risk_assessment' || at >= endMs) continue;
    const previous = latest.get(row.childId);
    if (!previous || previous.occurredAt.getTime() <= at) latest.set(row.childId, row);
  }
  const counts: Record<string, number> = Object.fromEntries(countyDistrictCodes.map((code) => [code, 0]));
  for (const [childId, row] of latest) {
    if (identified.has(childId) && row.riskLevel === 'high')
      counts[row.districtCode] = (counts[row.districtCode] ?? 0) + 1;
  }
  return Object.fromEntries(
    countyDistrictCodes.map((code) => [code, (1000 * (counts[code] ?? 0)) / districtInfoOf(code).childPopulation]),
  );
}

export function calibrationFigures(dataset: SyntheticDataset, financialYearStart: string): CalibrationFigures {
  const from = financialYearStart;
  const to = addDays(addYears(from, 1), -1);
  const asOf = Math.min(
    londonMidnight(addDays(to, 1)).getTime(),
    londonMidnight(addDays(dataset.periodEnd, 1)).getTime(),
  );
  const people = new Map(dataset.people.map((person) => [person.id, person]));
  const mam = mamRequirements(dataset.missingEpisodes, asOf);

  const inYear: { episode: SynthMissingEpisode; index: number; child: SynthPerson }[] = [];
  dataset.missingEpisodes.forEach((episode, index) => {
    const date = londonDate(episode.reportedAt);
    const child = people.get(episode.personId);
    if (date >= from && date <= to && child) inYear.push({ episode, index, child });
  });
  const individuals = new Map(inYear.map(({ child }) => [child.id, child]));
  const sexed = [...individuals.values()].filter((child) => child.sex === 'M' || child.sex === 'F');

  const byCareStatus = Object.fromEntries(
    careStatuses.map((status) => {
      const episodes = inYear.filter(({ episode }) => episode.careStatus === status);
      return [status, { individuals: new Set(episodes.map(({ child }) => child.id)).size, episodes: episodes.length }];
    }),
  ) as Record<CareStatus, { individuals: number; episodes: number }>;

  const required = inYear.filter(({ episode }) => episode.rhiService !== null);
  const byService = Object.fromEntries(
    rhiServices.map((service) => {
      const own = required.filter(({ episode }) => episode.rhiService === service);
      const completed = own.filter(({ episode }) => episode.rhiCompletedAt !== null);
      const within72h = completed.filter(
        ({ episode }) =>
          episode.returnedAt !== null &&
          Date.parse(episode.rhiCompletedAt ?? '') - Date.parse(episode.returnedAt) <= 72 * HOUR_MS,
      );
      const figures: ServiceFigures = {
        required: own.length,
        requiredShare: pct(own.length, required.length),
        completed: completed.length,
        completedPct: pct(completed.length, own.length),
        completedWithin72h: within72h.length,
        completedWithin72hPct: pct(within72h.length, own.length),
      };
      return [service, figures];
    }),
  ) as Record<RhiService, ServiceFigures>;

  const mamRequired = inYear.filter(({ index }) => mam[index]?.required);
  const mamHeld = mamRequired.filter(({ episode }) => episode.mamHeldAt !== null);
  const returned = inYear.filter(({ episode }) => episode.returnedAt !== null);
  const under4h = returned.filter(
    ({ episode }) => Date.parse(episode.returnedAt ?? '') - Date.parse(episode.reportedAt) < 4 * HOUR_MS,
  );
  const atFriend = returned.filter(({ episode }) => episode.foundLocationType === 'friend_or_relative');
  const aged14to17 = inYear.filter(({ episode, child }) => {
    const age = ageInYears(child.dateOfBirth, londonDate(episode.reportedAt));
    return age >= 14 && age <= 17;
  });
  const atRisk = [...individuals.values()].filter(
    (child) =>
      (child.cseRisk !== 'none' && child.cseFlaggedAt !== null && child.cseFlaggedAt <= to) ||
      (child.cceRisk !== 'none' && child.cceFlaggedAt !== null && child.cceFlaggedAt <= to),
  );
  const children = dataset.people.filter((person) => person.kind === 'child');
  const exploitationRows = exploitationReportRows(dataset);

  return {
    from,
    to,
    notifications: inYear.length,
    individuals: individuals.size,
    malePct: pct(sexed.filter((child) => child.sex === 'M').length, sexed.length),
    femalePct: pct(sexed.filter((child) => child.sex === 'F').length, sexed.length),
    episodesAged14to17Pct: pct(aged14to17.length, inYear.length),
    byCareStatus,
    returnInterviews: { required: required.length, requiredPct: pct(required.length, inYear.length), byService },
    multiAgencyMeetings: {
      required: mamRequired.length,
      requiredPct: pct(mamRequired.length, inYear.length),
      held: mamHeld.length,
      heldPct: pct(mamHeld.length, mamRequired.length),
    },
    under4HoursPct: pct(under4h.length, returned.length),
    foundAtFriendOrRelativePct: pct(atFriend.length, returned.length),
    openEpisodes: inYear.length - returned.length,
    exploitationRiskAmongMissingPct: pct(atRisk.length, individuals.size),
    cse: flagFigures(children, 'cse', from, to),
    cce: flagFigures(children, 'cce', from, to),
    exploitation: {
      cse: computeExploitationReport(exploitationRows, { from, to }, 'cse'),
      cce: computeExploitationReport(exploitationRows, { from, to }, 'cce'),
    },
    highRiskPer1000: {
      cse: highRiskPer1000(exploitationRows, 'cse', from, to),
      cce: highRiskPer1000(exploitationRows, 'cce', from, to),
    },
  };
}
