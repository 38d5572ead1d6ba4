import type { Database } from '@lantern/db';
import { AppError, districtCodes, getisOrdInput } from '@lantern/domain';
import { fromBritishNationalGrid, type HotspotResult } from '@lantern/geo';
import type { Io } from '../io.ts';
import { loadApp } from '../lazy-app.ts';

export interface HotspotsOptions {
  source: string;
  from?: string;
  to?: string;
  district?: string[];
  crimeType?: string;
  category?: string;
  cell: string;
  band: string;
  fdr: boolean;
  format: 'json' | 'geojson';
}

/** Flag names for the fields of the shared input schema, so a message names what the user typed. */
const flags: Record<string, string> = {
  source: '--source',
  from: '--from',
  to: '--to',
  districtCodes: '--district',
  crimeType: '--crime-type',
  category: '--category',
  cellSize: '--cell',
  band: '--band',
};

const number = (value: string) => (/^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value);

/**
 * `lantern hotspots`: Getis-Ord Gi* of one event source over the selected districts (default the
 * county's seven and Nottingham City), as docs/ARCHITECTURE.md's "Hotspot JSON" (every cell, zeros
 * included, centres in EPSG:27700 metres) or as GeoJSON cell squares in WGS84 for GIS users.
 */
export async function hotspots(db: Database, options: HotspotsOptions, io: Io): Promise<void> {
  const parsed = getisOrdInput.safeParse({
    source: options.source,
    from: options.from,
    to: options.to,
    districtCodes: options.district,
    crimeType: options.crimeType,
    category: options.category,
    cellSize: number(options.cell),
    band: number(options.band),
    fdr: options.fdr,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'source');
    const value = issue?.path.reduce<unknown>((data, key) => (data as Record<PropertyKey, unknown>)?.[key], {
      ...options,
      districtCodes: options.district,
      cellSize: options.cell,
    });
    throw new AppError(
      'BAD_INPUT',
      `${flags[field] ?? field}: ${issue?.message} (got ${JSON.stringify(value ?? null)})`,
    );
  }
  const input = parsed.data;
  const { analyseHotspots } = await loadApp();
  const { result } = await analyseHotspots(
    { db },
    {
      source: input.source,
      from: input.from,
      to: input.to,
      districtCodes: input.districtCodes ?? [...districtCodes],
      crimeType: input.crimeType,
      category: input.category,
      cellSize: input.cellSize,
      band: input.band,
      fdr: input.fdr,
    },
  );
  io.out(JSON.stringify(options.format === 'geojson' ? asGeoJson(result) : result));
}

/** Cells as WGS84 squares (RFC 7946), with the Hotspot JSON fields as properties. */
function asGeoJson(result: HotspotResult) {
  const half = result.cell / 2;
  const corner = (x: number, y: number) => fromBritishNationalGrid([x, y]).map((value) => Number(value.toFixed(7)));
  return {
    type: 'FeatureCollection',
    cell: result.cell,
    band: result.band,
    fdr: result.fdr,
    features: result.cells.map(({ id, x, y, count, z, p, bin }) => ({
      type: 'Feature',
      id,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            corner(x - half, y - half),
            corner(x + half, y - half),
            corner(x + half, y + half),
            corner(x - half, y + half),
            corner(x - half, y - half),
          ],
        ],
      },
      properties: { id, x, y, count, z, p, bin },
    })),
  };
}
