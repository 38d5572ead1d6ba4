import { createPerson } from '@lantern/app';
import { createPersonInput, person } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const create = procedure
  .input(createPersonInput)
  .output(person)
  .mutation(({ ctx, input }) => createPerson(ctx, ctx.access, input));
