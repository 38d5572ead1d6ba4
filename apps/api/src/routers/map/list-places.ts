import { mapPlacesOutput } from '@lantern/domain';
import { mapPlacesService } from '../../services/map-service.ts';
import { procedure } from '../../trpc.ts';

export const places = procedure.output(mapPlacesOutput).query(({ ctx }) => mapPlacesService(ctx, ctx.access));
