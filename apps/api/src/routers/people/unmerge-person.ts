import { unmergePerson } from '@lantern/app';
import { unmergePersonInput, unmergePersonResult } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const unmerge = procedure
  .input(unmergePersonInput)
  .output(unmergePersonResult)
  .mutation(({ ctx, input }) => unmergePerson(ctx, ctx.access, input));
