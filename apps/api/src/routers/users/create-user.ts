import { createUser } from '@lantern/app';
import { createUserInput, userWithPasswordOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const create = procedure
  .input(createUserInput)
  .output(userWithPasswordOutput)
  .mutation(({ ctx, input }) => createUser(ctx, ctx.access, input));
