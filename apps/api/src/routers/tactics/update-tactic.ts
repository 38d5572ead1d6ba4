import { updateTactic } from '@lantern/app';
import { tactic, updateTacticInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const update = procedure
  .input(updateTacticInput)
  .output(tactic)
  .mutation(({ ctx, input }) => updateTactic(ctx, ctx.access, input));
