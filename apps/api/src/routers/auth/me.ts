import { getCurrentUser, requirePrincipal } from '@lantern/app';
import { currentUser } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const me = procedure.output(currentUser).query(({ ctx }) => getCurrentUser(requirePrincipal(ctx.access)));
