import { listTacticHolders } from '@lantern/app';
import { tacticHoldersInput, tacticHoldersOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const holders = procedure
  .input(tacticHoldersInput)
  .output(tacticHoldersOutput)
  .query(({ ctx, input }) => listTacticHolders(ctx, input));
