import type { VectorTileSource } from 'maplibre-gl';
import { useEffect } from 'react';
import { isRemoved, useMap } from './map-context.ts';

/**
 * A vector tile source that lives as long as the calling component. A new tile URL (a new date
 * range or type filter) goes to `setTiles`, which refetches the visible tiles; on unmount the
 * layers drawing the source go first, then the source.
 */
export function useVectorTileSource(id: string, tileUrl: string, maxzoom = 16): void {
  const map = useMap();

  useEffect(() => {
    map.addSource(id, { type: 'vector', tiles: [absolute(tileUrl)], minzoom: 0, maxzoom });
    return () => {
      if (isRemoved(map)) return;
      for (const layer of map.getStyle().layers) {
        if ('source' in layer && layer.source === id) map.removeLayer(layer.id);
      }
      map.removeSource(id);
    };
    // The URL changes go through setTiles below; re-adding the source would drop its layers.
  }, [map, id, maxzoom]);

  useEffect(() => {
    map.getSource<VectorTileSource>(id)?.setTiles([absolute(tileUrl)]);
  }, [map, id, tileUrl]);
}

/** maplibre fetches tiles in a worker, where a relative URL has no base. */
function absolute(url: string): string {
  return new URL(url, window.location.origin).toString().replace(/%7B/g, '{').replace(/%7D/g, '}');
}
