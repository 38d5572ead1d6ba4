import type { MapLayer } from '@lantern/domain';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { type DateRange, tileUrl } from '../map-filters.ts';
import { useDimmed } from '../use-dimmed.ts';
import { useLayerClick } from '../use-layer-click.ts';
import { useMapLayer } from '../use-map-layer.ts';
import { useVectorTileSource } from '../use-vector-tile-source.ts';
import { clusterLayerId, clusterRadius, layerColours, tileMaxZoom } from './layer-styles.ts';

/** What a click on a clustered point says: how many events, the commonest type, the latest month. */
export interface PickedCluster {
  layer: MapLayer['id'];
  label: string;
  count: number;
  kind: string | null;
  month: string | null;
  lon: number;
  lat: number;
}

export interface EventTileLayerProps {
  layer: MapLayer;
  range: DateRange;
  types?: readonly string[];
  onPick(cluster: PickedCluster): void;
  /** Faded, so that hot-spot squares beneath show through. */
  dimmed?: boolean;
  /** Switched off in the layer control: hidden, its source and tiles kept for when it comes back. */
  visible?: boolean;
}

const clusterOpacity = 0.6;

/** A clustered point layer drawn from `/tiles/<layer>/…`; circles grow with the number of events. */
export function EventTileLayer({
  layer,
  range,
  types = [],
  onPick,
  dimmed = false,
  visible = true,
}: EventTileLayerProps) {
  const sourceId = `tiles-${layer.id}`;
  const layerId = clusterLayerId(layer.id);
  useVectorTileSource(sourceId, tileUrl(layer.id, range, types), tileMaxZoom(layer.id));
  useMapLayer(
    {
      id: layerId,
      type: 'circle',
      source: sourceId,
      'source-layer': layer.id,
      paint: {
        'circle-color': layerColours[layer.id],
        'circle-opacity': clusterOpacity,
        'circle-radius': clusterRadius as never,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
    { visible },
  );
  useDimmed(layerId, dimmed, clusterOpacity);
  useLayerClick(layerId, (feature) => onPick(toCluster(layer, feature)), ['places-points']);
  return null;
}

function toCluster(layer: MapLayer, feature: MapGeoJSONFeature): PickedCluster {
  const [lon, lat] = feature.geometry.type === 'Point' ? feature.geometry.coordinates : [0, 0];
  const { count, kind, month } = feature.properties as { count?: number; kind?: string; month?: string };
  return {
    layer: layer.id,
    label: layer.label,
    count: Number(count ?? 1),
    kind: kind ?? null,
    month: month ?? null,
    lon: lon ?? 0,
    lat: lat ?? 0,
  };
}
