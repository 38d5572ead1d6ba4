import 'maplibre-gl/dist/maplibre-gl.css';
import type { CurrentUser } from '@lantern/domain';
import { useState } from 'react';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { MapAttribution } from './attribution.tsx';
import { type Bbox, type DistrictFeature, useBoundaries } from './boundaries.ts';
import { DistrictLabels } from './district-labels.tsx';
import { DistrictLayers, WardLayers } from './district-layers.tsx';
import { DistrictMap } from './district-map.tsx';
import { DistrictPanel } from './district-panel.tsx';
import { DistrictPicker } from './district-picker.tsx';
import { MapStateReporter } from './map-state-reporter.tsx';
import { countyBbox } from './map-style.ts';
import { FitTo } from './use-fit-to.ts';

/** The district map: the county's districts and Nottingham City, a picker, and a panel for the chosen one. */
export function MapPage({ user }: { user: CurrentUser }) {
  const districts = useBoundaries('districts');
  const wards = useBoundaries('wards');
  const [selectedCode, setSelectedCode] = useState<string | null>(null);
  const [view, setView] = useState<Bbox | null>(null);
  const features = districts.data?.features ?? [];
  const selected = features.find((feature) => feature.properties.code === selectedCode) ?? null;

  function select(code: string | null) {
    setSelectedCode(code);
    setView(features.find((feature) => feature.properties.code === code)?.bbox ?? countyBbox);
  }

  return (
    <main className="map-page" id="main" tabIndex={-1}>
      <h1 className="visually-hidden">District map</h1>
      <div className="map-page__toolbar">
        <DistrictPicker districts={features} value={selectedCode} onChange={select} />
        <p className="map-page__scope">{describeScope(user, features)}</p>
      </div>
      <div className="map-page__body">
        <div className="map-page__map">
          <DistrictMap>
            {districts.data && (
              <DistrictLayers districts={districts.data} selectedCode={selectedCode} onSelect={select} />
            )}
            {districts.data && <DistrictLabels districts={districts.data} />}
            {wards.data && <WardLayers wards={wards.data} />}
            {districts.data && <MapStateReporter />}
            <FitTo bbox={view} />
          </DistrictMap>
          <div className="map-page__status">
            {districts.isPending && <Loading>Loading the district boundaries…</Loading>}
            {districts.isError && (
              <ErrorState message={districts.error.message} onRetry={() => void districts.refetch()} />
            )}
            {districts.isSuccess && features.length === 0 && (
              <Empty>
                No district boundaries are loaded. Run <code>pnpm lantern db migrate</code> on the server.
              </Empty>
            )}
            {wards.isError && <ErrorState message={wards.error.message} onRetry={() => void wards.refetch()} />}
          </div>
          <MapAttribution />
        </div>
        {selected && <DistrictPanel district={selected} onClose={() => setSelectedCode(null)} />}
      </div>
    </main>
  );
}

function describeScope(user: CurrentUser, districts: readonly DistrictFeature[]): string {
  if (user.districtCodes.length === 0) return 'Your account covers no district.';
  if (districts.length > 0 && districts.every((district) => user.districtCodes.includes(district.properties.code))) {
    return 'Your account covers every district.';
  }
  const names = user.districtCodes.map(
    (code) => districts.find((district) => district.properties.code === code)?.properties.name ?? code,
  );
  return `Your account covers ${names.join(', ')}.`;
}
