import { loginInput, loginOutput } from '@lantern/domain';
import { loginWithPassword } from '../../services/auth-service.ts';
import { procedure } from '../../trpc.ts';

export const login = procedure
  .input(loginInput)
  .output(loginOutput)
  .mutation(async ({ ctx, input }) => ({ user: await loginWithPassword(ctx, input.email, input.password) }));
