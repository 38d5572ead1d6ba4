import 'maplibre-gl/dist/maplibre-gl.css';
import type { NetworkView } from '@lantern/domain';
import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import { useMemo } from 'react';
import { MapAttribution } from '../map/attribution.tsx';
import { type Bbox, useBoundaries } from '../map/boundaries.ts';
import { DistrictLayers } from '../map/district-layers.tsx';
import { DistrictMap } from '../map/district-map.tsx';
import { MapStateReporter } from '../map/map-state-reporter.tsx';
import { FitTo } from '../map/use-fit-to.ts';
import { useGeoJsonSource } from '../map/use-geojson-source.ts';
import { useLayerClick } from '../map/use-layer-click.ts';
import { useMapLayer } from '../map/use-map-layer.ts';
import { communityColour } from './network-style.ts';

type ViewNode = NetworkView['nodes'][number];

export interface NetworkMapProps {
  view: NetworkView;
  community: number | null;
  communityOf(node: ViewNode): number;
  selectedNode: string | null;
  onSelectNode(id: string): void;
}

function PlacesOfTheNetwork({ view, community, communityOf, selectedNode, onSelectNode }: NetworkMapProps) {
  const data = useMemo<GeoJSONSourceSpecification['data']>(
    () => ({
      type: 'FeatureCollection',
      features: view.nodes.flatMap((node) =>
        node.location
          ? [
              {
                type: 'Feature' as const,
                id: node.id,
                geometry: { type: 'Point' as const, coordinates: [node.location.lon, node.location.lat] },
                properties: {
                  id: node.id,
                  name: node.label,
                  community: communityOf(node),
                  colour: communityColour(communityOf(node)),
                },
              },
            ]
          : [],
      ),
    }),
    [view, communityOf],
  );
  useGeoJsonSource('network-places', data);
  const outside = useMemo(
    () => (community === null ? (['!', ['has', 'id']] as never) : (['!=', ['get', 'community'], community] as never)),
    [community],
  );
  const inside = useMemo(
    () => (community === null ? (['has', 'id'] as never) : (['==', ['get', 'community'], community] as never)),
    [community],
  );
  useMapLayer(
    {
      id: 'network-places-faded',
      type: 'circle',
      source: 'network-places',
      paint: {
        'circle-color': '#c8c8c8',
        'circle-radius': 4,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
    { filter: outside },
  );
  useMapLayer(
    {
      id: 'network-places-lit',
      type: 'circle',
      source: 'network-places',
      paint: {
        'circle-color': ['get', 'colour'] as never,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 6, 14, 11],
        'circle-stroke-color': '#1b1f24',
        'circle-stroke-width': 2,
      },
    },
    { filter: inside },
  );
  const selected = useMemo(() => ['==', ['get', 'id'], selectedNode ?? ''] as never, [selectedNode]);
  useMapLayer(
    {
      id: 'network-places-selected',
      type: 'circle',
      source: 'network-places',
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': 14,
        'circle-stroke-color': '#111111',
        'circle-stroke-width': 3,
      },
    },
    { filter: selected },
  );
  useLayerClick('network-places-lit', (feature) => {
    const id = feature.properties?.id;
    if (typeof id === 'string') onSelectNode(id);
  });
  const bbox = useMemo<Bbox | null>(() => {
    const lit = view.nodes.filter((node) => node.location && (community === null || communityOf(node) === community));
    if (lit.length === 0) return null;
    const lons = lit.map((node) => node.location?.lon ?? 0);
    const lats = lit.map((node) => node.location?.lat ?? 0);
    const pad = 0.01;
    return [Math.min(...lons) - pad, Math.min(...lats) - pad, Math.max(...lons) + pad, Math.max(...lats) + pad];
  }, [view, community, communityOf]);
  return <FitTo bbox={bbox} />;
}

/** The view's places of concern on the map: a picked community's places light up, the rest fade. */
export function NetworkMap(props: NetworkMapProps) {
  const districts = useBoundaries('districts');
  const lit = props.view.nodes.filter(
    (node) => node.location && (props.community === null || props.communityOf(node) === props.community),
  ).length;
  return (
    <section className="network-map" aria-labelledby="network-map-heading">
      <h2 id="network-map-heading">
        Places on the map{' '}
        <span className="network-map__count" data-testid="network-map-count">
          {props.community === null ? `${lit} places` : `${lit} places of group ${props.community + 1}`}
        </span>
      </h2>
      <DistrictMap>
        {districts.data && (
          <DistrictLayers districts={districts.data} selectedCode={props.view.view.districtCode} onSelect={() => {}} />
        )}
        <PlacesOfTheNetwork {...props} />
        <MapStateReporter />
        <MapAttribution />
      </DistrictMap>
    </section>
  );
}
