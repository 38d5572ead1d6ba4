import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { AppHeader } from './app-header.tsx';
import { currentUserKey } from './current-user.ts';

const nsdAttendee = {
  id: '0b7c9a52-3f1e-4d2a-8c6b-5e4f3a2b1c0d',
  email: 'nsd.mansfield@lantern.test',
  displayName: 'Demo NSD Mansfield',
  agency: 'Mansfield District Council',
  agencyKind: 'district_council' as const,
  roles: ['nsd_attendee' as const],
  districtCodes: ['E07000174'],
  personLevelAccess: false,
};

afterEach(cleanup);

describe('AppHeader', () => {
  it('shows who is signed in and their role as people say it; their name opens their agency and email', async () => {
    renderWithApi(<AppHeader user={nsdAttendee} />, fakeApi({}));
    expect(screen.getByTestId('user-role').textContent).toBe('NSD attendee');
    const name = screen.getByRole('button', { name: 'Demo NSD Mansfield' });
    expect(name.getAttribute('aria-expanded')).toBe('false');
    const panel = document.getElementById(name.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(panel.hidden).toBe(true);
    const user = userEvent.setup();
    await user.click(name);
    expect(name.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(panel.textContent).toContain('Mansfield District Council');
    expect(panel.textContent).toContain('nsd.mansfield@lantern.test');
    expect(panel.textContent).toContain('NSD attendee');
    expect(screen.getByRole('link', { name: 'Change password' })).toBeTruthy();
    // Escape closes it and gives the focus back to the name.
    await user.keyboard('{Escape}');
    expect(name.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(name);
  });

  // Regression (issue 18): the administrator's header offered only the map, and every other page was "Page not found".
  it('offers the administrator the administration pages, and everyone their password', () => {
    renderWithApi(<AppHeader user={testUser(['admin'])} />, fakeApi({}));
    // The administration pages sit in the header's closed "Admin" menu: hidden, but offered.
    const links = screen.getAllByRole('link', { hidden: true }).map((link) => link.textContent);
    expect(links).toEqual(['Map', 'Users', 'Tactics', 'Thresholds', 'Audit', 'Change password']);
  });

  it('offers no administration page to other roles', () => {
    renderWithApi(<AppHeader user={testUser(['police_analyst'])} />, fakeApi({}));
    const links = screen.getAllByRole('link', { hidden: true }).map((link) => link.textContent);
    expect(links.filter((link) => ['Users', 'Tactics', 'Thresholds', 'Audit'].includes(link ?? ''))).toEqual([]);
    expect(links).toContain('Change password');
  });

  it('signs out through auth.logout and forgets the user', async () => {
    const api = fakeApi({ 'auth.logout': () => ({ data: { ok: true } }) });
    const { queryClient } = renderWithApi(<AppHeader user={nsdAttendee} />, api);
    queryClient.setQueryData(currentUserKey, nsdAttendee);
    queryClient.setQueryData(['lantern', 'something-the-user-saw'], 'district counts');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }));

    await expect.poll(() => queryClient.getQueryData(currentUserKey)).toBeNull();
    expect(api.requests.map((request) => request.path)).toEqual(['auth.logout']);
    expect(queryClient.getQueryData(['lantern', 'something-the-user-saw'])).toBeUndefined();
  });
});
