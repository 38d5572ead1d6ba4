import { londonDate } from '@lantern/domain';
import { useState } from 'react';
import { download } from '../ui/download.ts';
import { useMap } from './map-context.ts';

export interface MapExportProps {
  /** The current hot spots as GeoJSON, when the layer is on. */
  hotspots?: { features: unknown[] } | null;
}

/**
 * "Save map as PNG" and, with hot spots shown, "Save hot spots as GeoJSON" for a GIS. The canvas
 * is read inside a render event, before WebGL clears it, so the map needs no preserved buffer.
 */
export function MapExport({ hotspots = null }: MapExportProps) {
  const map = useMap();
  const [busy, setBusy] = useState(false);
  const stamp = londonDate();

  function savePng() {
    setBusy(true);
    map.once('render', () => {
      map.getCanvas().toBlob((blob) => {
        setBusy(false);
        if (blob) download(blob, `lantern-map-${stamp}.png`);
      }, 'image/png');
    });
    map.triggerRepaint();
  }

  return (
    <div className="map-export">
      <button className="button button--quiet" type="button" onClick={savePng} disabled={busy}>
        {busy ? 'Saving…' : 'Save map as PNG'}
      </button>
      {hotspots && (
        <button
          className="button button--quiet"
          type="button"
          onClick={() =>
            download(
              new Blob([JSON.stringify({ type: 'FeatureCollection', features: hotspots.features })], {
                type: 'application/geo+json',
              }),
              `lantern-hotspots-${stamp}.geojson`,
            )
          }
        >
          Save hot spots as GeoJSON
        </button>
      )}
    </div>
  );
}
