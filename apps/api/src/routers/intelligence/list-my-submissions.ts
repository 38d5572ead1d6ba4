import { listMySubmissions } from '@lantern/app';
import { mySubmissionsInput, mySubmissionsOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const mine = procedure
  .input(mySubmissionsInput)
  .output(mySubmissionsOutput)
  .query(({ ctx, input }) => listMySubmissions(ctx, ctx.access, input));
