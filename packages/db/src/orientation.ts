import type { PointName } from '@lantern/domain';
import type { PrismaTx } from './prisma-tx.ts';

export interface LabelPoint {
  name: string;
  lon: number;
  lat: number;
}

/** Each ward's name at a point inside it (not its centroid, which a crescent-shaped ward lies outside). */
export async function wardLabelPoints(prisma: PrismaTx): Promise<LabelPoint[]> {
  return prisma.$queryRaw<LabelPoint[]>`
    SELECT name, ST_X(p)::float8 AS lon, ST_Y(p)::float8 AS lat
    FROM (SELECT name, ST_PointOnSurface(geom) AS p FROM ward) w
    ORDER BY name`;
}

/**
 * Police.uk's point-of-interest categories, which share the "On or near …" form of its street
 * locations but name no street.
 */
export const policeUkPointCategories = [
  'Airport/Airfield',
  'Bus/Coach Station',
  'Conference/Exhibition Centre',
  'Further/Higher Educational Building',
  'Hospital',
  'Motorway Service Area',
  'Nightclub',
  'Park/Open Space',
  'Parking Area',
  'Pedestrian Subway',
  'Petrol Station',
  'Police Station',
  'Prison',
  'Race Track',
  'Shopping Area',
  'Sports/Recreation Area',
  'Supermarket',
  'Theatre/Concert Hall',
] as const;

/**
 * Street names inside a box, from the locations of police.uk crime ("On or near Shaw Wood View"):
 * one point per name, the map point most crimes were placed at. At most `limit` names, the
 * streets with most crimes first.
 */
export async function streetNamesWithin(
  prisma: PrismaTx,
  box: { west: number; south: number; east: number; north: number },
  limit: number,
): Promise<LabelPoint[]> {
  return prisma.$queryRaw<LabelPoint[]>`
    WITH points AS (
      SELECT substr(location, 12) AS name, geom, count(*) AS crimes
      FROM crime_event
      WHERE geom && ST_MakeEnvelope(${box.west}, ${box.south}, ${box.east}, ${box.north}, 4326)
        AND location LIKE 'On or near %'
      GROUP BY location, geom
    ), named AS (
      SELECT DISTINCT ON (name) name, geom, sum(crimes) OVER (PARTITION BY name) AS total
      FROM points
      WHERE name <> '' AND NOT (name = ANY(${[...policeUkPointCategories]}::text[]))
      ORDER BY name, crimes DESC, ST_X(geom), ST_Y(geom)
    )
    SELECT name, ST_X(geom)::float8 AS lon, ST_Y(geom)::float8 AS lat
    FROM named ORDER BY total DESC, name LIMIT ${limit}`;
}

const streetWithinMetres = 400;

/**
 * Names a point as a reader would: its ward and district, and the nearest street police.uk's map
 * points name ("On or near …", points of interest left out) within 400 m.
 */
export async function namePoints(
  prisma: PrismaTx,
  points: ReadonlyArray<{ lon: number; lat: number }>,
): Promise<PointName[]> {
  if (points.length === 0) return [];
  const rows = await prisma.$queryRaw<Array<PointName & { ordinal: number }>>`
    SELECT p.ordinal::int AS ordinal, w.name AS ward, d.name AS district, s.street
    FROM unnest(${points.map((point) => point.lon)}::float8[], ${points.map((point) => point.lat)}::float8[])
      WITH ORDINALITY AS p(lon, lat, ordinal)
    CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326) AS g) AS pt
    LEFT JOIN LATERAL (SELECT name, district_code FROM ward WHERE ST_Contains(geom, pt.g) LIMIT 1) w ON true
    LEFT JOIN district d ON d.code = w.district_code
    LEFT JOIN LATERAL (
      SELECT substr(c.location, 12) AS street
      FROM crime_event c
      WHERE c.geom && ST_Expand(pt.g, ${streetWithinMetres / 60_000})
        AND c.location LIKE 'On or near %'
        AND NOT (substr(c.location, 12) = ANY(${[...policeUkPointCategories]}::text[]))
        AND ST_DWithin(c.geom::geography, pt.g::geography, ${streetWithinMetres})
      ORDER BY c.geom <-> pt.g
      LIMIT 1
    ) s ON true
    ORDER BY p.ordinal`;
  return rows.map(({ ward, district, street }) => ({ ward, district, street }));
}
