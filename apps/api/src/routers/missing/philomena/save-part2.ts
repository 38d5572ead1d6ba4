import { philomenaPart2Output, savePhilomenaPart2Input } from '@lantern/domain';
import { savePhilomenaPart2Service } from '../../../services/missing-philomena-service.ts';
import { procedure } from '../../../trpc.ts';

export const savePart2 = procedure
  .input(savePhilomenaPart2Input)
  .output(philomenaPart2Output)
  .mutation(({ ctx, input }) => savePhilomenaPart2Service(ctx, ctx.access, input));
