import { updateVehicle } from '@lantern/app';
import { updateVehicleInput, vehicle } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const update = procedure
  .input(updateVehicleInput)
  .output(vehicle)
  .mutation(({ ctx, input }) => updateVehicle(ctx, ctx.access, input));
