import type { CurrentUser } from '@lantern/domain';
import { Suspense } from 'react';
import { Link, useLocation } from 'wouter';
import { appRoutes, mayOpen } from '../app-routes.tsx';

/** The header's links: the pages this user's roles open. */
export function AppNav({ user }: { user: CurrentUser }) {
  const [location] = useLocation();
  const pages = appRoutes.filter((route) => route.navLabel && mayOpen(route, user));
  return (
    <nav className="app-nav" aria-label="Main">
      <ul>
        {pages.map((route) => (
          <li key={route.path}>
            <Link href={route.path} aria-current={isCurrent(route.path, location) ? 'page' : undefined}>
              {route.navLabel}
              {route.navBadge && (
                <Suspense fallback={null}>
                  <route.navBadge />
                </Suspense>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function isCurrent(path: string, location: string): boolean {
  return path === '/' ? location === '/' : location === path || location.startsWith(`${path}/`);
}
