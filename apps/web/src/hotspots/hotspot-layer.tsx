import type { GetisOrdOutput } from '@lantern/domain';
import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import { useMemo } from 'react';
import { useGeoJsonSource } from '../map/use-geojson-source.ts';
import { useLayerClick } from '../map/use-layer-click.ts';
import { useMapLayer } from '../map/use-map-layer.ts';
import { cellSquares } from './cell-squares.ts';
import { hotspotBins } from './hotspot-bins.ts';

const empty: GeoJSONSourceSpecification['data'] = { type: 'FeatureCollection', features: [] };
const binColour = [
  'match',
  ['get', 'bin'],
  ...hotspotBins.flatMap(({ bin, colour }) => [bin, colour]),
  '#00000000',
] as never;

export interface HotspotLayerProps {
  result: GetisOrdOutput | undefined;
  selectedCellId: string | null;
  onSelectCell(id: string): void;
}

/** Gi* hot and cold spots as translucent grid squares in ArcGIS's colours; a click picks a cell. Mount inside <DistrictMap>. */
export function HotspotLayer({ result, selectedCellId, onSelectCell }: HotspotLayerProps) {
  const data = useMemo(() => (result ? cellSquares(result) : empty), [result]);
  useGeoJsonSource('hotspots', data);
  useMapLayer({
    id: 'hotspots-fill',
    type: 'fill',
    source: 'hotspots',
    paint: { 'fill-color': binColour, 'fill-opacity': 0.6 },
  });
  const selectedFilter = useMemo(() => ['==', ['get', 'id'], selectedCellId ?? ''] as never, [selectedCellId]);
  useMapLayer(
    {
      id: 'hotspots-selected',
      type: 'line',
      source: 'hotspots',
      paint: { 'line-color': '#1f1f1f', 'line-width': 2.5 },
    },
    { filter: selectedFilter },
  );
  useLayerClick(
    'hotspots-fill',
    (feature) => {
      const id = feature.properties?.id;
      if (typeof id === 'string') onSelectCell(id);
    },
    ['places-points'],
  );
  return null;
}
