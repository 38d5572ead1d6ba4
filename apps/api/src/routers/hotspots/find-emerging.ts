import { findEmergingHotspots } from '@lantern/app';
import { emergingInput, emergingOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const emerging = procedure
  .input(emergingInput)
  .output(emergingOutput)
  .query(({ ctx, input }) => findEmergingHotspots(ctx, ctx.access, input));
