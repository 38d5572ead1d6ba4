import type { MapGeoJSONFeature, MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { isRemoved, useMap } from './map-context.ts';

/**
 * Calls `onClick` with the topmost feature of `layerId` under a click, and shows a pointer over
 * them. A click that also hits one of `yieldTo` (layers drawn above, such as points over an area)
 * is left to those layers' own handlers.
 */
export function useLayerClick(
  layerId: string,
  onClick: (feature: MapGeoJSONFeature) => void,
  yieldTo: readonly string[] = [],
): void {
  const map = useMap();
  const latest = useRef(onClick);
  latest.current = onClick;
  const above = useRef(yieldTo);
  above.current = yieldTo;

  useEffect(() => {
    const click = (event: MapLayerMouseEvent) => {
      const layers = above.current.filter((id) => map.getLayer(id));
      if (layers.length > 0 && map.queryRenderedFeatures(event.point, { layers }).length > 0) return;
      const feature = event.features?.[0];
      if (feature) latest.current(feature);
    };
    const enter = () => {
      map.getCanvas().style.cursor = 'pointer';
    };
    const leave = () => {
      map.getCanvas().style.cursor = '';
    };
    map.on('click', layerId, click);
    map.on('mouseenter', layerId, enter);
    map.on('mouseleave', layerId, leave);
    return () => {
      if (isRemoved(map)) return;
      map.off('click', layerId, click);
      map.off('mouseenter', layerId, enter);
      map.off('mouseleave', layerId, leave);
    };
  }, [map, layerId]);
}
