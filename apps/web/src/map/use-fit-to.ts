import { useEffect } from 'react';
import type { Bbox } from './boundaries.ts';
import { useMap } from './map-context.ts';
import { prefersReducedMotion, toBounds } from './map-style.ts';

/** Moves the map to `bbox` whenever a different one is given (by reference); null leaves it where it is. */
export function useFitTo(bbox: Bbox | null): void {
  const map = useMap();
  useEffect(() => {
    if (bbox === null) return;
    // The district panel may have opened in the same render and narrowed the map: measure first.
    map.resize();
    map.fitBounds(toBounds(bbox), { padding: 48, maxZoom: 13, duration: prefersReducedMotion() ? 0 : 800 });
  }, [map, bbox]);
}

export function FitTo({ bbox }: { bbox: Bbox | null }) {
  useFitTo(bbox);
  return null;
}
