import { listDuplicatePeople } from '@lantern/app';
import { duplicateListInput, duplicateListResult } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const duplicateList = procedure
  .input(duplicateListInput)
  .output(duplicateListResult)
  .query(({ ctx, input }) => listDuplicatePeople(ctx, ctx.access, input));
