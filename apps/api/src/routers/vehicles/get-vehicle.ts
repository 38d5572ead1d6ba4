import { getVehicle } from '@lantern/app';
import { getVehicleInput, vehicle } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const get = procedure
  .input(getVehicleInput)
  .output(vehicle)
  .query(({ ctx, input }) => getVehicle(ctx, ctx.access, input.id));
