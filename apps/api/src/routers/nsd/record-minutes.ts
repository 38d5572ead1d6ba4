import { nsdMinute, recordMinutesInput } from '@lantern/domain';
import { recordMinutesService } from '../../services/nsd-service.ts';
import { procedure } from '../../trpc.ts';

export const recordMinutes = procedure
  .input(recordMinutesInput)
  .output(nsdMinute)
  .mutation(({ ctx, input }) => recordMinutesService(ctx, ctx.access, input));
