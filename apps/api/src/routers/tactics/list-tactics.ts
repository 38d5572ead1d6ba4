import { listTactics } from '@lantern/app';
import { listTacticsInput, listTacticsOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const list = procedure
  .input(listTacticsInput)
  .output(listTacticsOutput)
  .query(({ ctx, input }) => listTactics(ctx, input));
