import { savePhilomenaPart2 } from '@lantern/app';
import { philomenaPart2Output, savePhilomenaPart2Input } from '@lantern/domain';
import { procedure } from '../../../trpc.ts';

export const savePart2 = procedure
  .input(savePhilomenaPart2Input)
  .output(philomenaPart2Output)
  .mutation(({ ctx, input }) => savePhilomenaPart2(ctx, ctx.access, input));
