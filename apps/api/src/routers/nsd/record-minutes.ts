import { recordMinutes as recordMinutesUseCase } from '@lantern/app';
import { nsdMinute, recordMinutesInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const recordMinutes = procedure
  .input(recordMinutesInput)
  .output(nsdMinute)
  .mutation(({ ctx, input }) => recordMinutesUseCase(ctx, ctx.access, input));
