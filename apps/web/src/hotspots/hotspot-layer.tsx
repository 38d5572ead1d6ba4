import type { DataDrivenPropertyValueSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';
import { useEffect, useMemo } from 'react';
import { useMap } from '../map/map-context.ts';
import { useGeoJsonSource } from '../map/use-geojson-source.ts';
import { useLayerClick } from '../map/use-layer-click.ts';
import { useMapLayer } from '../map/use-map-layer.ts';
import { densityRamp } from './density-legend.tsx';
import { hotspotBins } from './hotspot-bins.ts';

type Colour = DataDrivenPropertyValueSpecification<string>;

const binColour = [
  'match',
  ['get', 'bin'],
  ...hotspotBins.flatMap(({ bin, colour }) => [bin, colour]),
  '#00000000',
] as unknown as Colour;
const densityColour = [
  'interpolate',
  ['linear'],
  ['get', 'level'],
  ...densityRamp.flatMap(({ level, colour }) => [level, colour]),
] as unknown as Colour;
const patternColour = ['get', 'colour'] as unknown as Colour;

/** How each view colours its squares. */
export const hotspotFill = {
  gi: { colour: binColour, opacity: 0.6 },
  heat: { colour: densityColour, opacity: 0.55 },
  emerging: { colour: patternColour, opacity: 0.7 },
} as const;

export interface HotspotLayerProps {
  /** The squares to draw (cellSquares, densitySquares or emergingSquares), or nothing yet. */
  squares: GeoJSONSourceSpecification['data'] | null;
  fill: { colour: Colour; opacity: number };
  selectedCellId: string | null;
  onSelectCell(id: string): void;
}

const empty: GeoJSONSourceSpecification['data'] = { type: 'FeatureCollection', features: [] };

/**
 * Grid cells as translucent squares (Gi* classes in ArcGIS's colours, the heat surface, or the
 * emerging patterns); a click picks a cell. The paint is fixed when the layer is added, so give
 * each view its own `key`. Mount inside <DistrictMap>.
 */
export function HotspotLayer({ squares, fill, selectedCellId, onSelectCell }: HotspotLayerProps) {
  useGeoJsonSource('hotspots', squares ?? empty);
  useDrawnCellCount(squares);
  useMapLayer({
    id: 'hotspots-fill',
    type: 'fill',
    source: 'hotspots',
    paint: { 'fill-color': fill.colour, 'fill-opacity': fill.opacity },
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

/**
 * `data-hotspot-cells` on the map's container: how many squares were last handed to the map
 * (set after the source's data, so the map already reports itself busy drawing them). Browser
 * tests and the benchmark wait on it.
 */
function useDrawnCellCount(squares: HotspotLayerProps['squares']) {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    if (squares && typeof squares === 'object' && 'features' in squares) {
      container.dataset.hotspotCells = String(squares.features.length);
    } else {
      delete container.dataset.hotspotCells;
    }
    return () => {
      delete container.dataset.hotspotCells;
    };
  }, [map, squares]);
}
