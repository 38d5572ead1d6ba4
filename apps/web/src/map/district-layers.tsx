import { tileLayers } from '@lantern/domain';
import type { FilterSpecification } from 'maplibre-gl';
import { useMemo } from 'react';
import type { DistrictCollection, WardCollection } from './boundaries.ts';
import { clusterLayerId } from './layers/layer-styles.ts';
import { useGeoJsonSource } from './use-geojson-source.ts';
import { useLayerClick } from './use-layer-click.ts';
import { useMapLayer } from './use-map-layer.ts';

/** Point layers drawn over the districts: a click on one of them is about the point, not the district. */
export const pointLayerIds = [
  'places-points',
  ...tileLayers.map(clusterLayerId),
  'hotspots-fill',
  'disruption-actions-points',
];

/** Ward outlines appear from this zoom: below it they are noise inside the districts. */
const wardMinZoom = 10;

export function WardLayers({ wards, selectedCode = null }: { wards: WardCollection; selectedCode?: string | null }) {
  useGeoJsonSource('wards', wards);
  const selectedFilter = useMemo<FilterSpecification>(
    () => ['==', ['get', 'code'], selectedCode ?? ''],
    [selectedCode],
  );
  useMapLayer(
    {
      id: 'wards-selected-outline',
      type: 'line',
      source: 'wards',
      paint: { 'line-color': '#9a5b00', 'line-width': 2.5, 'line-dasharray': [2, 1] },
    },
    { filter: selectedFilter },
  );
  useMapLayer({
    id: 'wards-outline',
    type: 'line',
    source: 'wards',
    minzoom: wardMinZoom,
    paint: { 'line-color': '#5b6b7c', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.5, 14, 1.5] },
  });
  return null;
}

export interface DistrictLayersProps {
  districts: DistrictCollection;
  selectedCode: string | null;
  onSelect(code: string): void;
}

export function DistrictLayers({ districts, selectedCode, onSelect }: DistrictLayersProps) {
  useGeoJsonSource('districts', districts);
  useMapLayer({
    id: 'districts-fill',
    type: 'fill',
    source: 'districts',
    paint: {
      'fill-color': ['match', ['get', 'kind'], 'unitary', '#8e5fa8', '#2f6db5'],
      'fill-opacity': 0.12,
    },
  });
  const selectedFilter = useMemo<FilterSpecification>(
    () => ['==', ['get', 'code'], selectedCode ?? ''],
    [selectedCode],
  );
  useMapLayer(
    {
      id: 'districts-selected-fill',
      type: 'fill',
      source: 'districts',
      paint: { 'fill-color': '#f0b429', 'fill-opacity': 0.25 },
    },
    { filter: selectedFilter },
  );
  useMapLayer({
    id: 'districts-outline',
    type: 'line',
    source: 'districts',
    paint: { 'line-color': '#1f3b5c', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.2, 13, 3] },
  });
  useMapLayer(
    {
      id: 'districts-selected-outline',
      type: 'line',
      source: 'districts',
      paint: { 'line-color': '#9a5b00', 'line-width': 3 },
    },
    { filter: selectedFilter },
  );
  useLayerClick(
    'districts-fill',
    (feature) => {
      const code = feature.properties.code;
      if (typeof code === 'string') onSelect(code);
    },
    pointLayerIds,
  );
  return null;
}
