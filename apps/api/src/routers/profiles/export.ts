import { exportProfile } from '@lantern/app';
import { exportProfileInput, exportProfileOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const exportProfileProcedure = procedure
  .input(exportProfileInput)
  .output(exportProfileOutput)
  .mutation(({ ctx, input }) => exportProfile(ctx, ctx.access, input));
