import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAnswer, fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { fullChild } from '../test/fixtures.ts';
import { PhilomenaPage } from './philomena-page.tsx';

afterEach(cleanup);

const child = fullChild;
const personId = child.id;
const profile = {
  personId,
  version: 3,
  savedAt: '2026-11-20T09:00:00.000Z',
  description: 'Slim, 160 cm, short dark hair',
  photo: null,
  vulnerabilities: ['self-harm when distressed'],
  importantPeople: [],
  importantPlaces: [],
  phones: ['07700 900123'],
  socialMedia: [],
  transport: 'Bus 1 to Mansfield',
};
const user = {
  id: 'u',
  email: 'c@lantern.test',
  displayName: 'C',
  agency: 'NCC',
  roles: ['missing_coordinator'],
  districtCodes: [],
};

describe('PhilomenaPage', () => {
  it('saves a new version on top of the one read, and prints the document with the reason given', async () => {
    const api = fakeApi({
      'missing.philomena.get': () => ({ data: { child, profile, versions: [] } }),
      'missing.philomena.save': () => ({ data: { child, profile: { ...profile, version: 4 }, versions: [] } }),
      'missing.philomena.print': () => ({
        data: { child, profile, episode: null, printedAt: '2026-11-22T09:00:00.000Z', printedBy: 'Demo Coordinator' },
      }),
    });
    renderWithApi(<PhilomenaPage user={user as never} params={{ personId }} />, api);
    const form = await screen.findByRole('form', { name: 'Save a new version' });
    expect((within(form).getByLabelText('Description') as HTMLTextAreaElement).value).toBe(profile.description);
    const clicks = userEvent.setup();
    await clicks.type(
      within(form).getByLabelText('Vulnerabilities (one a line)'),
      '{Enter}goes missing with older boys',
    );
    await clicks.click(within(form).getByRole('button', { name: 'Save profile' }));
    expect(await within(form).findByText('Saved version 4.')).toBeTruthy();
    expect(api.requests.find((request) => request.path === 'missing.philomena.save')?.input).toMatchObject({
      personId,
      version: 3,
      vulnerabilities: ['self-harm when distressed', 'goes missing with older boys'],
      phones: ['07700 900123'],
      transport: 'Bus 1 to Mansfield',
    });

    const print = screen.getByRole('form', { name: 'Print for the police' });
    await clicks.type(within(print).getByLabelText(/^Why it is printed/), 'police request: missing tonight');
    await clicks.click(within(print).getByRole('button', { name: 'Print for the police' }));
    expect(await screen.findByRole('heading', { name: 'Philomena Protocol: Robin Ashdown' })).toBeTruthy();
    expect(screen.getByText(/Printed .* by Demo Coordinator/)).toBeTruthy();
    expect(api.requests.find((request) => request.path === 'missing.philomena.print')?.input).toEqual({
      personId,
      reason: 'police request: missing tonight',
    });
  });

  it('records important people and places, removes one, and sends them with the save (issue 18)', async () => {
    const api = fakeApi(answers());
    const clicks = userEvent.setup();
    renderWithApi(<PhilomenaPage user={user as never} params={{ personId }} />, api);
    const form = await screen.findByRole('form', { name: 'Save a new version' });
    const people = within(form).getByRole('group', { name: 'Important people' });
    await clicks.type(within(people).getByRole('searchbox', { name: 'Find a person by name' }), 'Holt');
    const personSelect = within(people).getByRole('combobox', { name: 'Person to add' });
    await waitFor(() => expect(within(personSelect).getAllByRole('option')).toHaveLength(2));
    // The child themself is never offered as their own important person.
    expect(within(personSelect).queryByRole('option', { name: /Robin Ashdown/ })).toBeNull();
    await clicks.click(within(people).getByRole('button', { name: 'Add person' }));
    expect(within(people).getByRole('alert').textContent).toBe('Choose a person to add');
    await clicks.selectOptions(personSelect, aunt.id);
    await clicks.click(within(people).getByRole('button', { name: 'Add person' }));
    expect(within(people).getByRole('alert').textContent).toBe('Relationship must not be empty');
    await clicks.type(within(people).getByLabelText('Relationship to the child'), 'aunt, may harbour');
    await clicks.click(within(people).getByRole('button', { name: 'Add person' }));
    expect(within(people).getByRole('list', { name: 'Important people' }).textContent).toContain(
      'Dana Holt (A-4HT2ZK) — associate',
    );

    const places = within(form).getByRole('group', { name: 'Important places' });
    await clicks.type(within(places).getByRole('searchbox', { name: 'Find the place by name or street' }), 'bus');
    const placeSelect = within(places).getByRole('combobox', { name: 'Place to add' });
    await waitFor(() => expect(within(placeSelect).getAllByRole('option')).toHaveLength(3));
    await clicks.selectOptions(placeSelect, placeA);
    await clicks.type(within(places).getByLabelText(/^Why it matters/), 'meets older boys there');
    await clicks.click(within(places).getByRole('button', { name: 'Add place' }));
    await clicks.selectOptions(placeSelect, placeB);
    await clicks.type(within(places).getByLabelText(/^Why it matters/), 'catches the bus home');
    await clicks.click(within(places).getByRole('button', { name: 'Add place' }));
    const listed = within(places).getByRole('list', { name: 'Important places' });
    expect(within(listed).getAllByRole('listitem')).toHaveLength(2);
    await clicks.click(
      within(listed).getAllByRole('button', { name: /^Remove Bus station, Mansfield/ })[1] as HTMLElement,
    );
    expect(within(listed).getAllByRole('listitem')).toHaveLength(1);

    await clicks.click(within(form).getByRole('button', { name: 'Save profile' }));
    expect(await within(form).findByText('Saved version 4.')).toBeTruthy();
    expect(api.requests.find((request) => request.path === 'missing.philomena.save')?.input).toMatchObject({
      version: 3,
      importantPeople: [{ personId: aunt.id, relationship: 'aunt, may harbour' }],
      importantPlaces: [{ placeId: placeA, note: 'meets older boys there' }],
    });
    // The search asked the server, by what was typed, not for a list loaded up front.
    expect(api.requests.find((request) => request.path === 'places.list')?.input).toMatchObject({ name: 'bus' });
  }, 20_000);

  it('shows a refusal beside the row it names, and a stale save in plain words with a reload', async () => {
    let refusal: FakeAnswer = {
      error: {
        message: `importantPlaces.0.placeId: no place ${placeA} in Lantern; description: must not be empty`,
        code: 'BAD_REQUEST',
        httpStatus: 400,
      },
    };
    const withPlace = {
      ...profile,
      importantPlaces: [
        { placeId: placeA, name: 'Bus station, Mansfield', category: 'bus_station', note: 'meets friends' },
      ],
    };
    const api = fakeApi(answers({ get: withPlace, save: () => refusal }));
    const clicks = userEvent.setup();
    renderWithApi(<PhilomenaPage user={user as never} params={{ personId }} />, api);
    const form = await screen.findByRole('form', { name: 'Save a new version' });
    await clicks.click(within(form).getByRole('button', { name: 'Save profile' }));
    const places = within(form).getByRole('group', { name: 'Important places' });
    expect((await within(places).findByRole('alert')).textContent).toBe(`no place ${placeA} in Lantern`);
    expect(within(form).getByText('Description must not be empty')).toBeTruthy();
    expect(document.body.textContent).not.toContain('importantPlaces.0');

    refusal = {
      error: {
        message:
          'version: the Philomena profile of x was saved by someone else since you read version 3 (it is now version 4); reload it and make your change again',
        code: 'CONFLICT',
        httpStatus: 409,
        conflict: { currentVersion: 4, changedBy: 'Sam Carter', changedAt: null },
      },
    };
    await clicks.click(within(form).getByRole('button', { name: 'Save profile' }));
    const banner = await within(form).findByText(/Someone else \(Sam Carter\) saved this profile/);
    expect(banner.textContent).toContain('it is now version 4');
    expect(document.body.textContent).toContain('Your changes are not saved');
    expect(document.body.textContent).not.toContain('version: the Philomena');
    const reads = api.requests.filter((request) => request.path === 'missing.philomena.get').length;
    await clicks.click(within(form).getByRole('button', { name: 'Reload the profile' }));
    await waitFor(() =>
      expect(api.requests.filter((request) => request.path === 'missing.philomena.get').length).toBe(reads + 1),
    );
  }, 20_000);

  it('completes part 2 on an episode, and updates it on top of the version read', async () => {
    let part2: { clothing: string; lastSeenDescription: string; version: number } | null = null;
    const api = fakeApi(
      answers({
        savePart2: (input) => {
          const sent = input as { clothing: string; lastSeenDescription: string };
          part2 = {
            clothing: sent.clothing,
            lastSeenDescription: sent.lastSeenDescription,
            version: (part2?.version ?? 0) + 1,
          };
          return { data: { episodeId, ...part2 } };
        },
        part2: () => part2,
      }),
    );
    const clicks = userEvent.setup();
    renderWithApi(<PhilomenaPage user={user as never} params={{ personId }} />, api);
    const part2Form = await screen.findByRole('form', { name: 'Part 2 of MIS-2026-0A1B2C3D' });
    await clicks.type(within(part2Form).getByLabelText('Clothing when last seen'), 'black puffer jacket');
    await clicks.type(
      within(part2Form).getByLabelText('Where and with whom last seen'),
      'bus station with two older boys',
    );
    await clicks.click(within(part2Form).getByRole('button', { name: 'Save part 2' }));
    expect(await within(part2Form).findByText('Saved part 2 of MIS-2026-0A1B2C3D.')).toBeTruthy();
    expect(api.requests.find((request) => request.path === 'missing.philomena.savePart2')?.input).toEqual({
      episodeId,
      clothing: 'black puffer jacket',
      lastSeenDescription: 'bus station with two older boys',
    });
    await waitFor(() =>
      expect((within(part2Form).getByLabelText('Clothing when last seen') as HTMLTextAreaElement).value).toBe(
        'black puffer jacket',
      ),
    );
    await clicks.type(within(part2Form).getByLabelText('Clothing when last seen'), ', red trainers');
    await clicks.click(within(part2Form).getByRole('button', { name: 'Save part 2' }));
    await waitFor(() =>
      expect(api.requests.filter((request) => request.path === 'missing.philomena.savePart2')).toHaveLength(2),
    );
    expect(api.requests.filter((request) => request.path === 'missing.philomena.savePart2')[1]?.input).toEqual({
      episodeId,
      version: 1,
      clothing: 'black puffer jacket, red trainers',
      lastSeenDescription: 'bus station with two older boys',
    });
  }, 20_000);
});

