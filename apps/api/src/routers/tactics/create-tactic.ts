import { createTactic } from '@lantern/app';
import { createTacticInput, tactic } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const create = procedure
  .input(createTacticInput)
  .output(tactic)
  .mutation(({ ctx, input }) => createTactic(ctx, ctx.access, input));
