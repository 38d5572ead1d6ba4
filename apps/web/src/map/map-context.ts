import type { Map as MaplibreMap } from 'maplibre-gl';
import { createContext, useContext } from 'react';

/**
 * The one maplibre map of a <DistrictMap>, handed to the source/layer hooks of its children once
 * its style has loaded. React may run a child's cleanup after the parent removed the map, so
 * hooks ask `isRemoved` before touching it.
 */
export const MapContext = createContext<MaplibreMap | null>(null);

const removedMaps = new WeakSet<MaplibreMap>();

export function markRemoved(map: MaplibreMap): void {
  removedMaps.add(map);
}

export function isRemoved(map: MaplibreMap): boolean {
  return removedMaps.has(map);
}

export function useMap(): MaplibreMap {
  const map = useContext(MapContext);
  if (!map) throw new Error('useMap() is only for children of <DistrictMap>');
  return map;
}
