import type { CurrentUser } from '@lantern/domain';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { SearchPage } from './search-page.tsx';

afterEach(cleanup);

const user = testUser;

const answers = {
  'people.search': () => ({
    data: {
      people: [
        {
          score: 0.8,
          person: {
            view: 'pseudonymised',
            id: '7f0a6c1e-1111-4d7e-9a43-5b6f3f0c1a22',
            kind: 'child',
            pseudonymRef: 'C-H2MVRC',
            initials: 'RB',
            ageBand: '14–15',
            homeDistrictCode: 'E07000174',
          },
        },
      ],
    },
  }),
  'places.list': () => ({ data: { places: [] } }),
};

function renderAt(path: string, roles: CurrentUser['roles']) {
  const api = fakeApi(answers);
  const { hook, searchHook } = memoryLocation({ path });
  renderWithApi(
    <Router hook={hook} searchHook={searchHook}>
      <SearchPage user={user(roles)} params={{}} />
    </Router>,
    api,
  );
  return api;
}

describe('SearchPage', () => {
  it('searches people and places for a district officer, showing children pseudonymised', async () => {
    const api = renderAt('/search?q=bradley', ['district_officer']);
    expect((await screen.findByTestId('pseudonymised-person')).textContent).toBe('RB · C-H2MVRC · age 14–15');
    expect(await screen.findByText('No place matches “bradley” in your districts.')).toBeTruthy();
    const search = api.requests.find((request) => request.path === 'people.search');
    expect(search?.input).toEqual({ name: 'bradley', limit: 25, offset: 0 });
  });

  it('searches only places for an NSD attendee, who may not search people', async () => {
    const api = renderAt('/search?q=motel', ['nsd_attendee']);
    await screen.findByText('No place matches “motel” in your districts.');
    expect(screen.queryByRole('heading', { name: 'People' })).toBeNull();
    expect(screen.getByLabelText('Name of a place')).toBeTruthy();
    expect(api.requests.map((request) => request.path)).not.toContain('people.search');
  });

  it('asks for two letters before searching', () => {
    const api = renderAt('/search?q=a', ['police_analyst']);
    expect(screen.getByText('Type at least two letters. Spelling need not be exact.')).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it('tells people and places of one name apart in the results (issue 18)', async () => {
    const dean = (id: string, dateOfBirth: string, homeDistrictCode: string) => ({
      score: 0.9,
      person: {
        view: 'full',
        id,
        kind: 'associate',
        pseudonymRef: `A-${id.slice(0, 6).toUpperCase()}`,
        givenName: 'Dean',
        familyName: 'Holt',
        aliases: [],
        dateOfBirth,
        sex: 'M',
        careStatus: null,
        responsibleAuthority: null,
        homeDistrictCode,
        cseRisk: 'none',
        cseFlaggedAt: null,
        cceRisk: 'none',
        cceFlaggedAt: null,
        version: 1,
      },
    });
    const api = fakeApi({
      'people.search': () => ({
        data: {
          people: [
            dean('aa0a6c1e-1111-4d7e-9a43-5b6f3f0c1a22', '1990-03-04', 'E07000174'),
            dean('bb0a6c1e-1111-4d7e-9a43-5b6f3f0c1a22', '1996-11-20', 'E07000170'),
          ],
        },
      }),
      'places.list': () => ({
        data: {
          places: [
            {
              id: '2b1c6f0e-7d0b-4d7e-9a43-5b6f3f0c1a01',
              name: 'Bus station, Mansfield',
              category: 'bus_station',
              address: 'On or near Beech Lane',
              ward: 'Central',
              lon: -1.19,
              lat: 53.14,
              district: { code: 'E07000174', name: 'Mansfield' },
              concernSince: '2024-01-01',
              concernUntil: null,
              reasons: [],
              version: 1,
            },
          ],
        },
      }),
    });
    const { hook, searchHook } = memoryLocation({ path: '/search?q=dean' });
    renderWithApi(
      <Router hook={hook} searchHook={searchHook}>
        <SearchPage user={user(['police_analyst'])} params={{}} />
      </Router>,
      api,
    );
    const people = await screen.findAllByText(/^associate · born/);
    expect(people.map((meta) => meta.textContent)).toEqual([
      'associate · born 4 Mar 1990 · lives in Mansfield',
      'associate · born 20 Nov 1996 · lives in Ashfield',
    ]);
    expect((await screen.findByText(/^Bus station · /)).textContent).toBe(
      'Bus station · near Beech Lane, Central ward · Mansfield',
    );
  });
});

describe('SearchPage paging', () => {
  it('says when the people stop at the limit and pages through the rest', async () => {
    const child = (n: number) => ({
      score: 0.5,
      person: {
        view: 'pseudonymised',
        id: `7f0a6c1e-1111-4d7e-9a43-5b6f3f0c${String(1000 + n).padStart(4, '0')}`,
        kind: 'child',
        pseudonymRef: `C-P${String(n).padStart(5, '0')}`,
        initials: 'RB',
        ageBand: '14–15',
        homeDistrictCode: 'E07000174',
      },
    });
    const api = fakeApi({
      'people.search': (input) => {
        const { offset = 0 } = input as { offset?: number };
        const total = 30;
        const page = Array.from({ length: Math.min(25, total - offset) }, (_, i) => child(offset + i));
        return { data: { people: page, offset, more: offset + page.length < total } };
      },
      'places.list': () => ({ data: { places: [] } }),
    });
    const { hook, searchHook } = memoryLocation({ path: '/search?q=robin' });
    renderWithApi(
      <Router hook={hook} searchHook={searchHook}>
        <SearchPage user={user(['district_officer'])} params={{}} />
      </Router>,
      api,
    );
    const pages = await screen.findByRole('navigation', { name: 'Pages of people' });
    expect(pages.textContent).toContain('People 1–25: the search stopped at 25; there are more');
    screen.getByRole('button', { name: 'Next 25' }).click();
    await screen.findByText('People 26–30, the last of them');
    expect(screen.getByText('C-P00029', { exact: false })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next 25' }) as HTMLButtonElement).disabled).toBe(true);
    const asked = api.requests.filter((request) => request.path === 'people.search').map((request) => request.input);
    expect(asked).toContainEqual(expect.objectContaining({ name: 'robin', limit: 25, offset: 25 }));
  });
});
