import { setThresholdsInput, thresholdsOutput } from '@lantern/domain';
import { setThresholdsService } from '../../services/missing-meetings-service.ts';
import { procedure } from '../../trpc.ts';

export const setThresholds = procedure
  .input(setThresholdsInput)
  .output(thresholdsOutput)
  .mutation(({ ctx, input }) => setThresholdsService(ctx, ctx.access, input));
