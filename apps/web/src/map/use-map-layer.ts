import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { layerAbove } from './layer-order.ts';
import { isRemoved, useMap } from './map-context.ts';

export interface MapLayerOptions {
  /** Compared by reference (build it with useMemo); a new one goes to `setFilter`. */
  filter?: FilterSpecification | undefined;
  /**
   * Draw below this layer when it is already on the map. Without it, a layer of `layerStack` takes
   * its place in that order, whichever layers arrived first; any other goes on top.
   */
  beforeId?: string | undefined;
}

/**
 * A style layer that lives as long as the calling component. The layer is added once (its paint
 * and layout are fixed); only its filter changes. Call it after the hook of the source it draws.
 */
export function useMapLayer(layer: LayerSpecification, { filter, beforeId }: MapLayerOptions = {}): void {
  const map = useMap();
  const initial = useRef({ layer, filter, beforeId });

  useEffect(() => {
    const { layer: spec, filter: firstFilter, beforeId: below } = initial.current;
    const withFilter = firstFilter === undefined ? spec : ({ ...spec, filter: firstFilter } as LayerSpecification);
    map.addLayer(withFilter, below !== undefined && map.getLayer(below) ? below : layerAbove(map, spec.id));
    return () => {
      if (!isRemoved(map) && map.getLayer(spec.id)) map.removeLayer(spec.id);
    };
  }, [map]);

  useEffect(() => {
    if (filter !== undefined && map.getLayer(layer.id)) map.setFilter(layer.id, filter);
  }, [map, layer.id, filter]);
}
