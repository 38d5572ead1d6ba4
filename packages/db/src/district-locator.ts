import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Sql } from './sql.ts';

/** district.geom as GeoJSON: the column holds MultiPolygons only. */
interface DistrictGeometry {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

interface LocatedDistrict {
  code: string;
  geometry: DistrictGeometry;
  west: number;
  south: number;
  east: number;
  north: number;
}

/** A district as the locator reads it: its code and its polygon as GeoJSON text. */
export interface DistrictRow {
  code: string;
  geometry: string;
}

/** The districts as `sql` sees them now, in the locator's order (kind descending, then code). */
export async function districtRows(sql: Sql): Promise<DistrictRow[]> {
  // 20 decimals is above any double's need: PostGIS then prints each coordinate's shortest exact form.
  return sql.query<DistrictRow>(
    `SELECT code, ST_AsGeoJSON(geom, 20) AS geometry FROM district ORDER BY kind DESC, code`,
  );
}

/**
 * The district a point falls in, found in Node with the answer of SQL's `lantern_district_for_point`:
 * the first district, by kind (descending) then code, whose polygon holds the point or has it on its
 * boundary. For bulk imports: PostGIS spent 8–20 µs a point on that lookup (half a second of the
 * database's time for the bundled police.uk files' 52,000 rows on PostgreSQL, a second on PGlite);
 * this spends one to four, and on PostgreSQL while the database writes the previous batch. The
 * polygons are read with every coordinate as the database holds it (GeoJSON's shortest exact form),
 * so both answer alike, boundaries included (district-locator.integration.test.ts compares them).
 */
export class DistrictLocator {
  private readonly districts: readonly LocatedDistrict[];

  /** From `districtRows`, which may have crossed to a worker thread. */
  constructor(rows: readonly DistrictRow[]) {
    this.districts = rows.map((row) => {
      const geometry = JSON.parse(row.geometry) as DistrictGeometry;
      const [west, south, east, north] = bbox(geometry);
      return { code: row.code, geometry, west, south, east, north };
    });
  }

  /** The code of the district at (lon, lat) in WGS 84, or null outside every district. */
  at(lon: number, lat: number): string | null {
    for (const { code, geometry, west, south, east, north } of this.districts) {
      if (lon < west || lat < south || lon > east || lat > north) continue;
      if (booleanPointInPolygon([lon, lat], geometry)) return code;
    }
    return null;
  }
}
