import type { MapPlace } from '@lantern/domain';
import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import { useMemo } from 'react';
import { concernOverlaps, type DateRange } from '../map-filters.ts';
import { useDimmed } from '../use-dimmed.ts';
import { useGeoJsonSource } from '../use-geojson-source.ts';
import { useLayerClick } from '../use-layer-click.ts';
import { useMapLayer } from '../use-map-layer.ts';
import { placeCategoryColours } from './layer-styles.ts';

export interface PlacesLayerProps {
  places: readonly MapPlace[];
  range: DateRange;
  selectedId: string | null;
  onSelect(id: string): void;
  /** Faded, so that hot-spot squares beneath show through. */
  dimmed?: boolean;
  /** Switched off in the layer control: hidden, its source kept for when it comes back. */
  visible?: boolean;
}

const categoryColour = [
  'match',
  ['get', 'category'],
  ...Object.entries(placeCategoryColours).flat(),
  '#444444',
] as never;

/** Places of concern whose concern overlaps the time range, coloured by category. */
export function PlacesLayer({ places, range, selectedId, onSelect, dimmed = false, visible = true }: PlacesLayerProps) {
  const data = useMemo<GeoJSONSourceSpecification['data']>(
    () => ({
      type: 'FeatureCollection',
      features: places
        .filter((place) => concernOverlaps(place, range))
        .map((place) => ({
          type: 'Feature' as const,
          id: place.id,
          geometry: { type: 'Point' as const, coordinates: [place.lon, place.lat] },
          properties: { id: place.id, name: place.name, category: place.category },
        })),
    }),
    [places, range],
  );
  useGeoJsonSource('places', data);
  useMapLayer(
    {
      id: 'places-points',
      type: 'circle',
      source: 'places',
      paint: {
        'circle-color': categoryColour,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4.5, 14, 9],
        // A dark ring tells places apart from the grey crime clusters beneath them.
        'circle-stroke-color': '#1b1f24',
        'circle-stroke-width': 1.5,
      },
    },
    { visible },
  );
  useDimmed('places-points', dimmed, 1);
  const selectedFilter = useMemo(() => ['==', ['get', 'id'], selectedId ?? ''] as never, [selectedId]);
  useMapLayer(
    {
      id: 'places-selected',
      type: 'circle',
      source: 'places',
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 8, 14, 13],
        'circle-stroke-color': '#1f1f1f',
        'circle-stroke-width': 3,
      },
    },
    { filter: selectedFilter, visible },
  );
  useLayerClick('places-points', (feature) => {
    const id = feature.properties?.id;
    if (typeof id === 'string') onSelect(id);
  });
  return null;
}
