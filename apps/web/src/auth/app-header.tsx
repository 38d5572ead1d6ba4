import type { CurrentUser } from '@lantern/domain';
import { AppNav } from '../routing/app-nav.tsx';
import { AccountMenu } from './account-menu.tsx';
import { useSignOut } from './current-user.ts';
import { describeRoles } from './role-labels.ts';

/** Who is signed in, in which role, and the way out. */
export function AppHeader({ user }: { user: CurrentUser }) {
  const signOut = useSignOut();
  return (
    <header className="app-header">
      <p className="app-header__brand">Lantern</p>
      <AppNav user={user} />
      <div className="app-header__user">
        <div className="app-header__who">
          <AccountMenu user={user} />
          <span className="app-header__role" data-testid="user-role">
            {describeRoles(user.roles)}
          </span>
        </div>
        <button className="button" type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </header>
  );
}
