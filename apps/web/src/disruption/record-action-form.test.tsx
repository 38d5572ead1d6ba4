import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAnswer, fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { RecordActionForm } from './record-action-form.tsx';

afterEach(cleanup);

const officer = testUser(['district_officer']);
const analyst = testUser(['police_analyst']);

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
    await user.type(await screen.findByRole('searchbox', { name: 'Find the place by name or street' }), 'bus');
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
    const api = fakeApi(answers());
    renderWithApi(<RecordActionForm user={officer} onRecorded={() => undefined} />, api);
    const user = userEvent.setup();
    const place = await screen.findByRole('combobox', { name: 'Place' });
    // Nothing is loaded up front: the server is asked once something is typed.
    expect(
      within(place)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Type two or more letters of the name or street…']);
    expect(api.requests.some((request) => request.path === 'places.list')).toBe(false);
    await user.type(screen.getByRole('searchbox', { name: 'Find the place by name or street' }), 'bus');
    await waitFor(() => expect(within(place).getAllByRole('option')).toHaveLength(3));
    expect(
      within(place)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'Choose one of 2…',
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

  it('searches places on the server as the user types, once typing pauses, and says when results stop at the limit', async () => {
    const many = Array.from({ length: 26 }, (_, index) =>
      busStation(
        `20000000-0000-4000-8000-0000000001${String(index).padStart(2, '0')}`,
        `On or near Street ${index}`,
        'Central',
      ),
    );
    const api = fakeApi({ ...answers(), 'places.list': () => ({ data: { places: many } }) });
    const user = userEvent.setup();
    renderWithApi(<RecordActionForm user={officer} onRecorded={() => undefined} />, api);
    await user.type(await screen.findByRole('searchbox', { name: 'Find the place by name or street' }), 'bus st');
    const place = screen.getByRole('combobox', { name: 'Place' });
    await waitFor(() => expect(within(place).getAllByRole('option')).toHaveLength(26));
    expect(screen.getByRole('status').textContent).toBe(
      'Showing the first 25 places that match “bus st”; there are more. Type more of the name or street.',
    );
    const searches = api.requests.filter((request) => request.path === 'places.list').map((request) => request.input);
    // One request for what was typed once typing paused, not one per key; one more than shown, to know there are more.
    expect(searches).toEqual([{ name: 'bus st', limit: 26, districtCode: 'E07000174' }]);
  });

  it('gives an analyst every tactic and a picker of the agencies that hold it, sent as the holding agency (issue 18)', async () => {
    const councilId = '50000000-0000-4000-8000-000000000002';
    const api = fakeApi({
      ...answers(),
      'tactics.holders': (input) => {
        const tacticId = (input as { tacticId: string }).tacticId;
        const kinds = catalogue.find((entry) => entry.id === tacticId)?.holderAgencyKinds ?? [];
        const agencies = [
          { id: '50000000-0000-4000-8000-000000000001', name: 'Agency', kind: 'police' },
          { id: councilId, name: 'Mansfield District Council', kind: 'district_council' },
        ];
        return { data: { agencies: agencies.filter((agency) => kinds.includes(agency.kind)) } };
      },
    });
    const user = userEvent.setup();
    renderWithApi(<RecordActionForm user={analyst} onRecorded={() => undefined} />, api);
    await user.click(await screen.findByRole('radio', { name: 'A vehicle' }));
    const tacticSelect = screen.getByRole('combobox', { name: 'Tactic' });
    // A council-only power, which the analyst's own (police) agency does not hold, is offered.
    await waitFor(() =>
      expect(within(tacticSelect).queryByRole('option', { name: 'Taxi and private hire licence action' })).toBeTruthy(),
    );
    expect(api.requests.find((request) => request.path === 'tactics.list')?.input).toEqual({});
    await user.selectOptions(tacticSelect, 'Taxi and private hire licence action');
    const holder = await screen.findByRole('combobox', { name: 'Holding agency' });
    await waitFor(() => expect(within(holder).getAllByRole('option')).toHaveLength(2));
    expect(within(holder).getAllByRole('option')[1]?.textContent).toBe('Mansfield District Council (district council)');
    expect(within(holder).queryByRole('option', { name: /^Agency/ })).toBeNull();
    await user.type(screen.getByRole('searchbox', { name: 'Find the vehicle by registration' }), 'kx19');
    const vehicle = screen.getByRole('combobox', { name: 'Vehicle' });
    await waitFor(() => expect(within(vehicle).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(vehicle, vehicleId);
    await user.selectOptions(holder, councilId);
    await user.click(screen.getByRole('button', { name: 'Record the action' }));
    await waitFor(() => expect(api.requests.some((request) => request.path === 'disruption.create')).toBe(true));
    expect(api.requests.find((request) => request.path === 'disruption.create')?.input).toMatchObject({
      tacticId: '10000000-0000-4000-8000-000000000003',
      holderAgencyId: councilId,
      target: { type: 'vehicle', id: vehicleId },
    });
  }, 20_000);

  it('gives a district officer no agency picker: the holding agency is their own', async () => {
    const api = fakeApi(answers());
    const user = userEvent.setup();
    renderWithApi(<RecordActionForm user={officer} onRecorded={() => undefined} />, api);
    const tacticSelect = await screen.findByRole('combobox', { name: 'Tactic' });
    await waitFor(() => expect(within(tacticSelect).queryByRole('option', { name: 'Closure notice' })).toBeTruthy());
    await user.selectOptions(tacticSelect, 'Closure notice');
    expect(screen.queryByRole('combobox', { name: 'Holding agency' })).toBeNull();
    expect(api.requests.some((request) => request.path === 'tactics.holders')).toBe(false);
  });
});
