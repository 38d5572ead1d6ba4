import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
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
});
