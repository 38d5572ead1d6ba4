import type { OrientationOutput, StreetNamesOutput } from '@lantern/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import { useEffect, useMemo, useState } from 'react';
import { useTRPC } from '../api/trpc.ts';
import { isRemoved, useMap } from './map-context.ts';
import { labelFont } from './map-style.ts';
import { useGeoJsonSource } from './use-geojson-source.ts';
import { useMapLayer } from './use-map-layer.ts';

/** Ward names appear from this zoom, street names from the next (a few streets across the screen). */
export const wardLabelMinZoom = 11;
export const streetLabelMinZoom = 14;

type Label = { name: string; lon: number; lat: number; size?: number };

function points(labels: readonly Label[] | undefined): GeoJSONSourceSpecification['data'] {
  return {
    type: 'FeatureCollection',
    features: (labels ?? []).map((label) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [label.lon, label.lat] },
      properties: { name: label.name, size: label.size ?? 0 },
    })),
  };
}

/** The view's box, rounded outwards to 0.01° so that small pans ask for the same streets again. */
function streetBox(
  map: ReturnType<typeof useMap>,
): { west: number; south: number; east: number; north: number } | null {
  if (map.getZoom() < streetLabelMinZoom) return null;
  const bounds = map.getBounds();
  const down = (value: number) => Math.floor(value * 100) / 100;
  const up = (value: number) => Math.ceil(value * 100) / 100;
  return {
    west: down(bounds.getWest()),
    south: down(bounds.getSouth()),
    east: up(bounds.getEast()),
    north: up(bounds.getNorth()),
  };
}

const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 } as const;

/**
 * Where am I, without a basemap: town names over the county, ward names at mid zoom, and street
 * names close in, taken from police.uk's anonymised map points ("On or near …") at those points.
 * Drawn as map text, so names never overlap each other (larger towns win). Mount inside
 * <DistrictMap> only when no basemap is configured: a basemap names its own places.
 */
export function OrientationLayer({ onStreets }: { onStreets?(shown: boolean): void }) {
  const map = useMap();
  const trpc = useTRPC();
  const orientation = useQuery({ ...trpc.map.orientation.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const [box, setBox] = useState(() => streetBox(map));
  useEffect(() => {
    const moved = () => {
      if (isRemoved(map)) return;
      const next = streetBox(map);
      setBox((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    };
    map.on('moveend', moved);
    return () => {
      if (!isRemoved(map)) map.off('moveend', moved);
    };
  }, [map]);
  const streets = useQuery({
    ...trpc.map.streetNames.queryOptions(box ?? { west: 0, south: 0, east: 0.01, north: 0.01 }),
    enabled: box !== null,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const shownStreets: StreetNamesOutput['streets'] | undefined = box ? streets.data?.streets : undefined;
  const data: OrientationOutput | undefined = orientation.data;
  const towns = useMemo(() => points(data?.towns), [data]);
  const wards = useMemo(() => points(data?.wards), [data]);
  const streetPoints = useMemo(() => points(shownStreets), [shownStreets]);
  useEffect(() => onStreets?.((shownStreets?.length ?? 0) > 0), [onStreets, shownStreets]);

  useDrawnLabelCounts();

  useGeoJsonSource('orientation-streets', streetPoints);
  useMapLayer({
    id: 'orientation-streets',
    type: 'symbol',
    source: 'orientation-streets',
    minzoom: streetLabelMinZoom,
    layout: { 'text-field': ['get', 'name'], 'text-font': [labelFont], 'text-size': 11, 'text-padding': 4 },
    paint: { 'text-color': '#3d4650', ...halo },
  });
  useGeoJsonSource('orientation-wards', wards);
  useMapLayer({
    id: 'orientation-wards',
    type: 'symbol',
    source: 'orientation-wards',
    minzoom: wardLabelMinZoom,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [labelFont],
      'text-size': 12,
      'text-transform': 'uppercase',
      'text-letter-spacing': 0.06,
      'text-max-width': 8,
    },
    paint: { 'text-color': '#6a5a8c', ...halo },
  });
  useGeoJsonSource('orientation-towns', towns);
  useMapLayer({
    id: 'orientation-towns',
    type: 'symbol',
    source: 'orientation-towns',
    minzoom: 9,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [labelFont],
      'text-size': ['interpolate', ['linear'], ['get', 'size'], 4, 12, 80, 17],
      'symbol-sort-key': ['-', 0, ['get', 'size']],
      'text-max-width': 9,
    },
    paint: { 'text-color': '#14202c', ...halo },
  });
  return null;
}

/**
 * `data-orientation-labels` on the map's container: how many town, ward and street names are
 * drawn once the map is idle ("towns wards streets"), for the browser tests.
 */
function useDrawnLabelCounts(): void {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    const idle = () => {
      const count = (layer: string) =>
        map.getLayer(layer) ? map.queryRenderedFeatures({ layers: [layer] }).length : 0;
      container.dataset.orientationLabels = ['orientation-towns', 'orientation-wards', 'orientation-streets']
        .map(count)
        .join(' ');
    };
    map.on('idle', idle);
    return () => {
      if (!isRemoved(map)) map.off('idle', idle);
    };
  }, [map]);
}
