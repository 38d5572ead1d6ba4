import { router } from '../../trpc.ts';
import { changePassword } from './change-password.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { me } from './me.ts';
import { providers } from './providers.ts';
import { session } from './session.ts';

export const authRouter = router({ login, logout, me, session, providers, changePassword });
