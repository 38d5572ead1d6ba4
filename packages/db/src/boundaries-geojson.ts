import { boundaryFiles } from './boundaries.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * The bundled ONS boundaries as GeoJSON FeatureCollections for the web map (open data, no people
 * in it). PostgreSQL builds the whole document, so it reaches the client without a JSON round trip
 * through JavaScript objects.
 */
export const boundaryLayers = ['districts', 'wards'] as const;
export type BoundaryLayer = (typeof boundaryLayers)[number];

export function isBoundaryLayer(value: string): value is BoundaryLayer {
  return (boundaryLayers as readonly string[]).includes(value);
}

const layerTables = { districts: 'district', wards: 'ward' } as const;

/**
 * Bumped whenever the SQL below changes what it returns for the same boundaries (precision,
 * simplification, properties), so caches holding the old shape are told apart by their ETag.
 */
const documentShape = 'v1';

/**
 * A short identifier of the layer's current content: the checksum its bundled file was loaded with
 * (boundaries.ts records it in dataset_load) and the document shape. Null when it was never loaded.
 */
export async function boundaryLayerVersion(prisma: PrismaTx, layer: BoundaryLayer): Promise<string | null> {
  const file = boundaryFiles.find((entry) => entry.table === layerTables[layer])?.file ?? '';
  const [row] = await prisma.$queryRaw<Array<{ checksum: string }>>`
    SELECT checksum FROM dataset_load WHERE name = ${file}`;
  return row ? `${layer}-${documentShape}-${row.checksum.slice(0, 16)}` : null;
}

/**
 * The layer as GeoJSON text. Coordinates keep 5 decimal places (about a metre); wards are
 * simplified by about 10 m, invisible at the zooms they are drawn at. Each feature has a `bbox`
 * (to zoom to it) and districts a label point inside the polygon (a centroid can fall outside).
 */
export async function boundaryLayerGeoJson(prisma: PrismaTx, layer: BoundaryLayer): Promise<string> {
  const [row] =
    layer === 'districts'
      ? await prisma.$queryRaw<Array<{ document: string }>>`
          SELECT json_build_object(
            'type', 'FeatureCollection',
            'features', COALESCE(json_agg(json_build_object(
              'type', 'Feature',
              'id', d.code,
              'bbox', json_build_array(ST_XMin(d.geom), ST_YMin(d.geom), ST_XMax(d.geom), ST_YMax(d.geom)),
              'properties', json_build_object(
                'code', d.code, 'name', d.name, 'kind', d.kind::text,
                'labelLon', round(ST_X(ST_PointOnSurface(d.geom))::numeric, 5),
                'labelLat', round(ST_Y(ST_PointOnSurface(d.geom))::numeric, 5)),
              'geometry', ST_AsGeoJSON(d.geom, 5)::json
            ) ORDER BY d.code), '[]'::json)
          )::text AS "document"
          FROM district d`
      : await prisma.$queryRaw<Array<{ document: string }>>`
          SELECT json_build_object(
            'type', 'FeatureCollection',
            'features', COALESCE(json_agg(json_build_object(
              'type', 'Feature',
              'id', w.code,
              'bbox', json_build_array(ST_XMin(w.geom), ST_YMin(w.geom), ST_XMax(w.geom), ST_YMax(w.geom)),
              'properties', json_build_object('code', w.code, 'name', w.name, 'districtCode', w.district_code),
              'geometry', ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(w.geom, 0.0001)), 5)::json
            ) ORDER BY w.code), '[]'::json)
          )::text AS "document"
          FROM ward w`;
  return row?.document ?? '{"type":"FeatureCollection","features":[]}';
}
