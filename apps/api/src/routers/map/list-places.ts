import { listMapPlaces } from '@lantern/app';
import { mapPlacesOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const places = procedure.output(mapPlacesOutput).query(({ ctx }) => listMapPlaces(ctx, ctx.access));
