import { tactic, updateTacticInput } from '@lantern/domain';
import { updateTacticService } from '../../services/tactics-service.ts';
import { procedure } from '../../trpc.ts';

export const update = procedure
  .input(updateTacticInput)
  .output(tactic)
  .mutation(({ ctx, input }) => updateTacticService(ctx, ctx.access, input));
