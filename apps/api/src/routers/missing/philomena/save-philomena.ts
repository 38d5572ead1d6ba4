import { philomenaOutput, savePhilomenaInput } from '@lantern/domain';
import { savePhilomenaService } from '../../../services/missing-philomena-service.ts';
import { procedure } from '../../../trpc.ts';

export const save = procedure
  .input(savePhilomenaInput)
  .output(philomenaOutput)
  .mutation(({ ctx, input }) => savePhilomenaService(ctx, ctx.access, input));
