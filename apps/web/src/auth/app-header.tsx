import type { CurrentUser } from '@lantern/domain';
import { Link } from 'wouter';
import { AppNav } from '../routing/app-nav.tsx';
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
        <p className="app-header__who">
          <span className="app-header__name">{user.displayName}</span>
          <span className="app-header__role" data-testid="user-role" title={`${user.displayName}, ${user.agency}`}>
            {describeRoles(user.roles)}
          </span>
          <span className="app-header__agency">{user.agency}</span>
          <Link className="app-header__account" href="/account/password">
            Change password
          </Link>
        </p>
        <button className="button" type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </header>
  );
}
