import { mergePeople } from '@lantern/app';
import { mergePeopleInput, mergePeopleResult } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const merge = procedure
  .input(mergePeopleInput)
  .output(mergePeopleResult)
  .mutation(({ ctx, input }) => mergePeople(ctx, ctx.access, input));
