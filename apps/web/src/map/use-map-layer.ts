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
  /**
   * Shown or hidden (layout `visibility`). Switching a layer off and on this way keeps its source and
   * the tiles it has loaded, where removing and adding the layer would fetch and parse them all again.
   */
  visible?: boolean | undefined;
}

/**
 * A style layer that lives as long as the calling component. The layer is added once (its paint
 * and layout are fixed); only its filter and visibility change. Call it after the hook of the source it draws.
 */
export function useMapLayer(layer: LayerSpecification, { filter, beforeId, visible }: MapLayerOptions = {}): void {
  const map = useMap();
  const initial = useRef({ layer, filter, beforeId, visible });

  useEffect(() => {
    const { layer: spec, filter: firstFilter, beforeId: below, visible: shown } = initial.current;
    const withLayout =
      shown === undefined || spec.type === 'background'
        ? spec
        : ({ ...spec, layout: { ...spec.layout, visibility: shown ? 'visible' : 'none' } } as LayerSpecification);
    const withFilter =
      firstFilter === undefined ? withLayout : ({ ...withLayout, filter: firstFilter } as LayerSpecification);
    map.addLayer(withFilter, below !== undefined && map.getLayer(below) ? below : layerAbove(map, spec.id));
    return () => {
      if (!isRemoved(map) && map.getLayer(spec.id)) map.removeLayer(spec.id);
    };
  }, [map]);

  useEffect(() => {
    if (filter !== undefined && map.getLayer(layer.id)) map.setFilter(layer.id, filter);
  }, [map, layer.id, filter]);

  useEffect(() => {
    if (visible === undefined || !map.getLayer(layer.id)) return;
    const now = visible ? 'visible' : 'none';
    if (map.getLayoutProperty(layer.id, 'visibility') !== now) map.setLayoutProperty(layer.id, 'visibility', now);
  }, [map, layer.id, visible]);
}
