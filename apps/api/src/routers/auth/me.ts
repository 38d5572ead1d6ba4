import { currentUser as currentUserSchema } from '@lantern/domain';
import { currentUser } from '../../services/auth-service.ts';
import { procedure, requirePrincipal } from '../../trpc.ts';

export const me = procedure.output(currentUserSchema).query(({ ctx }) => currentUser(requirePrincipal(ctx.access)));
