import { Marker } from 'maplibre-gl';
import { useEffect } from 'react';
import type { DistrictCollection } from './boundaries.ts';
import { isRemoved, useMap } from './map-context.ts';

/**
 * District names as DOM markers: the offline style has no glyphs, and a symbol layer would
 * need them. Hidden from screen readers, who get the same names from the district picker.
 */
export function DistrictLabels({ districts }: { districts: DistrictCollection }) {
  const map = useMap();

  useEffect(() => {
    const markers = districts.features.map((feature) => {
      const element = document.createElement('span');
      element.className = `district-label district-label--${feature.properties.kind}`;
      element.textContent = feature.properties.name;
      element.setAttribute('aria-hidden', 'true');
      return new Marker({ element, anchor: 'center' })
        .setLngLat([feature.properties.labelLon, feature.properties.labelLat])
        .addTo(map);
    });
    return () => {
      if (isRemoved(map)) return;
      for (const marker of markers) marker.remove();
    };
  }, [map, districts]);

  return null;
}
