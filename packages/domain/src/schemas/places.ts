import { z } from 'zod';
import { placeCategories } from '../enums.ts';
import { districtCode, id, isoDate, latitude, limit, longitude, plannedDate, text, version } from './common.ts';
import { suppressedCount } from './districts.ts';

const placeCategory = z.enum(placeCategories);
const address = text(300).nullable();
const reasons = z.array(text(500)).max(20, 'must list at most 20 reasons');

const bbox = z
  .tuple([longitude, latitude, longitude, latitude], { error: 'must be [west, south, east, north] in degrees' })
  .refine(
    ([west, south, east, north]) => west < east && south < north,
    'must be [west, south, east, north] with west < east and south < north',
  );

export const listPlacesInput = z
  .object({
    /** Fuzzy: trigram similarity with the name or the address. */
    name: text(100).optional(),
    districtCode: districtCode.optional(),
    category: placeCategory.optional(),
    bbox: bbox.optional(),
    /** Only places whose concern covers this date (Europe/London calendar). */
    activeOn: isoDate.optional(),
    limit,
  })
  .strict();
export type ListPlacesInput = z.infer<typeof listPlacesInput>;

export const getPlaceInput = z.object({ id }).strict();

function concernPeriodInOrder(value: { concernSince?: string; concernUntil?: string | null }, ctx: z.RefinementCtx) {
  if (value.concernSince && value.concernUntil && value.concernUntil < value.concernSince) {
    ctx.addIssue({
      code: 'custom',
      path: ['concernUntil'],
      message: `must be on or after concernSince (${value.concernSince})`,
    });
  }
}

function lonWithLat(value: { lon?: number; lat?: number }, ctx: z.RefinementCtx) {
  if ((value.lon === undefined) !== (value.lat === undefined)) {
    const missing = value.lon === undefined ? 'lon' : 'lat';
    ctx.addIssue({
      code: 'custom',
      path: [missing],
      message: 'is required when moving a place: give both lon and lat',
    });
  }
}

export const createPlaceInput = z
  .object({
    name: text(200),
    category: placeCategory,
    address: address.default(null),
    lon: longitude,
    lat: latitude,
    concernSince: plannedDate,
    concernUntil: plannedDate.nullable().default(null),
    reasons: reasons.default([]),
  })
  .strict()
  .superRefine(concernPeriodInOrder);
export type CreatePlaceInput = z.infer<typeof createPlaceInput>;

export const updatePlaceInput = z
  .object({
    id,
    version,
    changes: z
      .object({
        name: text(200),
        category: placeCategory,
        address,
        lon: longitude,
        lat: latitude,
        concernSince: plannedDate,
        concernUntil: plannedDate.nullable(),
        reasons,
      })
      .partial()
      .strict()
      .superRefine(lonWithLat)
      .superRefine(concernPeriodInOrder)
      .refine((changes) => Object.keys(changes).length > 0, {
        message: 'must change at least one field',
        // Unknown keys are already reported; they would also leave the changes looking empty.
        when: (payload) => payload.issues.length === 0,
      }),
  })
  .strict();
export type UpdatePlaceInput = z.infer<typeof updatePlaceInput>;

const districtRef = z.object({ code: z.string(), name: z.string() });

export const place = z.object({
  id: z.uuid(),
  name: z.string(),
  category: placeCategory,
  address: z.string().nullable(),
  /** The ward the place lies in, if any: with the address, it tells places of one name apart. */
  ward: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
  district: districtRef.nullable(),
  concernSince: z.string(),
  concernUntil: z.string().nullable(),
  reasons: z.array(z.string()),
  version: z.int(),
});
export type Place = z.infer<typeof place>;

/** One place with how many people are linked to it (a count of people: suppressed like any other). */
export const placeDetail = place.extend({ linkedPeople: suppressedCount });
export type PlaceDetail = z.infer<typeof placeDetail>;

export const listPlacesOutput = z.object({ places: z.array(place) });

/** A place as the map draws it: enough to place, colour and filter it by date. */
export const mapPlace = z.object({
  id: z.uuid(),
  name: z.string(),
  category: placeCategory,
  lon: z.number(),
  lat: z.number(),
  districtCode: z.string().nullable(),
  concernSince: z.string(),
  concernUntil: z.string().nullable(),
});
export type MapPlace = z.infer<typeof mapPlace>;
export const mapPlacesOutput = z.object({ places: z.array(mapPlace) });

export const placeHistoryInput = z.object({ id }).strict();
/** A change to a place: when, which procedure, and who (staff, not the people linked to it). */
export const placeHistoryOutput = z.object({
  events: z.array(
    z.object({
      at: z.string(),
      change: z.enum(['created', 'updated']),
      by: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});
export type PlaceHistory = z.infer<typeof placeHistoryOutput>;
