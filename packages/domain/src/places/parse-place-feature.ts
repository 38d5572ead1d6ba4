import type { FieldProblem } from '../app-error.ts';
import type { PlaceCategory } from '../enums.ts';
import { text } from '../schemas/common.ts';
import { createPlaceInput } from '../schemas/places.ts';

/**
 * One feature of the places GeoJSON (docs/ARCHITECTURE.md, a stable interface): a Point in WGS84
 * with the properties below. Values are checked by the same schema as `places.create`, so an
 * import and the API accept exactly the same places; each problem names the feature's index in
 * `features`, the property and the value.
 */
export const placeFeatureProperties = [
  'place_ref',
  'name',
  'category',
  'address',
  'concern_since',
  'concern_until',
  'reasons',
] as const;

export interface PlaceImportRow {
  placeRef: string;
  name: string;
  category: PlaceCategory;
  address: string | null;
  lon: number;
  lat: number;
  concernSince: string;
  concernUntil: string | null;
  reasons: string[];
}

export type PlaceFeatureResult = { ok: true; place: PlaceImportRow } | { ok: false; problems: FieldProblem[] };

/** The GeoJSON property a field of `createPlaceInput` comes from. */
const propertyOf: Record<string, string> = {
  name: 'name',
  category: 'category',
  address: 'address',
  lon: 'geometry.coordinates',
  lat: 'geometry.coordinates',
  concernSince: 'concern_since',
  concernUntil: 'concern_until',
  reasons: 'reasons',
};

const placeRef = text(100);

function shown(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reasons as a list of strings, or one string of `;`-separated reasons; absent or null is none. */
function reasonsOf(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') {
    return value
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
  }
  return value;
}

export function parsePlaceFeature(feature: unknown, index: number, file?: string): PlaceFeatureResult {
  const at = (field: string, value: unknown, message: string): FieldProblem => ({
    ...(file === undefined ? {} : { file }),
    feature: index,
    field,
    ...(value === undefined ? {} : { value: shown(value) }),
    message,
  });
  if (!isObject(feature) || feature.type !== 'Feature') {
    return { ok: false, problems: [at('type', isObject(feature) ? feature.type : feature, 'must be "Feature"')] };
  }
  const problems: FieldProblem[] = [];
  const geometry = feature.geometry;
  let lon: unknown;
  let lat: unknown;
  if (!isObject(geometry) || geometry.type !== 'Point') {
    problems.push(
      at('geometry.type', isObject(geometry) ? geometry.type : geometry, 'must be a Point (a place is one point)'),
    );
  } else if (
    !Array.isArray(geometry.coordinates) ||
    geometry.coordinates.length < 2 ||
    geometry.coordinates
      .slice(0, 2)
      .some((coordinate) => typeof coordinate !== 'number' || !Number.isFinite(coordinate))
  ) {
    problems.push(at('geometry.coordinates', geometry.coordinates, 'must be [longitude, latitude] in WGS84 degrees'));
  } else {
    [lon, lat] = geometry.coordinates as number[];
  }
  const properties = feature.properties;
  if (!isObject(properties)) {
    problems.push(at('properties', properties, 'must be an object with place_ref, name, category and concern_since'));
    return { ok: false, problems };
  }
  const ref = placeRef.safeParse(properties.place_ref ?? '');
  if (!ref.success) {
    problems.push(at('place_ref', properties.place_ref, ref.error.issues[0]?.message ?? 'is required'));
  }
  const parsed = createPlaceInput.safeParse({
    name: properties.name,
    category: properties.category,
    address: properties.address ?? null,
    lon: lon ?? 0,
    lat: lat ?? 0,
    concernSince: properties.concern_since,
    concernUntil: properties.concern_until ?? null,
    reasons: reasonsOf(properties.reasons),
  });
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const field = propertyOf[key] ?? key;
      if (seen.has(field)) continue;
      seen.add(field);
      const value = field === 'geometry.coordinates' ? [lon, lat] : properties[field];
      const message =
        issue.code === 'invalid_value' && key === 'category'
          ? `must be one of ${(issue.values as unknown[]).join(', ')}`
          : issue.code === 'invalid_type' && value === undefined
            ? 'is required'
            : issue.message;
      problems.push(at(field, value, message));
    }
  }
  if (problems.length > 0 || !parsed.success || !ref.success) return { ok: false, problems };
  return { ok: true, place: { placeRef: ref.data, ...parsed.data } };
}
