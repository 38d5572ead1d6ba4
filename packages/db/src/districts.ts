import type { IntelligenceAudience } from '@lantern/domain';
import { sharedIntelligenceSql } from './intelligence-share.ts';
import type { PrismaTx } from './prisma-tx.ts';

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
