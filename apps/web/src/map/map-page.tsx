import 'maplibre-gl/dist/maplibre-gl.css';
import './map-controls.css';
import { type CurrentUser, mayCall, procedurePolicies } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSearch } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { DisruptionLayer } from '../disruption/disruption-layer.tsx';
import { HotspotCellPanel } from '../hotspots/hotspot-cell-panel.tsx';
import { HotspotLayer, hotspotFill } from '../hotspots/hotspot-layer.tsx';
import { HotspotSection, useHotspotSquares } from '../hotspots/hotspot-section.tsx';
import { useHotspots } from '../hotspots/use-hotspots.ts';
import { ReportHere } from '../intelligence/report-here.tsx';
import { PlacePanel } from '../places/place-panel.tsx';
import { type PageProps, userMay } from '../routing/page-props.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { MapAttribution } from './attribution.tsx';
import { type Bbox, type DistrictFeature, useBoundaries } from './boundaries.ts';
import { ClusterPanel } from './cluster-panel.tsx';
import { DistrictLabels } from './district-labels.tsx';
import { DistrictLayers, WardLayers } from './district-layers.tsx';
import { DistrictMap } from './district-map.tsx';
import { DistrictPanel } from './district-panel.tsx';
import { DistrictPicker } from './district-picker.tsx';
import { LayerControl } from './layer-control.tsx';
import { EventTileLayer, type PickedCluster } from './layers/event-tile-layer.tsx';
import { PlacesLayer } from './layers/places-layer.tsx';
import { MapExport } from './map-export.tsx';
import { allDates, type DateRange } from './map-filters.ts';
import { MapStateReporter } from './map-state-reporter.tsx';
import { countyBbox } from './map-style.ts';
import { OrientationLayer } from './orientation-layer.tsx';
import { TimeRangeControl } from './time-range-control.tsx';
import { FitTo } from './use-fit-to.ts';
import { useMapLayers } from './use-map-layers.ts';
import { WardPicker } from './ward-picker.tsx';

type Selection =
  | { kind: 'district'; code: string }
  | { kind: 'place'; id: string }
  | { kind: 'cluster'; cluster: PickedCluster }
  | { kind: 'hotspot-cell' }
  | null;

/**
 * The district map: the county's districts and Nottingham City, the layers the user's role may
 * draw with a time range over all of them, and a side panel for whatever was clicked or picked.
 */
