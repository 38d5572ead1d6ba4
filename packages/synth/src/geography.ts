/**
 * The real geography the synthetic data sits on: ONS district boundaries and police.uk map points
 * from the repository's data/ folder. Every generated point is tested against its district's
 * polygon here (and retried) so that spatial queries on synthetic data behave like real ones.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Rng } from './rng.ts';
import type { LonLat } from './types.ts';

type Ring = number[][];
type DistrictGeometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export interface DistrictShape {
  code: string;
  name: string;
  geometry: DistrictGeometry;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: [number, number, number, number];
}

export interface PoliceUkPlace {
  /** police.uk point-of-interest category, e.g. 'Parking Area'. */
  category: string;
  /** police.uk label, e.g. 'On or near Parking Area'. */
  label: string;
  districtCode: string;
  location: LonLat;
}

const dataDirectory = new URL('../../../data/', import.meta.url);

function readJson(fileName: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(fileName, dataDirectory)), 'utf8'));
}

function boundingBox(geometry: DistrictGeometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [lon = 0, lat = 0] of ring) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  }
  return box;
}

let shapesCache: Map<string, DistrictShape> | undefined;

/** District polygons keyed by ONS code (the file's feature ids). */
export function districtShapes(): Map<string, DistrictShape> {
  if (shapesCache) return shapesCache;
  const collection = readJson('nottinghamshire-districts.geojson') as {
    features: { id: string; properties: { name: string }; geometry: DistrictGeometry }[];
  };
  shapesCache = new Map(
    collection.features.map((feature) => [
      feature.id,
      {
        code: feature.id,
        name: feature.properties.name,
        geometry: feature.geometry,
        bbox: boundingBox(feature.geometry),
      },
    ]),
  );
  return shapesCache;
}

function shapeOf(districtCode: string): DistrictShape {
  const shape = districtShapes().get(districtCode);
  if (!shape) throw new Error(`No boundary for district '${districtCode}'`);
  return shape;
}

export function isInsideDistrict(point: LonLat, districtCode: string): boolean {
  const shape = shapeOf(districtCode);
  const [minLon, minLat, maxLon, maxLat] = shape.bbox;
  if (point.lon < minLon || point.lon > maxLon || point.lat < minLat || point.lat > maxLat) return false;
  return booleanPointInPolygon([point.lon, point.lat], shape.geometry, { ignoreBoundary: true });
}

/** The district containing a point, or null outside the eight. */
export function districtAt(point: LonLat): string | null {
  for (const code of districtShapes().keys()) {
    if (isInsideDistrict(point, code)) return code;
  }
  return null;
}

const METRES_PER_DEGREE_LAT = 111_320;

/** Round to 6 decimal places (about 0.1 m), the precision we store. */
export function roundPoint(point: LonLat): LonLat {
  return { lon: Math.round(point.lon * 1e6) / 1e6, lat: Math.round(point.lat * 1e6) / 1e6 };
}

/** Move a point by east/north metres (flat-earth approximation, fine at town scale). */
export function offsetMetres(origin: LonLat, east: number, north: number): LonLat {
  const lat = origin.lat + north / METRES_PER_DEGREE_LAT;
  const lon = origin.lon + east / (METRES_PER_DEGREE_LAT * Math.cos((origin.lat * Math.PI) / 180));
  return { lon, lat };
}

/**
 * A point scattered around `centre` (normal, `sdMetres` each axis) that lies inside the district.
 * Retries, narrowing the spread; falls back to the centre itself, which must be inside.
 */
export function scatterInside(rng: Rng, centre: LonLat, sdMetres: number, districtCode: string): LonLat {
  let spread = sdMetres;
  for (let attempt = 0; attempt < 60; attempt++) {
    const candidate = roundPoint(offsetMetres(centre, rng.normal() * spread, rng.normal() * spread));
    if (isInsideDistrict(candidate, districtCode)) return candidate;
    if (attempt % 10 === 9) spread /= 2;
  }
  const fallback = roundPoint(centre);
  if (!isInsideDistrict(fallback, districtCode)) {
    throw new Error(`Centre ${centre.lon},${centre.lat} is not inside district ${districtCode}`);
  }
  return fallback;
}

/** A uniformly random point inside a district (rejection sampling on its bounding box). */
export function uniformInside(rng: Rng, districtCode: string): LonLat {
  const [minLon, minLat, maxLon, maxLat] = shapeOf(districtCode).bbox;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const candidate = roundPoint({ lon: rng.between(minLon, maxLon), lat: rng.between(minLat, maxLat) });
    if (isInsideDistrict(candidate, districtCode)) return candidate;
  }
  throw new Error(`Could not place a point inside district ${districtCode}`);
}

let placesCache: PoliceUkPlace[] | undefined;

/** Real police.uk anonymised map points with a point-of-interest category. */
export function policeUkPlaces(): PoliceUkPlace[] {
  if (placesCache) return placesCache;
  const collection = readJson('nottinghamshire-police-uk-places.geojson') as {
    features: {
      properties: { category: string; label: string; lad_code: string };
      geometry: { coordinates: [number, number] };
    }[];
  };
  placesCache = collection.features
    .map((feature) => ({
      category: feature.properties.category,
      label: feature.properties.label,
      districtCode: feature.properties.lad_code,
      location: roundPoint({ lon: feature.geometry.coordinates[0], lat: feature.geometry.coordinates[1] }),
    }))
    // The file is clipped to the districts, but a snap point can sit on a boundary line.
    .filter((place) => isInsideDistrict(place.location, place.districtCode));
  return placesCache;
}

/** Distance in metres between two points (equirectangular; fine within a county). */
export function distanceMetres(a: LonLat, b: LonLat): number {
  const meanLat = ((a.lat + b.lat) / 2) * (Math.PI / 180);
  const dx = (b.lon - a.lon) * Math.cos(meanLat) * METRES_PER_DEGREE_LAT;
  const dy = (b.lat - a.lat) * METRES_PER_DEGREE_LAT;
  return Math.hypot(dx, dy);
}
