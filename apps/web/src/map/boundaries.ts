import { useQuery } from '@tanstack/react-query';

/** The bundled ONS boundaries, as `GET /geo/boundaries/<layer>.geojson` returns them (open data). */
export type BoundaryLayer = 'districts' | 'wards';
export type Bbox = [west: number, south: number, east: number, north: number];

interface BoundaryFeature<Properties> {
  type: 'Feature';
  id: string;
  bbox: Bbox;
  properties: Properties;
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface BoundaryCollection<Properties> {
  type: 'FeatureCollection';
  features: BoundaryFeature<Properties>[];
}

export interface DistrictProperties {
  code: string;
  name: string;
  kind: 'district' | 'unitary';
  labelLon: number;
  labelLat: number;
}

export interface WardProperties {
  code: string;
  name: string;
  districtCode: string;
}

export type DistrictFeature = BoundaryFeature<DistrictProperties>;
export type DistrictCollection = BoundaryCollection<DistrictProperties>;
export type WardCollection = BoundaryCollection<WardProperties>;

interface LayerProperties {
  districts: DistrictProperties;
  wards: WardProperties;
}

export async function fetchBoundaries<Layer extends BoundaryLayer>(
  layer: Layer,
  fetcher: typeof fetch = globalThis.fetch,
): Promise<BoundaryCollection<LayerProperties[Layer]>> {
  const response = await fetcher(`/geo/boundaries/${layer}.geojson`, { credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The ${layer} boundaries could not be loaded (HTTP ${response.status})`);
  }
  return (await response.json()) as BoundaryCollection<LayerProperties[Layer]>;
}

export function useBoundaries<Layer extends BoundaryLayer>(layer: Layer) {
  return useQuery({
    queryKey: ['lantern', 'boundaries', layer],
    queryFn: () => fetchBoundaries(layer),
    // Boundaries change only with a new data release; the server's ETag revalidates them.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
