import { tileLayers } from '@lantern/domain';
import { clusterLayerId } from './layers/layer-styles.ts';

/**
 * Lantern's map layers from bottom to top: the ground (districts and wards), analysis surfaces,
 * event circles, places of concern, then disruption actions, which a user must never lose under
 * other points (a new closure notice is the thing to see), and the names that say where one is. A layer not listed (a basemap's, the
 * network's) keeps where it was put.
 */
export const layerStack: readonly string[] = [
  'districts-fill',
  'districts-selected-fill',
  'wards-outline',
  'wards-selected-outline',
  'districts-outline',
  'districts-selected-outline',
  'hotspots-fill',
  'hotspots-selected',
  ...tileLayers.map(clusterLayerId),
  'places-points',
  'places-selected',
  'disruption-actions-points',
  'orientation-streets',
  'orientation-wards',
  'orientation-towns',
];

/** Enough of a maplibre map to read its layers, bottom to top. */
export interface LayerList {
  getStyle(): { layers?: ReadonlyArray<{ id: string }> } | undefined;
}

/**
 * The layer a new layer `id` must be inserted below to keep `layerStack`'s order, whatever order
 * the layers arrive in: the lowest layer already on the map that belongs above it. Undefined puts
 * it on top (nothing above it yet, or it is not in the stack).
 */
export function layerAbove(map: LayerList, id: string): string | undefined {
  const rank = layerStack.indexOf(id);
  if (rank < 0) return undefined;
  return map
    .getStyle()
    ?.layers?.map((layer) => layer.id)
    .find((other) => layerStack.indexOf(other) > rank);
}
