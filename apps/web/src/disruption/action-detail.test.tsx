import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { ActionDetail } from './action-detail.tsx';

afterEach(cleanup);

const actionId = '40000000-0000-4000-8000-000000000001';
const placeId = '20000000-0000-4000-8000-000000000001';

function detail(overrides: Record<string, unknown> = {}) {
  return {
    id: actionId,
    tactic: {
      id: '10000000-0000-4000-8000-000000000001',
      code: 'closure_notice',
      name: 'Closure notice',
      theme: 'locations',
      needsCourt: false,
      maxDurationDays: 2,
    },
    target: {
      type: 'premises',
      place: { id: placeId, name: 'Budget hotel, Mansfield', category: 'hotel', lon: -1.19, lat: 53.14 },
      person: null,
      vehicle: null,
      name: null,
      label: 'Budget hotel, Mansfield',
    },
    holderAgency: {
      id: '50000000-0000-4000-8000-000000000001',
      name: 'Mansfield District Council',
      kind: 'district_council',
    },
    owner: { id: '60000000-0000-4000-8000-000000000001', displayName: 'Demo Officer' },
    district: { code: 'E07000174', name: 'Mansfield' },
    status: 'in_force',
    outcome: null,
    proposedOn: '2026-08-01',
    agreedOn: '2026-08-01',
    inForceFrom: '2026-08-01',
    reviewOn: '2026-08-29',
    expiresOn: '2026-08-03',
    endedOn: null,
    notes: 'Rooms let by the hour to adults with children',
    version: 3,
    history: [
      {
        from: null,
        to: 'proposed',
        changedBy: 'Demo Officer',
        reason: 'recorded',
        changedAt: '2026-08-01T09:00:00.000Z',
      },
    ],
    next: ['reviewed', 'ended'],
    ...overrides,
  };
}

const effect = {
  actionId,
  distanceMetres: 250,
  months: 3,
  periods: {
    before: { from: '2026-05-01', to: '2026-07-31' },
    after: { from: '2026-09-01', to: '2026-11-30' },
    excludedMonth: '2026-08',
  },
  complete: true,
  crimeTypes: [],
  crime: { before: 12, after: 7, change: -5, percentChange: -42 },
  intelligence: { before: 3, after: 1, change: -2, percentChange: -67 },
  missingFound: { before: '<5', after: '<5', change: null, percentChange: null },
  caution: ['A fall or a rise does not show that the action caused it.'],
};

describe('ActionDetail', () => {
  it('shows the effect comparison with its caution, and the action’s notes (issue 18)', async () => {
    const api = fakeApi({
      'disruption.get': () => ({ data: detail() }),
      'disruption.effect': () => ({ data: effect }),
    });
    renderWithApi(<ActionDetail id={actionId} mayAct={false} />, api);
    const section = await screen.findByRole('region', { name: 'Effect: before and after' });
    const crimes = await within(section).findByRole('row', { name: /Crimes/ });
    expect(crimes.textContent).toBe('Crimes (police.uk)127-5 (-42%)');
    expect(within(section).getByRole('note', { name: 'Caution' }).textContent).toContain(
      'A fall or a rise does not show that the action caused it.',
    );
    expect(screen.getByText('Rooms let by the hour to adults with children')).toBeTruthy();
  });

  it('says why there is no effect for a target without a place, without asking the API', async () => {
    const vehicleTarget = {
      type: 'vehicle',
      place: null,
      person: null,
      vehicle: { id: '30000000-0000-4000-8000-000000000001', registration: 'KX19ABC' },
      name: null,
      label: 'KX19ABC',
    };
    const api = fakeApi({ 'disruption.get': () => ({ data: detail({ target: vehicleTarget }) }) });
    renderWithApi(<ActionDetail id={actionId} mayAct={false} />, api);
    expect(
      await screen.findByText('The effect is measured around a place; this action’s target has no place.'),
    ).toBeTruthy();
    expect(api.requests.some((request) => request.path === 'disruption.effect')).toBe(false);
  });

  it('shows the note typed on a transition in the history once saved (issue 18)', async () => {
    let current = detail();
    const api = fakeApi({
      'disruption.get': () => ({ data: current }),
      'disruption.effect': () => ({ data: effect }),
      'disruption.transition': (input) => {
        const { reason, to } = input as { reason: string; to: string };
        current = detail({
          status: to,
          version: 4,
          reviewOn: '2026-09-26',
          history: [
            ...current.history,
            { from: 'in_force', to, changedBy: 'Demo Officer', reason, changedAt: '2026-08-29T10:00:00.000Z' },
          ],
        });
        return { data: current };
      },
    });
    const user = userEvent.setup();
    renderWithApi(<ActionDetail id={actionId} mayAct />, api);
    const form = await screen.findByRole('form', { name: 'Move the action' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Move to' }), 'reviewed');
    await user.type(within(form).getByLabelText('Next review'), '2026-09-26');
    await user.type(within(form).getByLabelText('Note (why; kept in the history)'), 'Manager cooperating; keep going');
    await user.click(within(form).getByRole('button', { name: 'Save the change' }));
    const history = screen.getByRole('list', { name: 'History of the action' });
    await waitFor(() => expect(history.textContent).toContain('Manager cooperating; keep going'));
    expect(api.requests.find((request) => request.path === 'disruption.transition')?.input).toEqual({
      id: actionId,
      version: 3,
      to: 'reviewed',
      reason: 'Manager cooperating; keep going',
      reviewOn: '2026-09-26',
    });
  });

  it('offers only the outcomes an ending accepts (the API refuses "None" and "Refused by the court")', async () => {
    const api = fakeApi({
      'disruption.get': () => ({ data: detail() }),
      'disruption.effect': () => ({ data: effect }),
    });
    const user = userEvent.setup();
    renderWithApi(<ActionDetail id={actionId} mayAct />, api);
    const form = await screen.findByRole('form', { name: 'Move the action' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Move to' }), 'ended');
    const outcome = within(form).getByRole('combobox', { name: 'Outcome' });
    expect(
      within(outcome)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choose…', 'Breached', 'Complied with', 'Expired']);
  });
});
