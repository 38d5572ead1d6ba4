import { useEffect } from 'react';
import { useMap } from './map-context.ts';

/** How much of a dimmed circle layer still shows: enough to see where points are, not to hide squares. */
export const dimmedShare = 0.2;

/**
 * Fades a circle layer (fill and ring) while `dimmed`, for instance while hot-spot squares are
 * drawn beneath it, and restores `opacity` after. Call it after the layer's `useMapLayer`.
 */
export function useDimmed(layerId: string, dimmed: boolean, opacity: number): void {
  const map = useMap();
  useEffect(() => {
    if (!map.getLayer(layerId)) return;
    map.setPaintProperty(layerId, 'circle-opacity', dimmed ? opacity * dimmedShare : opacity);
    map.setPaintProperty(layerId, 'circle-stroke-opacity', dimmed ? dimmedShare : 1);
  }, [map, layerId, dimmed, opacity]);
}
