import { getPhilomenaInput, philomenaOutput } from '@lantern/domain';
import { getPhilomenaService } from '../../../services/missing-philomena-service.ts';
import { procedure } from '../../../trpc.ts';

export const get = procedure
  .input(getPhilomenaInput)
  .output(philomenaOutput)
  .query(({ ctx, input }) => getPhilomenaService(ctx, ctx.access, input.personId, input.reason));
