import type { CurrentUser } from '@lantern/domain';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { PersonPage } from '../people/person-page.tsx';
import { SearchPage } from '../search/search-page.tsx';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { fullChild, testUser } from '../test/fixtures.ts';
import { VehicleFormPage } from './vehicle-form-page.tsx';

afterEach(cleanup);

const user = testUser;

const vehicleId = '3c1c6f0e-7d0b-4d7e-9a43-5b6f3f0c1a99';
const vehicle = {
  id: vehicleId,
  registration: 'YX19ABC',
  make: 'Vauxhall',
  model: 'Corsa',
  colour: 'silver',
  notes: null,
  version: 2,
};

describe('VehicleFormPage', () => {
  it('records a vehicle and shows a refused registration beside its field', async () => {
    const server = fakeApi({
      'vehicles.create': () => ({
        error: {
          message: 'registration: YX19ABC is already recorded as another vehicle',
          code: 'BAD_REQUEST',
          httpStatus: 400,
        },
      }),
    });
    renderWithApi(<VehicleFormPage user={user(['police_analyst'])} params={{}} />, server);
    await userEvent.type(screen.getByLabelText('Registration'), 'yx19 abc');
    await userEvent.type(screen.getByLabelText('Colour (optional)'), 'silver');
    await userEvent.click(screen.getByRole('button', { name: 'Record the vehicle' }));
    expect(await screen.findByText('Registration: YX19ABC is already recorded as another vehicle')).toBeTruthy();
    expect(server.requests.find((request) => request.path === 'vehicles.create')?.input).toEqual({
      registration: 'YX19ABC',
      make: null,
      model: null,
      colour: 'silver',
      notes: null,
    });
  });

  it('shows the conflict banner without a name when the API knows none, and keeps the user’s values', async () => {
    let version = 2;
    const server = fakeApi({
      'vehicles.get': () => ({ data: { ...vehicle, colour: version === 2 ? 'silver' : 'black', version } }),
      'vehicles.update': (input) => {
        if ((input as { version: number }).version === 2) {
          version = 3;
          return {
            error: {
              message: 'version: vehicle was changed by someone else',
              code: 'CONFLICT',
              httpStatus: 409,
              conflict: { currentVersion: 3, changedBy: null, changedAt: null },
            },
          };
        }
        return { data: { ...vehicle, notes: 'seen at night', version: 4 } };
      },
    });
    renderWithApi(<VehicleFormPage user={user(['police_analyst'])} params={{ id: vehicleId }} />, server);
    await userEvent.type(await screen.findByLabelText('Notes (optional)'), 'seen at night');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect((await screen.findByTestId('conflict-banner')).textContent).toMatch(
      /^Changed by someone else — reload or keep yours\./,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Keep yours' }));
    await screen.findByText(/Saved\./);
    const updates = server.requests.filter((request) => request.path === 'vehicles.update').map((r) => r.input);
    expect(updates.at(-1)).toEqual({
      id: vehicleId,
      version: 3,
      changes: { colour: 'silver', notes: 'seen at night' },
    });
  });
});

describe('where editing starts', () => {
  function renderSearch(roles: CurrentUser['roles']) {
    const server = fakeApi({
      'people.search': () => ({ data: { people: [{ score: 0.9, person: fullChild }] } }),
      'places.list': () => ({ data: { places: [] } }),
      'vehicles.search': () => ({ data: { vehicles: [vehicle] } }),
    });
    const { hook, searchHook } = memoryLocation({ path: '/search?q=robin' });
    renderWithApi(
      <Router hook={hook} searchHook={searchHook}>
        <SearchPage user={user(roles)} params={{}} />
      </Router>,
      server,
    );
    return server;
  }

  it('offers a police analyst every New link and Edit beside each result', async () => {
    renderSearch(['police_analyst']);
    for (const label of ['New person', 'New place', 'New vehicle']) {
      expect(screen.getByRole('link', { name: label })).toBeTruthy();
    }
    expect((await screen.findByRole('link', { name: 'Edit Robin Ashdown' })).getAttribute('href')).toBe(
      `/people/${fullChild.id}/edit`,
    );
    const vehicles = await screen.findByRole('region', { name: 'Vehicles' });
    expect(within(vehicles).getByRole('link', { name: 'Edit YX19ABC' }).getAttribute('href')).toBe(
      `/vehicles/${vehicleId}/edit`,
    );
  });

  it('offers a district officer only New place, as the API’s policy allows, and no person edits', async () => {
    const server = renderSearch(['district_officer']);
    expect(screen.getByRole('link', { name: 'New place' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'New person' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'New vehicle' })).toBeNull();
    await screen.findByText('YX19ABC');
    expect(screen.queryByRole('link', { name: /^Edit/ })).toBeNull();
    expect(server.requests.map((request) => request.path)).toContain('vehicles.search');
  });

  it('offers an NSD attendee nothing to record', () => {
    renderSearch(['nsd_attendee']);
    expect(screen.queryByRole('link', { name: /^New/ })).toBeNull();
  });

  it('puts Edit on the person page for the roles that may change people', async () => {
    const server = fakeApi({
      'people.get': () => ({ data: fullChild }),
      'links.listForEntity': () => ({ data: { entity: { type: 'person', id: fullChild.id }, links: [] } }),
    });
    renderWithApi(<PersonPage user={user(['missing_coordinator'])} params={{ id: fullChild.id }} />, server);
    expect((await screen.findByRole('link', { name: 'Edit' })).getAttribute('href')).toBe(
      `/people/${fullChild.id}/edit`,
    );
    cleanup();
    renderWithApi(<PersonPage user={user(['district_officer'])} params={{ id: fullChild.id }} />, server);
    await screen.findByRole('heading', { name: 'Robin Ashdown' });
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
  });
});
