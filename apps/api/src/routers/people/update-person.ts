import { person, updatePersonInput } from '@lantern/domain';
import { updatePersonService } from '../../services/people-service.ts';
import { procedure } from '../../trpc.ts';

export const update = procedure
  .input(updatePersonInput)
  .output(person)
  .mutation(({ ctx, input }) => updatePersonService(ctx, ctx.access, input));
