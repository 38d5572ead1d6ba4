import { listMapLayers } from '@lantern/app';
import { mapLayersOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const layers = procedure.output(mapLayersOutput).query(({ ctx }) =>
  listMapLayers(ctx, ctx.access, {
    styleUrl: ctx.config.env.LANTERN_BASEMAP_STYLE_URL,
    attribution: ctx.config.env.LANTERN_BASEMAP_ATTRIBUTION,
  }),
);
