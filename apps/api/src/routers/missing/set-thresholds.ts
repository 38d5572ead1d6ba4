import { setThresholds as setThresholdsUseCase } from '@lantern/app';
import { setThresholdsInput, thresholdsOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const setThresholds = procedure
  .input(setThresholdsInput)
  .output(thresholdsOutput)
  .mutation(({ ctx, input }) => setThresholdsUseCase(ctx, ctx.access, input));
