import type { MapMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import { useBoundaries } from '../map/boundaries.ts';
import { DistrictMap } from '../map/district-map.tsx';
import { isRemoved, useMap } from '../map/map-context.ts';
import { useGeoJsonSource } from '../map/use-geojson-source.ts';
import { useMapLayer } from '../map/use-map-layer.ts';

type FeatureCollection = GeoJSON.FeatureCollection;

export interface PointPickerProps {
  lon: number | null;
  lat: number | null;
  onPick(point: { lon: number; lat: number }): void;
}

/**
 * A small map of the districts: a click picks the place's point (to 6 decimals, about 10 cm),
 * drawn as a dot. The typed longitude and latitude beside it stay the record; this only fills them.
 */
export function PointPicker(props: PointPickerProps) {
  return (
    <div className="point-picker__map" data-testid="point-picker">
      <DistrictMap trackInAddress={false}>
        <PickerLayers {...props} />
      </DistrictMap>
    </div>
  );
}

function PickerLayers({ lon, lat, onPick }: PointPickerProps) {
  const map = useMap();
  const districts = useBoundaries('districts');
  const latest = useRef(onPick);
  latest.current = onPick;
  const outlines = useMemo<FeatureCollection>(
    () => (districts.data as FeatureCollection | undefined) ?? { type: 'FeatureCollection', features: [] },
    [districts.data],
  );
  const picked = useMemo<FeatureCollection>(
    () => ({
      type: 'FeatureCollection',
      features:
        lon !== null && lat !== null && Number.isFinite(lon) && Number.isFinite(lat)
          ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lon, lat] } }]
          : [],
    }),
    [lon, lat],
  );
  useGeoJsonSource('picker-districts', outlines);
  useMapLayer({
    id: 'picker-districts-outline',
    type: 'line',
    source: 'picker-districts',
    paint: { 'line-color': '#1f3b5c', 'line-width': 1.2 },
  });
  useGeoJsonSource('picker-point', picked);
  useMapLayer({
    id: 'picker-point',
    type: 'circle',
    source: 'picker-point',
    paint: {
      'circle-radius': 7,
      'circle-color': '#b3261e',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  useEffect(() => {
    const canvas = map.getCanvas();
    canvas.style.cursor = 'crosshair';
    const click = (event: MapMouseEvent) => {
      latest.current({ lon: Number(event.lngLat.lng.toFixed(6)), lat: Number(event.lngLat.lat.toFixed(6)) });
    };
    map.on('click', click);
    return () => {
      if (isRemoved(map)) return;
      canvas.style.cursor = '';
      map.off('click', click);
    };
  }, [map]);
  return null;
}
