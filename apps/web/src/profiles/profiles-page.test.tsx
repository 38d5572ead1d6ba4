import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { ProfilesPage } from './profiles-page.tsx';

afterEach(cleanup);

const listed = {
  id: '3b0d5a3e-7c1f-4f0e-9a55-0c6f2b7d9e10',
  title: 'CSE in Mansfield',
  scope: 'cse',
  districtCodes: ['E07000174'],
  from: '2025-12-01',
  to: '2026-11-30',
  status: 'for_review',
  version: 2,
  authorName: 'Demo Police Analyst',
  createdAt: '2026-11-23T10:00:00Z',
  updatedAt: '2026-06-03T23:30:00Z',
};

describe('ProfilesPage', () => {
  it('lists each profile with its scope, area, period, status, version, author and dates as people read them', async () => {
    const api = fakeApi({ 'profiles.list': () => ({ data: { profiles: [listed] } }) });
    renderWithApi(<ProfilesPage user={testUser(['police_analyst'])} params={{}} />, api);
    const table = await screen.findByRole('table', { name: 'Problem profiles' });
    const cells = within(table)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      'CSE in Mansfield',
      'Child sexual exploitation (CSE)',
      'Mansfield',
      '1 Dec 2025 to 30 Nov 2026',
      'For review',
      '2',
      'Demo Police Analyst',
      // 23:30 UTC on 3 June is 00:30 on 4 June in London (BST): the day people there saw.
      '4 Jun 2026',
    ]);
    expect(within(table).getByRole('link', { name: 'CSE in Mansfield' }).getAttribute('href')).toBe(
      `/profiles/${listed.id}`,
    );
    expect(screen.getByRole('link', { name: 'New profile' })).toBeTruthy();
  });

  it('offers no new profile to a partner, who reads the approved ones', async () => {
    const api = fakeApi({ 'profiles.list': () => ({ data: { profiles: [{ ...listed, status: 'approved' }] } }) });
    renderWithApi(<ProfilesPage user={testUser(['district_officer'])} params={{}} />, api);
    await screen.findByText('Approved');
    expect(screen.queryByRole('link', { name: 'New profile' })).toBeNull();
  });

  it('says when there are none', async () => {
    const api = fakeApi({ 'profiles.list': () => ({ data: { profiles: [] } }) });
    renderWithApi(<ProfilesPage user={testUser(['police_analyst'])} params={{}} />, api);
    expect(await screen.findByText('No problem profiles yet.')).toBeTruthy();
  });
});
