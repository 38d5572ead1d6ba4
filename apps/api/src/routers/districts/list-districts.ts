import { listDistrictsOutput } from '@lantern/domain';
import { listDistrictsService } from '../../services/districts-service.ts';
import { procedure } from '../../trpc.ts';

export const list = procedure.output(listDistrictsOutput).query(({ ctx }) => listDistrictsService(ctx, ctx.access));
