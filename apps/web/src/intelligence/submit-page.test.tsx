import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { SubmitIntelligencePage } from './submit-page.tsx';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

const user = testUser;

const child = {
  view: 'pseudonymised',
  id: '7f0a6c1e-1111-4d7e-9a43-5b6f3f0c1a22',
  kind: 'child',
  pseudonymRef: 'C-H2MVRC',
  initials: 'RB',
  ageBand: '14–15',
  homeDistrictCode: 'E07000174',
};

function api() {
  return fakeApi({
    'places.list': () => ({ data: { places: [] } }),
    'people.search': () => ({ data: { people: [{ score: 0.9, person: child }] } }),
    'intelligence.submit': () => ({
      data: {
        id: '5b6f3f0c-0000-4d7e-9a43-7f0a6c1e1a22',
        reference: 'INT-2026-000042',
        submittedAt: '2026-12-04T15:00:00Z',
      },
    }),
  });
}

describe('SubmitIntelligencePage', () => {
  it('lets a district officer name a child Lantern knows, shown pseudonymised, and sends the record’s id', async () => {
    const fake = api();
    renderWithApi(<SubmitIntelligencePage user={user(['district_officer'])} params={{}} />, fake);
    fireEvent.change(screen.getByLabelText('What did you see or hear?'), {
      target: { value: 'A girl I know from the estate at the takeaway at 1 am' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add a person' }));
    fireEvent.change(screen.getByLabelText('Person 1: name or what they are called'), { target: { value: 'Ruby' } });
    const matches = await screen.findByRole('list', { name: 'Lantern records like person 1' });
    expect(matches.textContent).toContain('C-H2MVRC');
    fireEvent.click(within(matches).getByRole('button', { name: 'This is them' }));
    expect(screen.getByText(/Lantern record: RB \(C-H2MVRC\), age 14–15/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Send to the police' }));
    expect(await screen.findByTestId('receipt-reference')).toBeTruthy();
    const sent = fake.requests.find((request) => request.path === 'intelligence.submit');
    expect(sent?.input).toMatchObject({ subjects: [{ name: 'Ruby', personId: child.id }] });
  });

  it('offers no record search to an NSD attendee, whose role may not search people', async () => {
    const fake = api();
    renderWithApi(<SubmitIntelligencePage user={user(['nsd_attendee'])} params={{}} />, fake);
    fireEvent.click(screen.getByRole('button', { name: 'Add a person' }));
    fireEvent.change(screen.getByLabelText('Person 1: name or what they are called'), { target: { value: 'Ruby' } });
    await screen.findByRole('form', { name: 'Report a concern' });
    expect(fake.requests.some((request) => request.path === 'people.search')).toBe(false);
    expect(screen.queryByRole('list', { name: 'Lantern records like person 1' })).toBeNull();
  });

  it('tells places of one name apart in the place picker (issue 18: five "Bus station, Mansfield")', async () => {
    const busStation = (id: string, address: string, ward: string) => ({
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
    });
    const fake = fakeApi({
      'places.list': () => ({
        data: {
          places: [
            busStation('2b1c6f0e-7d0b-4d7e-9a43-5b6f3f0c1a01', 'On or near Beech Lane', 'Central'),
            busStation('2b1c6f0e-7d0b-4d7e-9a43-5b6f3f0c1a02', 'On or near Park Walk', 'Bancroft'),
          ],
        },
      }),
    });
    renderWithApi(<SubmitIntelligencePage user={user(['district_officer'])} params={{}} />, fake);
    fireEvent.click(screen.getByRole('radio', { name: 'A place of concern' }));
    const picker = screen.getByRole('combobox', { name: 'Place of concern' });
    await within(picker).findByRole('option', { name: /Beech Lane/ });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'Choose a place…',
      'Bus station, Mansfield — near Beech Lane, Central ward · Bus station',
      'Bus station, Mansfield — near Park Walk, Bancroft ward · Bus station',
    ]);
  });
});