export function MapPage({ user }: PageProps) {
  const trpc = useTRPC();
  const districts = useBoundaries('districts');
  const wards = useBoundaries('wards');
  const search = new URLSearchParams(useSearch());
  const initialPlace = search.get('place');
  const startReport = search.get('report') === '1';
  const [selection, setSelection] = useState<Selection>(initialPlace ? { kind: 'place', id: initialPlace } : null);
  const [view, setView] = useState<Bbox | null>(null);
  const [range, setRange] = useState<DateRange>(allDates);
  const [wardCode, setWardCode] = useState<string | null>(null);
  const [crimeTypes, setCrimeTypes] = useState<string[]>([]);
  const mayAnalyseHotspots = mayCall(procedurePolicies['hotspots.compute'], user.roles);
  const [showHotspots, setShowHotspots] = useState(false);
  // Hot-spot squares lie under the points; while they show, the points fade unless asked not to.
  const [dimPoints, setDimPoints] = useState(true);
  const pointsDimmed = showHotspots && dimPoints;
  const maySeeDisruption = mayCall(procedurePolicies['disruption.forMap'], user.roles);
  const [showDisruption, setShowDisruption] = useState(true);
  const [streetNamesShown, setStreetNamesShown] = useState(false);
  const layers = useMapLayers();
  const hotspots = useHotspots(range, showHotspots, layers.dataExtent);
  const hotspotGeoJson = useHotspotSquares(hotspots, showHotspots);
  const places = useQuery({ ...trpc.map.places.queryOptions(), enabled: layers.visible.has('places') });
  const features = districts.data?.features ?? [];
  const selectedCode = selection?.kind === 'district' ? selection.code : null;
  const selectedDistrict = features.find((feature) => feature.properties.code === selectedCode) ?? null;

  function selectDistrict(code: string | null) {
    setSelection(code ? { kind: 'district', code } : null);
    setWardCode(null);
    setView(features.find((feature) => feature.properties.code === code)?.bbox ?? countyBbox);
  }

  // A user of one district opens on it, unless the address names a place or a view of its own.
  const homeDistrict = user.districtCodes.length === 1 ? (user.districtCodes[0] ?? null) : null;
  const openOnHome = useRef(homeDistrict !== null && !initialPlace && !window.location.hash.includes('map='));
  useEffect(() => {
    if (!openOnHome.current || features.length === 0) return;
    openOnHome.current = false;
    selectDistrict(homeDistrict);
  });

  // A place opened from its address (search results link to /?place=<id>): bring it into view once.
  const placeToShow = initialPlace ? places.data?.places.find((place) => place.id === initialPlace) : undefined;
  useEffect(() => {
    if (initialPlace) setSelection({ kind: 'place', id: initialPlace });
  }, [initialPlace]);
  useEffect(() => {
    if (placeToShow)
      setView([placeToShow.lon - 0.02, placeToShow.lat - 0.012, placeToShow.lon + 0.02, placeToShow.lat + 0.012]);
  }, [placeToShow]);

  // Every tile layer stays on the map once drawn; the layer control only shows or hides it.
  const tileLayers = layers.layers.filter((layer) => layer.kind === 'tiles');

  return (
    <main className="map-page" id="main" tabIndex={-1}>
      <h1 className="visually-hidden">District map</h1>
      <div className="map-page__toolbar">
        <div className="map-page__pickers">
          <DistrictPicker districts={features} value={selectedCode} onChange={selectDistrict} />
          {selectedCode && wards.data && (
            <WardPicker
              wards={wards.data}
              districtCode={selectedCode}
              value={wardCode}
              onChange={(code) => {
                setWardCode(code);
                const ward = wards.data.features.find((feature) => feature.properties.code === code);
                setView(ward?.bbox ?? selectedDistrict?.bbox ?? countyBbox);
              }}
            />
          )}
        </div>
        <p className="map-page__scope">{describeScope(user, features)}</p>
      </div>
      <div className="map-page__body">
        <aside className="map-page__controls" aria-label="Map layers and time range">
          {layers.query.isPending && <Loading>Loading the layers…</Loading>}
          {layers.query.isError && (
            <ErrorState message={errorMessage(layers.query.error)} onRetry={() => void layers.query.refetch()} />
          )}
          {layers.query.isSuccess && (
            <>
              <TimeRangeControl range={range} onChange={setRange} extent={layers.extent} />
              <LayerControl
                layers={layers.layers}
                visible={layers.visible}
                onToggle={layers.toggle}
                crimeTypes={crimeTypes}
                onCrimeTypes={setCrimeTypes}
              />
            </>
          )}
          {layers.query.isSuccess && maySeeDisruption && (
            <section className="hotspot-section" aria-label="Disruption">
              <label className="layer-control__layer">
                <input
                  type="checkbox"
                  checked={showDisruption}
                  onChange={(event) => setShowDisruption(event.currentTarget.checked)}
                />
                Disruption actions in force
              </label>
              <ul className="layer-control__legend-inline">
                <li>
                  <span className="legend-swatch legend-swatch--round legend-swatch--closure" aria-hidden="true" />
                  Closure notice or order
                </li>
                <li>
                  <span className="legend-swatch legend-swatch--round legend-swatch--tactic" aria-hidden="true" />
                  Other tactic
                </li>
              </ul>
            </section>
          )}
          {layers.query.isSuccess && mayAnalyseHotspots && (
            <HotspotSection
              hotspots={hotspots}
              shown={showHotspots}
              onShown={setShowHotspots}
              dimPoints={dimPoints}
              onDimPoints={setDimPoints}
              crimeTypes={layers.layers.find((layer) => layer.id === 'crime')?.types ?? []}
            />
          )}
          {places.isError && <ErrorState message={errorMessage(places.error)} onRetry={() => void places.refetch()} />}
        </aside>
        <div className="map-page__map">
          {layers.query.isPending ? null : (
            <DistrictMap basemapUrl={layers.query.data?.basemap?.styleUrl}>
              {districts.data && (
                <DistrictLayers districts={districts.data} selectedCode={selectedCode} onSelect={selectDistrict} />
              )}
              {districts.data && <DistrictLabels districts={districts.data} />}
              {wards.data && <WardLayers wards={wards.data} selectedCode={wardCode} />}
              {!layers.query.data?.basemap && <OrientationLayer onStreets={setStreetNamesShown} />}
              {showHotspots && (
                <HotspotLayer
                  key={hotspots.settings.view}
                  squares={hotspotGeoJson}
                  fill={hotspotFill[hotspots.settings.view]}
                  selectedCellId={selection?.kind === 'hotspot-cell' ? hotspots.selectedCellId : null}
                  onSelectCell={(id) => {
                    hotspots.selectCell(id);
                    setSelection({ kind: 'hotspot-cell' });
                  }}
                />
              )}
              {maySeeDisruption && showDisruption && <DisruptionLayer />}
              {places.data && (
                <PlacesLayer
                  visible={layers.visible.has('places')}
                  places={places.data.places}
                  range={range}
                  selectedId={selection?.kind === 'place' ? selection.id : null}
                  onSelect={(id) => setSelection({ kind: 'place', id })}
                  dimmed={pointsDimmed}
                />
              )}
              {tileLayers.map((layer) => (
                <EventTileLayer
                  key={layer.id}
                  visible={layers.visible.has(layer.id)}
                  layer={layer}
                  range={range}
                  types={layer.id === 'crime' ? crimeTypes : []}
                  onPick={(cluster) => setSelection({ kind: 'cluster', cluster })}
                  dimmed={pointsDimmed}
                />
              ))}
              <MapExport hotspots={hotspotGeoJson} />
              {userMay(user, 'intelligence.submit') && <ReportHere startPicking={startReport} />}
              {districts.data && <MapStateReporter />}
              <FitTo bbox={view} />
            </DistrictMap>
          )}
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
          <MapAttribution
            showCrime={layers.visible.has('crime')}
            showStreetNames={streetNamesShown}
            basemap={layers.query.data?.basemap?.attribution ?? null}
          />
        </div>
        {selectedDistrict && <DistrictPanel district={selectedDistrict} onClose={() => setSelection(null)} />}
        {selection?.kind === 'place' && (
          <PlacePanel placeId={selection.id} user={user} onClose={() => setSelection(null)} />
        )}
        {selection?.kind === 'hotspot-cell' && showHotspots && (
          <div className="side-panel" data-testid="hotspot-cell-panel">
            <HotspotCellPanel
              hotspots={hotspots}
              onClose={() => {
                hotspots.selectCell(null);
                setSelection(null);
              }}
            />
          </div>
        )}
        {selection?.kind === 'cluster' && (
          <ClusterPanel cluster={selection.cluster} onClose={() => setSelection(null)} />
        )}
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
