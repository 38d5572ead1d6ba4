import type { CurrentUser } from '@lantern/domain';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { PlacePanel } from './place-panel.tsx';

afterEach(cleanup);

const placeId = '2b1c6f0e-7d0b-4d7e-9a43-5b6f3f0c1a11';
const childId = '7f0a6c1e-1111-4d7e-9a43-5b6f3f0c1a22';

function user(roles: CurrentUser['roles']): CurrentUser {
  return {
    id: '0a0a6c1e-2222-4d7e-9a43-5b6f3f0c1a33',
    email: 'someone@lantern.test',
    displayName: 'Someone',
    agency: 'Mansfield District Council',
    roles,
    districtCodes: ['E07000174'],
  } as CurrentUser;
}

const place = {
  id: placeId,
  name: 'Roadside motel',
  category: 'hotel',
  address: 'Willow Avenue',
  lon: -1.2,
  lat: 53.15,
  district: { code: 'E07000174', name: 'Mansfield' },
  concernSince: '2023-03-20',
  concernUntil: null,
  reasons: ['Adults supplying alcohol to under-18s'],
  version: 3,
};

const answers = (linkedPeople: number | '<5') => ({
  'places.get': () => ({ data: { ...place, linkedPeople } }),
  'places.history': () => ({
    data: { events: [{ at: '2024-05-01T09:30:00.000Z', change: 'created', by: 'Demo Officer', reason: null }] },
  }),
  'links.listForEntity': () => ({
    data: {
      entity: { type: 'place', id: placeId },
      links: [
        {
          id: '9a0a6c1e-3333-4d7e-9a43-5b6f3f0c1a44',
          direction: 'incoming',
          linkType: 'seen_at',
          other: {
            type: 'person',
            id: childId,
            person: {
              view: 'pseudonymised',
              id: childId,
              kind: 'child',
              pseudonymRef: 'C-H2MVRC',
              initials: 'RB',
              ageBand: '16–17',
              homeDistrictCode: 'E07000174',
            },
          },
          source: { type: 'intelligence_report', id: '5a0a6c1e-4444-4d7e-9a43-5b6f3f0c1a55' },
          firstSeen: '2024-03-15',
          lastSeen: '2024-05-31',
          reliability: 'possible',
        },
      ],
    },
  }),
});

describe('PlacePanel', () => {
  it('shows a district officer the place, its linked child pseudonymised, and its history', async () => {
    const api = fakeApi(answers(8));
    renderWithApi(<PlacePanel placeId={placeId} user={user(['district_officer'])} onClose={() => undefined} />, api);
    expect(await screen.findByRole('heading', { name: 'Roadside motel' })).toBeTruthy();
    expect(screen.getByText('Hotel · Mansfield')).toBeTruthy();
    expect((await screen.findByTestId('pseudonymised-person')).textContent).toBe('RB · C-H2MVRC · age 16–17');
    expect(await screen.findByText(/Recorded .* by Demo Officer/)).toBeTruthy();
    expect(api.requests.map((request) => request.path)).toContain('links.listForEntity');
  });

  it('shows an NSD attendee only the count of linked people, and never asks for the links', async () => {
    const api = fakeApi(answers('<5'));
    renderWithApi(<PlacePanel placeId={placeId} user={user(['nsd_attendee'])} onClose={() => undefined} />, api);
    await screen.findByRole('heading', { name: 'Roadside motel' });
    expect(document.querySelector('dd[data-count="linkedPeople"]')?.textContent).toBe('fewer than 5');
    await screen.findByText(/Recorded/);
    expect(screen.queryByRole('heading', { name: 'Linked records' })).toBeNull();
    expect(api.requests.map((request) => request.path)).not.toContain('links.listForEntity');
  });

  it('lists the disruption actions on the place, and its history (newest first) includes them (issue 18)', async () => {
    const action = {
      id: '4b0a6c1e-5555-4d7e-9a43-5b6f3f0c1a66',
      tactic: { id: '4c0a6c1e-6666-4d7e-9a43-5b6f3f0c1a77', code: 'closure_notice', name: 'Closure notice' },
      status: 'in_force',
      proposedOn: '2024-06-01',
      agreedOn: '2024-06-01',
      inForceFrom: '2024-06-03',
      expiresOn: '2024-06-05',
      endedOn: null,
    };
    const api = fakeApi({ ...answers(8), 'disruption.list': () => ({ data: { actions: [action], due: [] } }) });
    renderWithApi(<PlacePanel placeId={placeId} user={user(['district_officer'])} onClose={() => undefined} />, api);
    const list = await screen.findByRole('list', { name: 'Disruption actions on this place' });
    expect(list.textContent).toBe('Closure noticeIn force · in force from 3 Jun 2024 to 5 Jun 2024');
    expect(api.requests.find((request) => request.path === 'disruption.list')?.input).toEqual({ placeId, limit: 200 });
    const history = await screen.findByRole('list', { name: 'History of the place' });
    await waitFor(() =>
      expect([...history.querySelectorAll('li')].map((item) => item.textContent?.replace(/, \d\d:\d\d/, ''))).toEqual([
        'Closure notice in force 3 Jun 2024',
        'Closure notice agreed 1 Jun 2024',
        'Closure notice proposed 1 Jun 2024',
        'Recorded 1 May 2024 by Demo Officer',
      ]),
    );
  });

  it('shows the API’s message when the place is out of reach', async () => {
    const api = fakeApi({
      'places.get': () => ({
        error: { message: `No place ${placeId} in your districts`, code: 'NOT_FOUND', httpStatus: 404 },
      }),
    });
    renderWithApi(<PlacePanel placeId={placeId} user={user(['district_officer'])} onClose={() => undefined} />, api);
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.querySelector('p')?.textContent).toBe(`No place ${placeId} in your districts`);
  });
});
