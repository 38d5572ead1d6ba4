import type { IntelligenceAudience } from '@lantern/domain';
import type { DataVersions } from './data-version.ts';
import { sharedIntelligenceSql } from './intelligence-share.ts';
import type { PrismaTx } from './prisma-tx.ts';
import type { Sql } from './sql.ts';

/** Per-district counts for the district overview. Exact here; the API suppresses small ones. */
export interface DistrictCountsRow {
  code: string;
  name: string;
  kind: 'district' | 'unitary';
  places: number;
  intelligenceReports: number;
  missingEpisodes: number;
  childrenFlagged: number;
}

/**
 * `today` (Europe/London) decides which places are active; missing episodes count from
 * `episodesSince` (the last 12 months, chosen by the caller).
 */
export async function districtCounts(
  prisma: PrismaTx,
  today: string,
  episodesSince: Date,
  audience: IntelligenceAudience = 'partner',
): Promise<DistrictCountsRow[]> {
  return prisma.$queryRaw<DistrictCountsRow[]>`
    SELECT d.code AS "code", d.name AS "name", d.kind::text AS "kind",
      (SELECT count(*)::int FROM place_of_concern pc
        WHERE pc.district_code = d.code AND pc.concern_since <= ${today}::date
          AND (pc.concern_until IS NULL OR pc.concern_until >= ${today}::date)) AS "places",
      (SELECT count(*)::int FROM intelligence_report ir
        WHERE ir.district_code = d.code AND ${sharedIntelligenceSql('ir', audience)}) AS "intelligenceReports",
      (SELECT count(*)::int FROM missing_episode me
        WHERE me.district_code = d.code AND me.reported_at >= ${episodesSince}::timestamptz) AS "missingEpisodes",
      (SELECT count(*)::int FROM person p
        WHERE p.kind = 'child' AND p.home_district_code = d.code AND p.merged_into_id IS NULL
          AND (p.cse_risk <> 'none' OR p.cce_risk <> 'none')) AS "childrenFlagged"
    FROM district d
    ORDER BY d.name`;
}

/**
 * The version of what `districtCounts` reads (table read_model_version, migration
 * 20261209130000_read_model_version): statement triggers on districts, places, intelligence,
 * missing episodes and the counted columns of people bump it in the writing transaction. One
 * primary-key read (none when `known`, read with the request's session, holds it), so a caller
 * may keep the counts until it moves.
 */
export async function districtCountsVersion(sql: Sql, known?: DataVersions): Promise<string> {
  const given = known?.readModels['district-counts'];
  if (given !== undefined) return given;
  const [row] = await sql.query<{ version: string }>(
    `SELECT version::text AS version FROM read_model_version WHERE name = 'district-counts'`,
  );
  if (!row) throw new Error('read_model_version has no row for "district-counts"');
  return row.version;
}
