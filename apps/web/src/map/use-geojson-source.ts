import type { GeoJSONSource, GeoJSONSourceSpecification } from 'maplibre-gl';
import { useEffect } from 'react';
import { isRemoved, useMap } from './map-context.ts';

type GeoJsonData = GeoJSONSourceSpecification['data'];

/**
 * A GeoJSON source that lives as long as the calling component. New `data` (a new object, not a
 * deep comparison) is handed to `setData`; on unmount the layers drawing it go first, then the source.
 */
export function useGeoJsonSource(id: string, data: GeoJsonData): void {
  const map = useMap();

  useEffect(() => {
    map.addSource(id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    return () => {
      if (isRemoved(map)) return;
      for (const layer of map.getStyle().layers) {
        if ('source' in layer && layer.source === id) map.removeLayer(layer.id);
      }
      map.removeSource(id);
    };
  }, [map, id]);

  useEffect(() => {
    map.getSource<GeoJSONSource>(id)?.setData(data);
  }, [map, id, data]);
}
