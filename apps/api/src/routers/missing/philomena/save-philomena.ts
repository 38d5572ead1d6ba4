import { savePhilomena } from '@lantern/app';
import { philomenaOutput, savePhilomenaInput } from '@lantern/domain';
import { procedure } from '../../../trpc.ts';

export const save = procedure
  .input(savePhilomenaInput)
  .output(philomenaOutput)
  .mutation(({ ctx, input }) => savePhilomena(ctx, ctx.access, input));
