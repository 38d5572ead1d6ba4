import { listUsers } from '@lantern/app';
import { listUsersInput, listUsersOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const list = procedure
  .input(listUsersInput)
  .output(listUsersOutput)
  .query(({ ctx, input }) => listUsers(ctx, ctx.access, input));
