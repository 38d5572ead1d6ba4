import type { CurrentUser } from '@lantern/domain';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FakeAnswer, fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { PlaceFormPage } from './place-form-page.tsx';

// maplibre needs WebGL, which jsdom has not: the picker is a button that picks a fixed point.
vi.mock('./point-picker.tsx', () => ({
  PointPicker: ({ onPick }: { onPick(point: { lon: number; lat: number }): void }) => (
    <button type="button" onClick={() => onPick({ lon: -1.1955, lat: 53.1434 })}>
      Pick on the map
    </button>
  ),
}));

afterEach(cleanup);

const placeId = '2b1c6f0e-7d0b-4d7e-9a43-5b6f3f0c1a11';
const user = {
  id: '0a0a6c1e-2222-4d7e-9a43-5b6f3f0c1a33',
  email: 'officer@lantern.test',
  displayName: 'Dana Officer',
  agency: 'Mansfield District Council',
  roles: ['district_officer'],
  districtCodes: ['E07000174'],
} as CurrentUser;

const stored = {
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
  linkedPeople: 2,
};

const conflict: FakeAnswer = {
  error: {
    message: `version: place ${placeId} was changed by someone else since you read version 3 (it is now version 4); reload it and make your change again`,
    code: 'CONFLICT',
    httpStatus: 409,
    conflict: { currentVersion: 4, changedBy: 'Alex Analyst', changedAt: '2026-01-15T14:02:31.000Z' },
  },
};

/** places.get answers the stored place, then (after someone else's save) the changed one. */
function api(updates: Array<(input: unknown) => FakeAnswer>) {
  let current = stored;
  return fakeApi({
    'places.get': () => ({ data: current }),
    'places.update': (input) => {
      const answer = (updates.shift() ?? (() => ({ data: current })))(input);
      if ('error' in answer && answer.error.code === 'CONFLICT') {
        current = { ...stored, name: 'Roadside motel (closed)', address: 'Willow Avenue, Mansfield', version: 4 };
      }
      return answer;
    },
  });
}

const updates = (server: ReturnType<typeof fakeApi>) =>
  server.requests.filter((request) => request.path === 'places.update').map((request) => request.input);

describe('PlaceFormPage', () => {
  it('sends only the fields changed, against the version read', async () => {
    const server = api([(input) => ({ data: { ...stored, ...(input as { changes: object }).changes, version: 4 } })]);
    renderWithApi(<PlaceFormPage user={user} params={{ id: placeId }} />, server);
    const name = await screen.findByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Roadside motel (annexe)');
    await userEvent.click(screen.getByRole('button', { name: 'Pick on the map' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/Saved\./)).toBeTruthy();
    expect(updates(server)).toEqual([
      { id: placeId, version: 3, changes: { name: 'Roadside motel (annexe)', lon: -1.1955, lat: 53.1434 } },
    ]);
    expect((screen.getByLabelText('Latitude') as HTMLInputElement).value).toBe('53.1434');
  });

  it('shows the API’s refusal beside the field it names, in plain words', async () => {
    const server = api([
      () => ({
        error: {
          message: 'changes.name: must not be empty; lon/lat: 0.1, 51.5 is outside every district Lantern covers',
          code: 'BAD_REQUEST',
          httpStatus: 400,
        },
      }),
    ]);
    renderWithApi(<PlaceFormPage user={user} params={{ id: placeId }} />, server);
    await userEvent.clear(await screen.findByLabelText('Name'));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const nameError = await screen.findByText('Name must not be empty');
    expect(nameError.id).toBe(screen.getByLabelText('Name').getAttribute('aria-describedby'));
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Location: 0.1, 51.5 is outside every district Lantern covers')).toBeTruthy();
  });

  it('on a CONFLICT names who changed it and when; Reload drops the edit and shows the record as it is', async () => {
    const server = api([() => conflict]);
    renderWithApi(<PlaceFormPage user={user} params={{ id: placeId }} />, server);
    const name = await screen.findByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'My new name');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const banner = await screen.findByTestId('conflict-banner');
    expect(banner.textContent).toMatch(/^Changed by Alex Analyst at 14:02 on 15 Jan 2026 — reload or keep yours\./);
    expect((screen.getByRole('button', { name: 'Save changes' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByTestId('conflict-banner')).toBeNull());
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Roadside motel (closed)');
    expect((screen.getByLabelText('Address (optional)') as HTMLInputElement).value).toBe('Willow Avenue, Mansfield');
    expect(updates(server)).toHaveLength(1);
  });

  it('on a CONFLICT, Keep yours saves the form’s values against the version now stored', async () => {
    const server = api([() => conflict]);
    renderWithApi(<PlaceFormPage user={user} params={{ id: placeId }} />, server);
    const name = await screen.findByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'My new name');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Keep yours' }));
    expect(await screen.findByText(/Saved\./)).toBeTruthy();
    expect(screen.queryByTestId('conflict-banner')).toBeNull();
    // Everything the form holds that differs from the stored record: the name typed and the address as read.
    expect(updates(server)).toEqual([
      { id: placeId, version: 3, changes: { name: 'My new name' } },
      { id: placeId, version: 4, changes: { name: 'My new name', address: 'Willow Avenue' } },
    ]);
  });

  it('records a new place from typed coordinates', async () => {
    const server = fakeApi({ 'places.create': (input) => ({ data: { ...stored, ...(input as object), version: 1 } }) });
    renderWithApi(<PlaceFormPage user={user} params={{}} />, server);
    await userEvent.type(screen.getByLabelText('Name'), 'Bus shelter');
    await userEvent.selectOptions(screen.getByLabelText('Category'), 'bus_station');
    await userEvent.clear(screen.getByLabelText('Of concern since'));
    await userEvent.type(screen.getByLabelText('Of concern since'), '2025-02-01');
    await userEvent.type(screen.getByLabelText('Reasons (optional)'), 'Gathering after school{enter}Older males');
    await userEvent.type(screen.getByLabelText('Latitude'), '53.14');
    await userEvent.type(screen.getByLabelText('Longitude'), '-1.19');
    await userEvent.click(screen.getByRole('button', { name: 'Record the place' }));
    expect(await screen.findByText(/Saved\./)).toBeTruthy();
    expect(server.requests.find((request) => request.path === 'places.create')?.input).toEqual({
      name: 'Bus shelter',
      category: 'bus_station',
      address: null,
      concernSince: '2025-02-01',
      concernUntil: null,
      reasons: ['Gathering after school', 'Older males'],
      lon: -1.19,
      lat: 53.14,
    });
  });
});
