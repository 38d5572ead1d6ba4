import { logInWithPassword } from '@lantern/app';
import { loginInput, loginOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const login = procedure
  .input(loginInput)
  .output(loginOutput)
  .mutation(async ({ ctx, input }) => {
    const { user, sessionToken } = await logInWithPassword(ctx, {
      email: input.email,
      password: input.password,
      client: ctx.client,
      session: ctx.config.session,
    });
    ctx.cookies.set(sessionToken);
    return { user };
  });
