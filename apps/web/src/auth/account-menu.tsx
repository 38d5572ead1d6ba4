import type { CurrentUser } from '@lantern/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useDismissOutside, useEscapeCloses } from '../ui/use-dismiss-outside.ts';
import { describeRoles } from './role-labels.ts';

/**
 * The signed-in user's name in the header, at every width: a button that opens who they are
 * (name, email, agency, roles) and the way to change their password.
 */
export function AccountMenu({ user }: { user: CurrentUser }) {
  const [open, setOpen] = useState(false);
  const [location] = useLocation();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useEffect(() => setOpen(false), [location]);
  useDismissOutside(open, containerRef, () => setOpen(false));
  useEscapeCloses(open, containerRef, () => setOpen(false), buttonRef);
  return (
    <div className="account-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="account-menu__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        title={`${user.displayName}, ${user.agency}`}
        onClick={() => setOpen(!open)}
      >
        <span className="account-menu__name">{user.displayName}</span>
        <span className="app-nav__caret" aria-hidden="true" />
      </button>
      <div id={panelId} className="account-menu__panel header-popup" hidden={!open}>
        <dl className="account-menu__who">
          <dt>Signed in as</dt>
          <dd className="account-menu__full-name">{user.displayName}</dd>
          <dd>{user.email}</dd>
          <dt>Agency</dt>
          <dd>{user.agency}</dd>
          <dt>Role</dt>
          <dd>{describeRoles(user.roles)}</dd>
        </dl>
        <Link className="account-menu__link" href="/account/password">
          Change password
        </Link>
      </div>
    </div>
  );
}
