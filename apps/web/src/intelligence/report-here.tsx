import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useLocation } from 'wouter';
import { isRemoved, useMap } from '../map/map-context.ts';
import './intelligence.css';

/**
 * "Report a concern here" on the map: the next click picks the point and opens the form with it.
 * Opened from the form's "pick on the map" link (`?report=1`), it starts in picking mode.
 */
export function ReportHere({ startPicking }: { startPicking: boolean }) {
  const map = useMap();
  const [, navigate] = useLocation();
  const [picking, setPicking] = useState(startPicking);
  useEffect(() => {
    if (!picking) return;
    const canvas = map.getCanvas();
    canvas.style.cursor = 'crosshair';
    const click = (event: { lngLat: { lng: number; lat: number } }) => {
      navigate(`/intelligence/new?lon=${event.lngLat.lng.toFixed(6)}&lat=${event.lngLat.lat.toFixed(6)}`);
    };
    map.once('click', click);
    return () => {
      if (isRemoved(map)) return;
      canvas.style.cursor = '';
      map.off('click', click);
    };
  }, [map, picking, navigate]);
  // Into the map's own container, above the canvas, like maplibre's controls.
  return createPortal(
    <div className="map-report-here">
      <button className="button" type="button" aria-pressed={picking} onClick={() => setPicking(!picking)}>
        {picking ? 'Click the map where it happened… (cancel)' : 'Report a concern here'}
      </button>
    </div>,
    map.getContainer(),
  );
}
