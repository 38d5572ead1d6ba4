import { createPersonInput, person } from '@lantern/domain';
import { createPersonService } from '../../services/people-service.ts';
import { procedure } from '../../trpc.ts';

export const create = procedure
  .input(createPersonInput)
  .output(person)
  .mutation(({ ctx, input }) => createPersonService(ctx, ctx.access, input));
