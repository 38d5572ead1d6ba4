import { createVehicle } from '@lantern/app';
import { createVehicleInput, vehicle } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const create = procedure
  .input(createVehicleInput)
  .output(vehicle)
  .mutation(({ ctx, input }) => createVehicle(ctx, ctx.access, input));
