import { type HotspotEventQuery, type HotspotPointRow, hotspotStudyArea, type Transaction } from '@lantern/db';
import {
  AppError,
  districtCodes as allDistrictCodes,
  type HotspotFilterInput,
  type HotspotSource,
  personDerivedHotspotSources,
  type SuppressedCount,
  suppressSmallCount,
} from '@lantern/domain';
import type { StudyArea } from '@lantern/geo';
import type { Access } from '../access/access.ts';

/*
 * Hot-spot analytics over one event source: packages/geo does the statistics; these helpers lay
 * the study area's grid, load the points, limit the districts to the caller's scope, and suppress
 * small counts of person-derived sources for roles without person-level access.
 */
/** The selected districts' boundaries as one study area in EPSG:27700 metres, for the grid. */
export async function studyArea(prisma: Transaction, districtCodes: readonly string[]): Promise<StudyArea> {
  const areas = await hotspotStudyArea(prisma, districtCodes);
  if (areas.length === 0)
    throw new AppError('BAD_INPUT', `districtCodes: no boundaries for ${districtCodes.join(', ')}`);
  return { type: 'MultiPolygon', coordinates: areas.flatMap((area) => area.geometry.coordinates) };
}

export function pointsOf(rows: readonly HotspotPointRow[]) {
  return {
    x: Float64Array.from(rows, (row) => row.x),
    y: Float64Array.from(rows, (row) => row.y),
    weights: Float64Array.from(rows, (row) => row.weight),
  };
}

/** The districts asked for, limited to the caller's scope: asking for another district is FORBIDDEN. */
export function districtsFor(access: Access, requested: readonly string[] | undefined): string[] {
  const allowed = access.scope === 'all' ? [...allDistrictCodes] : [...access.scope];
  if (!requested) return allowed;
  const outside = requested.filter((code) => !allowed.includes(code));
  if (outside.length > 0) {
    throw new AppError('FORBIDDEN', `districtCodes: ${outside.join(', ')} is outside your districts`);
  }
  return [...new Set(requested)];
}

export function eventQuery(access: Access, input: HotspotFilterInput): Omit<HotspotEventQuery, 'within'> {
  return {
    source: input.source,
    from: input.from,
    to: input.to,
    districtCodes: districtsFor(access, input.districtCodes),
    crimeType: input.crimeType,
    category: input.category,
    placeCategory: input.placeCategory,
    intelligenceAudience: access.intelligenceAudience,
  };
}

/** Counts about children (missing episodes, intelligence about people) read "<5" below 5 for non-person-level roles. */
export function countView(access: Access, source: HotspotSource): (count: number) => SuppressedCount {
  const suppress = !access.personLevel && personDerivedHotspotSources.includes(source);
  return (count) => (suppress ? suppressSmallCount(count) : count);
}
