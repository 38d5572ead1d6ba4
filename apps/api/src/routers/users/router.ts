import { router } from '../../trpc.ts';
import { create } from './create-user.ts';
import { list } from './list-users.ts';
import { resetPassword } from './reset-password.ts';
import { update } from './update-user.ts';

export const usersRouter = router({ list, create, update, resetPassword });
