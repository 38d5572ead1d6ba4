import type { CurrentUser } from '@lantern/domain';
import { Suspense, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { type AppRoute, appRoutes, mayOpen } from '../app-routes.tsx';
import { useDismissOutside, useEscapeCloses } from '../ui/use-dismiss-outside.ts';

/** A top-level entry of the header: one page, or a group of pages behind a disclosure button. */
export type NavEntry = { kind: 'page'; route: AppRoute } | { kind: 'group'; label: string; routes: AppRoute[] };

/**
 * The header's entries for this user, in the order of `appRoutes`: a page with a `navGroup` joins
 * its group (placed where the group's first page stands); a group this user has only one page of
 * shows that page on its own.
 */
export function navEntries(user: CurrentUser, routes: readonly AppRoute[] = appRoutes): NavEntry[] {
  const entries: NavEntry[] = [];
  const groups = new Map<string, AppRoute[]>();
  for (const route of routes) {
    if (!route.navLabel || !mayOpen(route, user)) continue;
    if (!route.navGroup) {
      entries.push({ kind: 'page', route });
      continue;
    }
    const members = groups.get(route.navGroup);
    if (members) members.push(route);
    else {
      const created = [route];
      groups.set(route.navGroup, created);
      entries.push({ kind: 'group', label: route.navGroup, routes: created });
    }
  }
  return entries.map((entry) =>
    entry.kind === 'group' && entry.routes.length === 1 ? { kind: 'page', route: entry.routes[0] as AppRoute } : entry,
  );
}

/** The header's navigation: the pages this user's roles open, grouped so that it stays one line. */
export function AppNav({ user }: { user: CurrentUser }) {
  const [location] = useLocation();
  const [open, setOpen] = useState<string | null>(null);
  const navRef = useRef<HTMLElement>(null);

  // A page chosen, a click elsewhere or focus leaving the navigation closes the open group.
  useEffect(() => setOpen(null), [location]);
  useDismissOutside(open !== null, navRef, () => setOpen(null));

  return (
    <nav className="app-nav" aria-label="Main" ref={navRef}>
      <ul>
        {navEntries(user).map((entry) =>
          entry.kind === 'page' ? (
            <li key={entry.route.path}>
              <NavLink route={entry.route} location={location} />
            </li>
          ) : (
            <NavGroup
              key={entry.label}
              label={entry.label}
              routes={entry.routes}
              location={location}
              open={open === entry.label}
              onToggle={(next) => setOpen(next ? entry.label : null)}
            />
          ),
        )}
      </ul>
    </nav>
  );
}

function NavGroup({
  label,
  routes,
  location,
  open,
  onToggle,
}: {
  label: string;
  routes: AppRoute[];
  location: string;
  open: boolean;
  onToggle: (open: boolean) => void;
}) {
  const listId = useId();
  const groupRef = useRef<HTMLLIElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const current = routes.some((route) => isCurrent(route.path, location));
  useEscapeCloses(open, groupRef, () => onToggle(false), buttonRef);
  return (
    <li className="app-nav__group" ref={groupRef}>
      <button
        ref={buttonRef}
        type="button"
        className="app-nav__toggle"
        aria-expanded={open}
        aria-controls={listId}
        aria-current={current ? 'true' : undefined}
        onClick={() => onToggle(!open)}
      >
        {label}
        {routes.map(
          (route) =>
            route.navBadge && (
              <Suspense key={route.path} fallback={null}>
                <route.navBadge />
              </Suspense>
            ),
        )}
        <span className="app-nav__caret" aria-hidden="true" />
      </button>
      <ul id={listId} className="app-nav__menu header-popup" hidden={!open}>
        {routes.map((route) => (
          <li key={route.path}>
            <NavLink route={route} location={location} badge={false} />
          </li>
        ))}
      </ul>
    </li>
  );
}

function NavLink({ route, location, badge = true }: { route: AppRoute; location: string; badge?: boolean }) {
  return (
    <Link href={route.path} aria-current={isCurrent(route.path, location) ? 'page' : undefined}>
      {route.navLabel}
      {badge && route.navBadge && (
        <Suspense fallback={null}>
          <route.navBadge />
        </Suspense>
      )}
    </Link>
  );
}

function isCurrent(path: string, location: string): boolean {
  return path === '/' ? location === '/' : location === path || location.startsWith(`${path}/`);
}
