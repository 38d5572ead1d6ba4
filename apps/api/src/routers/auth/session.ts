import { getCurrentUser } from '@lantern/app';
import { sessionOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

/**
 * Who is signed in, or nobody: what the web app asks on every start. Unlike `auth.me` a signed-out
 * visitor is an answer, not a 401, so the sign-in page loads without an error in the console.
 */
export const session = procedure
  .output(sessionOutput)
  .query(({ ctx }) => ({ user: ctx.access.principal ? getCurrentUser(ctx.access.principal) : null }));
