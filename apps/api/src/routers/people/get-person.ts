import { getPerson } from '@lantern/app';
import { getPersonInput, person } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const get = procedure
  .input(getPersonInput)
  .output(person)
  .query(({ ctx, input }) => getPerson(ctx, ctx.access, input.id, input.reason));
