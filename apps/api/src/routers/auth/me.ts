import { requirePrincipal } from '@lantern/app';
import { currentUser as currentUserSchema } from '@lantern/domain';
import { currentUser } from '../../services/auth-service.ts';
import { procedure } from '../../trpc.ts';

export const me = procedure.output(currentUserSchema).query(({ ctx }) => currentUser(requirePrincipal(ctx.access)));
