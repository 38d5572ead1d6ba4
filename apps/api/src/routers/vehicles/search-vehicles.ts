import { searchVehicles } from '@lantern/app';
import { searchVehiclesInput, searchVehiclesOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const search = procedure
  .input(searchVehiclesInput)
  .output(searchVehiclesOutput)
  .query(({ ctx, input }) => searchVehicles(ctx, ctx.access, input));
