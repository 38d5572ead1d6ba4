import { updateUser } from '@lantern/app';
import { adminUser, updateUserInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const update = procedure
  .input(updateUserInput)
  .output(adminUser)
  .mutation(({ ctx, input }) => updateUser(ctx, ctx.access, input));
