import { rankRepeatLocations } from '@lantern/app';
import { repeatLocationsInput, repeatLocationsOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const repeatLocations = procedure
  .input(repeatLocationsInput)
  .output(repeatLocationsOutput)
  .query(({ ctx, input }) => rankRepeatLocations(ctx, ctx.access, input));
