import type { Access } from '@lantern/app';
import { type LayerExtentRow, mapLayerExtents, mapPlaces } from '@lantern/db';
import {
  type MapLayer,
  type MapLayerId,
  type MapLayersOutput,
  type MapPlace,
  mayCall,
  type ProcedurePolicy,
  procedurePolicies,
  tileLayerPolicies,
} from '@lantern/domain';
import type { Context } from '../context.ts';

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

/** The layers the caller's roles may draw, each with the span of dates and the types in its data. */
export async function listMapLayersService(ctx: Context, access: Access): Promise<MapLayersOutput> {
  const roles = access.principal?.roles ?? null;
  const permitted = layerDefinitions.filter((layer) => mayCall(layer.policy, roles));
  const extents = permitted.length > 0 ? await mapLayerExtents(ctx.db.prisma) : [];
  const { LANTERN_BASEMAP_STYLE_URL: styleUrl, LANTERN_BASEMAP_ATTRIBUTION: attribution } = ctx.config.env;
  return {
    basemap: styleUrl ? { styleUrl, attribution: attribution ?? null } : null,
    layers: permitted.map(({ id, label, kind, source }) => {
      const extent = extents.find((row) => row.layer === source);
      return { id, label, kind, from: extent?.from ?? null, to: extent?.to ?? null, types: extent?.types ?? [] };
    }),
  };
}

/** Every place of concern in the caller's districts, compactly, for the map's places layer. */
export async function mapPlacesService(ctx: Context, access: Access): Promise<{ places: MapPlace[] }> {
  return { places: await mapPlaces(ctx.db.prisma, access.scope) };
}
