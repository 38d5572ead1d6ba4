import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAnswer, fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { RecordActionForm } from './record-action-form.tsx';

afterEach(cleanup);

const officer = testUser(['district_officer']);

function tactic(id: string, name: string, holderAgencyKinds: string[], targetTypes: string[], maxDurationDays = null) {
  return {
    id,
    code: name.toLowerCase().replace(/\W+/g, '_'),
    name,
    theme: 'locations',
    legalBasis: 'An Act',
    holderAgencyKinds,
    targetTypes,
    needsConviction: false,
    needsCourt: false,
    maxDurationDays,
    guidance: '',
    version: 1,
  };
}

const catalogue = [
  tactic(
    '10000000-0000-4000-8000-000000000001',
    'Closure notice',
    ['police', 'district_council'],
    ['premises', 'place'],
  ),
  tactic(
    '10000000-0000-4000-8000-000000000002',
    'Hotel guest information notice',
    ['police'],
    ['premises', 'business'],
  ),
  tactic(
    '10000000-0000-4000-8000-000000000003',
    'Taxi and private hire licence action',
    ['district_council'],
    ['vehicle'],
  ),
  tactic('10000000-0000-4000-8000-000000000004', 'Child Abduction Warning Notice', ['police'], ['person']),
];

function busStation(id: string, address: string, ward: string) {
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

const vehicleId = '30000000-0000-4000-8000-000000000001';

function answers(create: (input: unknown) => FakeAnswer = () => ({ data: { id: 'x' } })) {
  return {
    // As the API: `heldBy` keeps only the tactics an agency of that kind holds.
    'tactics.list': (input: unknown) => {
      const heldBy = (input as { heldBy?: string } | undefined)?.heldBy;
      return {
        data: { tactics: catalogue.filter((entry) => !heldBy || entry.holderAgencyKinds.includes(heldBy)) },
      };
    },
    'places.list': () => ({
      data: {
        places: [
          busStation('20000000-0000-4000-8000-000000000001', 'On or near Beech Lane', 'Central'),
          busStation('20000000-0000-4000-8000-000000000002', 'On or near Bus/Coach Station', 'Bancroft'),
        ],
      },
    }),
    'vehicles.search': () => ({
      data: {
        vehicles: [
          {
            id: vehicleId,
            registration: 'KX19ABC',
            make: 'Toyota',
            model: 'Prius',
            colour: 'silver',
            notes: null,
            version: 1,
          },
        ],
      },
    }),
    'disruption.create': create,
  };
}

describe('RecordActionForm', () => {
  it('offers a council officer only the tactics their agency holds (issue 18: police-only tactics were offered)', async () => {
    const api = fakeApi(answers());
    renderWithApi(<RecordActionForm user={officer} onRecorded={() => undefined} />, api);
    const tacticSelect = await screen.findByRole('combobox', { name: 'Tactic' });
    await waitFor(() => expect(within(tacticSelect).queryByRole('option', { name: 'Closure notice' })).toBeTruthy());
    expect(within(tacticSelect).queryByRole('option', { name: 'Hotel guest information notice' })).toBeNull();
    expect(api.requests.find((request) => request.path === 'tactics.list')?.input).toEqual({
      heldBy: 'district_council',
    });
  });

  it('shows a refusal in plain words beside the tactic, not the raw API message (issue 18)', async () => {
    const message = 'the power of a Closure notice is held by police; your agency (district council) does not hold it';
    const api = fakeApi(
      answers(() => ({ error: { message: `tacticId: ${message}`, code: 'FORBIDDEN', httpStatus: 403 } })),
    );
    const user = userEvent.setup();
    renderWithApi(<RecordActionForm user={officer} onRecorded={() => undefined} />, api);
    const place = await screen.findByRole('combobox', { name: 'Place' });
    await waitFor(() => expect(within(place).getAllByRole('option')).toHaveLength(3));
    await user.selectOptions(place, '20000000-0000-4000-8000-000000000001');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tactic' }), 'Closure notice');
    await user.click(screen.getByRole('button', { name: 'Record the action' }));
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toBe(
      'The power of a Closure notice is held by police; your agency (district council) does not hold it',
    );
    expect(screen.getByRole('combobox', { name: 'Tactic' }).getAttribute('aria-describedby')).toBe(refusal.id);
    expect(document.body.textContent).not.toContain('tacticId');
  });

  it('tells places of one name apart by street, ward and category (issue 18: five "Bus station, Mansfield")', async () => {
    renderWithApi(<RecordActionForm user={officer} onRecorded={() => undefined} />, fakeApi(answers()));
    const place = await screen.findByRole('combobox', { name: 'Place' });
    await waitFor(() => expect(within(place).getAllByRole('option')).toHaveLength(3));
    expect(
      within(place)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'Choose a place of concern…',
      'Bus station, Mansfield — near Beech Lane, Central ward · Bus station',
      'Bus station, Mansfield — near Bus/Coach Station, Bancroft ward · Bus station',
    ]);
  });

  it('records an action on a vehicle, in force, with its district, review and expiry dates (issue 18)', async () => {
    const api = fakeApi(answers());
    const user = userEvent.setup({ delay: null });
    renderWithApi(<RecordActionForm user={officer} onRecorded={() => undefined} />, api);
    await user.click(await screen.findByRole('radio', { name: 'A vehicle' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find the vehicle by registration' }), 'kx19');
    const vehicle = screen.getByRole('combobox', { name: 'Vehicle' });
    await waitFor(() => expect(within(vehicle).getAllByRole('option')).toHaveLength(2));
    expect(within(vehicle).getAllByRole('option')[1]?.textContent).toBe('KX19ABC — silver Toyota Prius');
    await user.selectOptions(vehicle, vehicleId);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tactic' }), 'Taxi and private hire licence action');
    await user.click(screen.getByRole('radio', { name: 'In force' }));
    await user.type(screen.getByLabelText(/^Review date/), '2027-01-08');
    await user.type(screen.getByLabelText(/^Expiry date/), '2027-06-30');
    await user.type(screen.getByLabelText('Why (kept in the history)'), 'Driver seen picking up children');
    await user.click(screen.getByRole('button', { name: 'Record the action' }));
    await waitFor(() => expect(api.requests.some((request) => request.path === 'disruption.create')).toBe(true));
    expect(api.requests.find((request) => request.path === 'disruption.create')?.input).toEqual({
      tacticId: '10000000-0000-4000-8000-000000000003',
      target: { type: 'vehicle', id: vehicleId },
      startAs: 'in_force',
      districtCode: 'E07000174',
      reviewOn: '2027-01-08',
      expiresOn: '2027-06-30',
      reason: 'Driver seen picking up children',
    });
  }, 20_000);
});
