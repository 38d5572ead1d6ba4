import { updatePerson } from '@lantern/app';
import { person, updatePersonInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const update = procedure
  .input(updatePersonInput)
  .output(person)
  .mutation(({ ctx, input }) => updatePerson(ctx, ctx.access, input));
