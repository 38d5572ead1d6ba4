import {
  type CareStatus,
  computeMissingReport,
  defaultMamThresholds,
  londonPeriod,
  type MamThresholds,
  type MissingReport,
  type MissingReportChild,
  type MissingReportEpisode,
  type RhiService,
  type Sex,
} from '@lantern/domain';
import type { DistrictScope } from './people.ts';
import type { Sql } from './sql.ts';

export interface MissingReportQuery {
  /** Europe/London dates, both inclusive. */
  from: string;
  to: string;
  /** Where open episodes end for the 72-hour rule; default the end of the period. */
  asOf?: Date;
  /** Default: the administrator's thresholds (missing_settings), else 72 h / 3 in 90 days. */
  thresholds?: MamThresholds;
  /** Children by home district; default all (the county committee's figures). */
  scope?: DistrictScope;
}

/**
 * `lantern report missing`: reads what the committee figures need, in two queries, and computes
 * them with the domain's rules. The episodes are those reported in the period and, for the
 * third-in-90-days rule, the same children's episodes in the MAM window before it.
 */
export async function missingReport(sql: Sql, query: MissingReportQuery): Promise<MissingReport> {
  const period = londonPeriod(query.from, query.to);
  const thresholds = query.thresholds ?? (await configuredThresholds(sql));
  const lookBackStart = new Date(period.start.getTime() - thresholds.windowDays * 24 * 3_600_000);
  const scope = query.scope ?? 'all';
  const districts = scope === 'all' ? null : [...scope];

  const episodes = await sql.query<{
    id: string;
    person_id: string;
    care_status: CareStatus;
    reported_ms: number;
    returned_ms: number | null;
    rhi_service: RhiService | null;
    rhi_completed_ms: number | null;
    mam_held_ms: number | null;
  }>(
    `WITH children AS (
       SELECT DISTINCT e.person_id FROM missing_episode e JOIN person p ON p.id = e.person_id
       WHERE e.reported_at >= $1 AND e.reported_at < $2
         AND ($4::text[] IS NULL OR p.home_district_code = ANY($4::text[])))
     SELECT e.id::text AS id, e.person_id::text AS person_id, e.care_status::text AS care_status,
            ${epochMs('e.reported_at')} AS reported_ms, ${epochMs('e.returned_at')} AS returned_ms,
            e.rhi_service::text AS rhi_service, ${epochMs('e.rhi_completed_at')} AS rhi_completed_ms,
            ${epochMs('e.mam_held_at')} AS mam_held_ms
     FROM missing_episode e JOIN children c ON c.person_id = e.person_id
     WHERE e.reported_at >= $3 AND e.reported_at < $2`,
    [period.start.toISOString(), period.end.toISOString(), lookBackStart.toISOString(), districts],
  );
  const children = await sql.query<{ id: string; sex: Sex; date_of_birth: string | null }>(
    `SELECT p.id::text AS id, p.sex::text AS sex, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth
     FROM person p WHERE p.id = ANY($1::uuid[])`,
    [[...new Set(episodes.map((episode) => episode.person_id))]],
  );

  const instant = (ms: number | null) => (ms === null ? null : new Date(Number(ms)));
  return computeMissingReport({
    from: period.from,
    to: period.to,
    asOf: query.asOf,
    thresholds,
    episodes: episodes.map(
      (row): MissingReportEpisode => ({
        id: row.id,
        personId: row.person_id,
        careStatus: row.care_status,
        reportedAt: new Date(Number(row.reported_ms)),
        returnedAt: instant(row.returned_ms),
        rhiService: row.rhi_service,
        rhiCompletedAt: instant(row.rhi_completed_ms),
        mamHeldAt: instant(row.mam_held_ms),
      }),
    ),
    children: children.map((row): MissingReportChild => ({ id: row.id, sex: row.sex, dateOfBirth: row.date_of_birth })),
  });
}

/** Milliseconds since the epoch as float8: the same JavaScript number on both backends. */
function epochMs(column: string): string {
  return `(extract(epoch FROM ${column}) * 1000)::float8`;
}

async function configuredThresholds(sql: Sql): Promise<MamThresholds> {
  const [row] = await sql.query<{ duration_hours: number; repeat_count: number; window_days: number }>(
    `SELECT mam_duration_hours AS duration_hours, mam_repeat_count AS repeat_count, mam_window_days AS window_days
     FROM missing_settings WHERE id = 1`,
  );
  return row
    ? { durationHours: row.duration_hours, repeatCount: row.repeat_count, windowDays: row.window_days }
    : { ...defaultMamThresholds };
}
