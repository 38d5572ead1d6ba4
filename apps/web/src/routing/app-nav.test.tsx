import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { type AppRoute, appRoutes } from '../app-routes.tsx';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { AppNav, navEntries } from './app-nav.tsx';

afterEach(cleanup);

function renderNav(roles: Parameters<typeof testUser>[0], path: string) {
  const location = memoryLocation({ path, record: true });
  renderWithApi(
    <Router hook={location.hook}>
      <AppNav user={testUser(roles)} />
    </Router>,
    fakeApi({ 'intelligence.queueCount': () => ({ data: { open: 0 } }) }),
  );
  return location;
}

function topLevel(entries: ReturnType<typeof navEntries>): string[] {
  return entries.map((entry) => (entry.kind === 'page' ? (entry.route.navLabel ?? '') : `${entry.label} ▾`));
}

// Issue 18: the analyst's and the coordinator's header wrapped to two lines; pages now sit in menus.
describe('the header navigation', () => {
  it('groups the analyst’s pages into a few menus, and shows a group of one page as that page', () => {
    const analyst = topLevel(navEntries(testUser(['police_analyst'])));
    expect(analyst.length).toBeLessThanOrEqual(8);
    expect(analyst).toContain('Children ▾');
    expect(analyst).not.toContain('Missing');
    const admin = topLevel(navEntries(testUser(['admin'])));
    expect(admin).toEqual(['Map', 'Admin ▾']);
  });

  it('leaves a page without a group on its own, where it stands in the routes', () => {
    const routes: AppRoute[] = [
      ...appRoutes.filter((route) => route.path === '/' || route.navGroup === 'Admin'),
      { ...(appRoutes[0] as AppRoute), path: '/later', navLabel: 'Later page', navGroup: undefined },
    ];
    expect(topLevel(navEntries(testUser(['admin']), routes))).toEqual(['Map', 'Admin ▾', 'Later page']);
  });

  it('opens a menu from the keyboard, closes it with Escape, and marks the current page’s group', async () => {
    const user = userEvent.setup();
    renderNav(['admin'], '/admin/audit');
    const admin = screen.getByRole('button', { name: 'Admin' });
    expect(admin.getAttribute('aria-expanded')).toBe('false');
    expect(admin.getAttribute('aria-current')).toBe('true');
    expect(screen.queryByRole('link', { name: 'Users' })).toBeNull();

    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(admin);
    await user.keyboard('{Enter}');
    expect(admin.getAttribute('aria-expanded')).toBe('true');
    const menu = document.getElementById(admin.getAttribute('aria-controls') ?? '');
    if (!menu) throw new Error('the button controls no menu');
    expect(
      within(menu)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Users', 'Tactics', 'Thresholds', 'Audit']);
    expect(within(menu).getByRole('link', { name: 'Audit' }).getAttribute('aria-current')).toBe('page');

    await user.tab();
    expect(document.activeElement).toBe(within(menu).getByRole('link', { name: 'Users' }));
    await user.keyboard('{Escape}');
    expect(admin.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(admin);
  });

  it('closes the menu when a page is chosen from it', async () => {
    const user = userEvent.setup();
    const location = renderNav(['admin'], '/');
    expect(screen.getByRole('button', { name: 'Admin' }).getAttribute('aria-current')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Admin' }));
    await user.click(screen.getByRole('link', { name: 'Tactics' }));
    expect(location.history?.at(-1)).toBe('/admin/tactics');
    expect(screen.getByRole('button', { name: 'Admin' }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('button', { name: 'Admin' }).getAttribute('aria-current')).toBe('true');
  });
});
