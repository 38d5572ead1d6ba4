import { districtCounts } from '@lantern/db';
import { type DistrictSummary, londonDate, suppressSmallCount } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';

/**
 * The eight districts with their counts. Counts of people-derived things (missing episodes,
 * flagged children) of 1–4 are shown as "<5" to callers without person-level access, so a
 * small district cannot point at a particular child; places and intelligence are not about
 * children and stay exact.
 */
export async function listDistricts(app: AppContext, access: Access): Promise<{ districts: DistrictSummary[] }> {
  const now = new Date();
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const rows = await districtCounts(app.db.prisma, londonDate(now), yearAgo, access.intelligenceAudience);
  const aboutPeople = (count: number) => (access.personLevel ? count : suppressSmallCount(count));
  return {
    districts: rows.map((row) => ({
      code: row.code,
      name: row.name,
      kind: row.kind,
      counts: {
        places: row.places,
        intelligenceReports: row.intelligenceReports,
        missingEpisodes: aboutPeople(row.missingEpisodes),
        childrenFlagged: aboutPeople(row.childrenFlagged),
      },
    })),
  };
}
