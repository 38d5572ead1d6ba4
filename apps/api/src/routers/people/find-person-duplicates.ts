import { findPersonDuplicates } from '@lantern/app';
import { personDuplicatesInput, personDuplicatesResult } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const duplicates = procedure
  .input(personDuplicatesInput)
  .output(personDuplicatesResult)
  .query(({ ctx, input }) => findPersonDuplicates(ctx, ctx.access, input));