const aunt = {
  ...fullChild,
  id: '7a2d1c4e-9b1a-4c1e-8f3a-2d9b7e0a1c66',
  kind: 'associate',
  pseudonymRef: 'A-4HT2ZK',
  givenName: 'Dana',
  familyName: 'Holt',
  dateOfBirth: '1988-05-06',
  careStatus: null,
};
const placeA = '20000000-0000-4000-8000-000000000001';
const placeB = '20000000-0000-4000-8000-000000000002';
const episodeId = '40000000-0000-4000-8000-000000000001';

function place(id: string, address: string, ward: string) {
  return {
    id,
    name: 'Bus station, Mansfield',
    category: 'bus_station',
    address,
    ward,
    lon: -1.19,
    lat: 53.14,
    district: { code: 'E07000174', name: 'Mansfield' },
    concernSince: '2024-01-01',
    concernUntil: null,
    reasons: [],
    version: 1,
  };
}

function answers(
  options: {
    get?: unknown;
    save?: (input: unknown) => FakeAnswer;
    savePart2?: (input: unknown) => FakeAnswer;
    part2?: () => unknown;
  } = {},
): Record<string, (input: unknown) => FakeAnswer> {
  return {
    'missing.philomena.get': () => ({ data: { child, profile: options.get ?? profile, versions: [] } }),
    'missing.philomena.save':
      options.save ?? (() => ({ data: { child, profile: { ...profile, version: 4 }, versions: [] } })),
    'missing.philomena.savePart2': options.savePart2 ?? (() => ({ data: {} })),
    'people.search': () => ({ data: { people: [{ person: child }, { person: aunt }] } }),
    'places.list': () => ({
      data: {
        places: [
          place(placeA, 'On or near Beech Lane', 'Central'),
          place(placeB, 'On or near Bus/Coach Station', 'Bancroft'),
        ],
      },
    }),
    'missing.listEpisodes': () => ({
      data: { episodes: [{ id: episodeId, episodeRef: 'MIS-2026-0A1B2C3D', reportedAt: '2026-11-20T21:00:00.000Z' }] },
    }),
    'missing.getEpisode': () => ({ data: { id: episodeId, philomenaPart2: options.part2?.() ?? null } }),
  };
}
