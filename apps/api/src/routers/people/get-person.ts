import { getPersonInput, person } from '@lantern/domain';
import { getPersonService } from '../../services/people-service.ts';
import { procedure } from '../../trpc.ts';

export const get = procedure
  .input(getPersonInput)
  .output(person)
  .query(({ ctx, input }) => getPersonService(ctx, ctx.access, input.id, input.reason));
