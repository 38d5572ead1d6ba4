import { type LayerExtentRow, mapLayerExtents } from '@lantern/db';
import {
  type MapLayer,
  type MapLayerId,
  type MapLayersOutput,
  mayCall,
  type ProcedurePolicy,
  procedurePolicies,
  tileLayerPolicies,
} from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';

const layerDefinitions: ReadonlyArray<{
  id: MapLayerId;
  label: string;
  kind: MapLayer['kind'];
  source: LayerExtentRow['layer'];
  policy: ProcedurePolicy;
}> = [
  {
    id: 'places',
    label: 'Places of concern',
    kind: 'places',
    source: 'places',
    policy: procedurePolicies['places.list'],
  },
  {
    id: 'intelligence',
    label: 'Intelligence reports',
    kind: 'tiles',
    source: 'intelligence',
    policy: tileLayerPolicies.intelligence,
  },
  {
    id: 'missing-last-seen',
    label: 'Missing: last seen',
    kind: 'tiles',
    source: 'missing',
    policy: tileLayerPolicies['missing-last-seen'],
  },
  {
    id: 'missing-found',
    label: 'Missing: found',
    kind: 'tiles',
    source: 'missing',
    policy: tileLayerPolicies['missing-found'],
  },
  { id: 'crime', label: 'Police.uk street crime', kind: 'tiles', source: 'crime', policy: tileLayerPolicies.crime },
];

/** A MapLibre basemap the deployment configured to draw under the layers, with its attribution. */
export interface BasemapSetting {
  styleUrl: string | undefined;
  attribution: string | undefined;
}

/** The layers the caller's roles may draw, each with the span of dates and the types in its data. */
export async function listMapLayers(
  app: AppContext,
  access: Access,
  basemap: BasemapSetting,
): Promise<MapLayersOutput> {
  const roles = access.principal?.roles ?? null;
  const permitted = layerDefinitions.filter((layer) => mayCall(layer.policy, roles));
  const extents = permitted.length > 0 ? await mapLayerExtents(app.db.prisma) : [];
  return {
    basemap: basemap.styleUrl ? { styleUrl: basemap.styleUrl, attribution: basemap.attribution ?? null } : null,
    layers: permitted.map(({ id, label, kind, source }) => {
      const extent = extents.find((row) => row.layer === source);
      return { id, label, kind, from: extent?.from ?? null, to: extent?.to ?? null, types: extent?.types ?? [] };
    }),
  };
}
