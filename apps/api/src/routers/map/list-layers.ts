import { mapLayersOutput } from '@lantern/domain';
import { listMapLayersService } from '../../services/map-service.ts';
import { procedure } from '../../trpc.ts';

export const layers = procedure.output(mapLayersOutput).query(({ ctx }) => listMapLayersService(ctx, ctx.access));
