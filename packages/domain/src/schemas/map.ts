import { z } from 'zod';
import { tileLayers } from '../policy.ts';
import { isoDate, text } from './common.ts';

/** The query string of a vector tile request: an inclusive date range and the types to draw. */
export const tileQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Comma-separated crime types or intelligence categories. */
    types: z
      .string()
      .max(2000, 'must be at most 2000 characters')
      .transform((value) => value.split(',').filter((type) => type.length > 0))
      .pipe(z.array(text(100)).max(30, 'must name at most 30 types'))
      .optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.to < value.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be on or after from (${value.from})` });
    }
  });
export type TileQuery = z.infer<typeof tileQuery>;

/**
 * One path segment of a tile address, as digits only. `Number()` reads an empty or blank segment
 * as 0 (`/tiles/crime/%20/0/0.pbf` was served as zoom 0) and accepts `0x10` or `1e1`; anything but
 * digits becomes NaN here, which the number schema refuses.
 */
const tileCoordinate = z.preprocess(
  (value) => (typeof value === 'string' ? (/^[0-9]{1,10}$/.test(value) ? Number(value) : Number.NaN) : value),
  z.number(),
);

/** Tile coordinates: whole numbers, zoom 0–22, x and y inside the zoom's 2^z × 2^z grid. */
export const tileAddress = z
  .object({
    z: tileCoordinate.pipe(z.number().int('must be a whole number').min(0, 'must be 0–22').max(22, 'must be 0–22')),
    x: tileCoordinate.pipe(z.number().int('must be a whole number').min(0, 'must be 0 or more')),
    y: tileCoordinate.pipe(z.number().int('must be a whole number').min(0, 'must be 0 or more')),
  })
  .superRefine((value, ctx) => {
    const size = 2 ** value.z;
    for (const axis of ['x', 'y'] as const) {
      if (value[axis] >= size) {
        ctx.addIssue({ code: 'custom', path: [axis], message: `must be below ${size} at zoom ${value.z}` });
      }
    }
  });

export const mapLayerIds = ['places', ...tileLayers] as const;
export type MapLayerId = (typeof mapLayerIds)[number];

/**
 * The deepest zoom whose crime tiles are counted from cells: at 15 each cluster is one tile unit
 * (under 0.3 m), so deeper tiles would only cluster the points again. The server counts cells to
 * this zoom, and the map fetches crime tiles no deeper and draws zoom 15's enlarged.
 */
export const crimeTileCellMaxZoom = 15;

/** A layer the caller may switch on, with the dates and types its data spans. */
export const mapLayer = z.object({
  id: z.enum(mapLayerIds),
  label: z.string(),
  /** Clustered vector tiles (`/tiles/<id>/…`), or a GeoJSON list (places). */
  kind: z.enum(['tiles', 'places']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  types: z.array(z.string()),
});
export type MapLayer = z.infer<typeof mapLayer>;

export const mapLayersOutput = z.object({
  layers: z.array(mapLayer),
  /** A deployment's basemap under the layers (LANTERN_BASEMAP_STYLE_URL); null = the offline map. */
  basemap: z.object({ styleUrl: z.string(), attribution: z.string().nullable() }).nullable(),
});
export type MapLayersOutput = z.infer<typeof mapLayersOutput>;

/** A name to write on the map at a point. */
const mapLabel = z.object({ name: z.string(), lon: z.number(), lat: z.number() });

/**
 * `map.orientation`: what the offline map writes so a reader knows where they are without a
 * basemap: towns (with a size, the larger drawn first) and wards (at a point inside each).
 */
export const orientationOutput = z.object({
  towns: z.array(mapLabel.extend({ size: z.number() })),
  wards: z.array(mapLabel),
});
export type OrientationOutput = z.infer<typeof orientationOutput>;

/** Street names are asked for one view at a time, and only a street-sized view (about 11 km across at most). */
const maxStreetSpan = 0.16;
const longitude = z
  .number()
  .min(-180, 'must be a longitude (−180 to 180)')
  .max(180, 'must be a longitude (−180 to 180)');
const latitude = z.number().min(-90, 'must be a latitude (−90 to 90)').max(90, 'must be a latitude (−90 to 90)');

export const streetNamesInput = z
  .object({ west: longitude, south: latitude, east: longitude, north: latitude })
  .strict()
  .superRefine((box, ctx) => {
    if (box.east <= box.west)
      ctx.addIssue({ code: 'custom', path: ['east'], message: `must be east of west (${box.west})` });
    if (box.north <= box.south) {
      ctx.addIssue({ code: 'custom', path: ['north'], message: `must be north of south (${box.south})` });
    }
    if (box.east - box.west > maxStreetSpan || box.north - box.south > maxStreetSpan) {
      ctx.addIssue({
        code: 'custom',
        path: ['east'],
        message: `the view is too large for street names: at most ${maxStreetSpan}° across (zoom in)`,
      });
    }
  });
export type StreetNamesInput = z.infer<typeof streetNamesInput>;

/**
 * `map.streetNames`: street names from police.uk's anonymised map points ("On or near …") inside a
 * view, one point per name; `truncated` when the view held more names than were sent.
 */
export const streetNamesOutput = z.object({ streets: z.array(mapLabel), truncated: z.boolean() });
export type StreetNamesOutput = z.infer<typeof streetNamesOutput>;
