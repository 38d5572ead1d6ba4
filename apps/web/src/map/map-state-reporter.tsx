import { useEffect } from 'react';
import { isRemoved, useMap } from './map-context.ts';

/**
 * Keeps the map container's `data-map-state` at "moving" while the view changes and "idle" once
 * maplibre has drawn everything it has, for the browser tests and the benchmark; the first idle
 * is also `performance.mark('lantern:map-idle')`, and `data-map-layers` lists the layers bottom to top. Render it after the layers whose drawing
 * counts: it starts listening once their data has been handed to the map.
 */
export function MapStateReporter() {
  const map = useMap();

  useEffect(() => {
    const container = map.getContainer();
    let first = true;
    const idle = () => {
      container.dataset.mapState = 'idle';
      // The drawing order, bottom to top, for the browser tests.
      container.dataset.mapLayers = (map.getStyle().layers ?? []).map((layer) => layer.id).join(' ');
      if (first) performance.mark('lantern:map-idle');
      first = false;
    };
    const moving = () => {
      container.dataset.mapState = 'moving';
    };
    map.on('idle', idle);
    map.on('movestart', moving);
    // New data for a source (a layer's setData, tiles) is drawing too: not idle until it is drawn.
    map.on('dataloading', moving);
    // `idle` fires on becoming idle; a repaint makes sure it comes even if the map has nothing to load.
    map.triggerRepaint();
    return () => {
      if (isRemoved(map)) return;
      map.off('idle', idle);
      map.off('movestart', moving);
      map.off('dataloading', moving);
    };
  }, [map]);

  return null;
}
