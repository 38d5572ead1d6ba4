import { Map as MaplibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ErrorState } from '../ui/status.tsx';
import { MapContext, markRemoved } from './map-context.ts';
import { baseStyle, countyBbox, toBounds } from './map-style.ts';

// The worker ships beside maplibre as its own file; bundled as an asset it is served from our
// origin, which the CSP (worker-src 'self') allows.
setWorkerUrl(workerUrl);

export interface DistrictMapProps {
  /** Layers, labels and other map children; they render once the style has loaded. */
  children?: ReactNode;
  /** A basemap style to draw under everything; none = the offline style. Read once, at creation. */
  basemapUrl?: string | null;
  /** Keep the view in the address (`#map=…`), as the map page does; a small map inside a form does not. */
  trackInAddress?: boolean;
}

/** The canvas's accessible name; it is focusable, and then arrows pan and + and − zoom. */
const mapLabel = 'Map of the Nottinghamshire districts and Nottingham City';

/**
 * The one maplibre Map: created once in one effect whose cleanup calls `map.remove()`. Sources
 * and layers are children using the hooks beside this file. The container's `data-map-state`
 * says "loading", then "ready" when the style has loaded (<MapStateReporter> takes it on from there).
 */
export function DistrictMap({ children, basemapUrl = null, trackInAddress = true }: DistrictMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MaplibreMap | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const initialBasemap = useRef(basemapUrl);
  const initialHash = useRef(trackInAddress);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let instance: MaplibreMap;
    try {
      instance = new MaplibreMap({
        container,
        style: baseStyle(initialBasemap.current),
        bounds: toBounds(countyBbox),
        fitBoundsOptions: { padding: 24 },
        hash: initialHash.current ? 'map' : false,
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        maxZoom: 17,
        // No cross-fade of labels and tiles: under software WebGL each faded frame costs a full
        // redraw, and the map is not idle (nor usable for the tests) until the fade has ended.
        fadeDuration: 0,
      });
    } catch (error) {
      // No WebGL (an old machine, a locked-down browser): say so instead of a blank box.
      setFailure(`The map cannot be drawn in this browser: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    instance.getCanvas().setAttribute('aria-label', mapLabel);
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    instance.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    container.dataset.mapState = 'loading';
    instance.once('load', () => {
      container.dataset.mapState = 'ready';
      setMap(instance);
    });
    instance.on('error', (event) => {
      if (!instance.loaded()) setFailure(`The map could not load: ${event.error.message}`);
      // After load, a failed tile or a refused layer must still be seen (the e2e tests watch the console).
      else console.error(`map: ${event.error.message}`);
    });
    return () => {
      markRemoved(instance);
      setMap(null);
      instance.remove();
    };
  }, []);

  return (
    <div className="district-map">
      <div ref={containerRef} className="district-map__canvas" data-testid="district-map" />
      {failure && (
        <div className="district-map__overlay">
          <ErrorState message={failure} />
        </div>
      )}
      {map && <MapContext.Provider value={map}>{children}</MapContext.Provider>}
    </div>
  );
}
