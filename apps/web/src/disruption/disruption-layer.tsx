import type { DisruptionMapFeature } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import { useMemo } from 'react';
import { useTRPC } from '../api/trpc.ts';
import { useGeoJsonSource } from '../map/use-geojson-source.ts';
import { useMapLayer } from '../map/use-map-layer.ts';

/** GeoJSON points of disruption actions in force on places (closure notices, PSPOs, patrols …). */
export function disruptionFeatures(actions: readonly DisruptionMapFeature[]): GeoJSONSourceSpecification['data'] {
  return {
    type: 'FeatureCollection',
    features: actions.map((action) => ({
      type: 'Feature',
      id: action.actionId,
      geometry: { type: 'Point', coordinates: [action.lon, action.lat] },
      properties: {
        actionId: action.actionId,
        tactic: action.tacticCode,
        name: `${action.tacticName}: ${action.placeName}`,
        closure: action.tacticCode === 'closure_notice' || action.tacticCode === 'closure_order',
      },
    })),
  };
}

export interface DisruptionLayerProps {
  /** Only this district's actions; default every district the user covers. */
  districtCode?: string | undefined;
}

/**
 * Disruption actions in force on places, as map points: closures as dark red squares' worth of
 * ring, other tactics in purple. Mount inside <DistrictMap> (after the district layers, so the
 * points draw on top); it fetches `disruption.forMap` itself.
 */
export function DisruptionLayer({ districtCode }: DisruptionLayerProps) {
  const trpc = useTRPC();
  const inForce = useQuery(trpc.disruption.forMap.queryOptions(districtCode ? { districtCode } : {}));
  const data = useMemo(() => disruptionFeatures(inForce.data?.actions ?? []), [inForce.data]);
  useGeoJsonSource('disruption-actions', data);
  useMapLayer({
    id: 'disruption-actions-points',
    type: 'circle',
    source: 'disruption-actions',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 6, 14, 11],
      'circle-color': ['case', ['get', 'closure'], '#b3001b', '#6a3d9a'],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2.5,
    },
  });
  return null;
}
