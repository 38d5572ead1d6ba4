import { getPhilomena } from '@lantern/app';
import { getPhilomenaInput, philomenaOutput } from '@lantern/domain';
import { procedure } from '../../../trpc.ts';

export const get = procedure
  .input(getPhilomenaInput)
  .output(philomenaOutput)
  .query(({ ctx, input }) => getPhilomena(ctx, ctx.access, input.personId, input.reason));
