import { type Database, type DistrictCountsRow, districtCounts, districtCountsVersion } from '@lantern/db';
import { addYears, type DistrictSummary, londonDate, londonMidnight, suppressSmallCount } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';

/**
 * The counts as last computed for each database, keyed by the day, the intelligence audience and
 * the version of what they read (districtCountsVersion). The version is read before the counts
 * are, so kept counts are never older than their key; a write moves the version and the next
 * call counts afresh. Every request still passes its own access check before it gets here.
 */
const kept = new WeakMap<Database, Map<string, Promise<DistrictCountsRow[]>>>();

/**
 * The eight districts with their counts. Counts of people-derived things (missing episodes,
 * flagged children) of 1–4 are shown as "<5" to callers without person-level access, so a
 * small district cannot point at a particular child; places and intelligence are not about
 * children and stay exact. Missing episodes count from the start of the same day a year ago.
 */
export async function listDistricts(app: AppContext, access: Access): Promise<{ districts: DistrictSummary[] }> {
  const today = londonDate(new Date());
  const rows = await countsFor(app, today, access.intelligenceAudience);
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

async function countsFor({ db, versions }: AppContext, today: string, audience: Access['intelligenceAudience']) {
  const key = JSON.stringify([today, audience, await districtCountsVersion(db.sql, versions)]);
  const byKey = kept.get(db) ?? new Map<string, Promise<DistrictCountsRow[]>>();
  kept.set(db, byKey);
  const found = byKey.get(key);
  if (found) return found;
  // An older day or version is never asked for again: keep only the current answers.
  if (byKey.size >= 4) byKey.clear();
  const yearAgo = londonMidnight(addYears(today, -1));
  const counting = districtCounts(db.prisma, today, yearAgo, audience);
  byKey.set(key, counting);
  // A failed count is not kept: the next request tries again.
  counting.catch(() => byKey.delete(key));
  return counting;
}
