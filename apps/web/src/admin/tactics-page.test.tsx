import type { Tactic } from '@lantern/domain';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { TacticsPage } from './tactics-page.tsx';

afterEach(cleanup);

const closure: Tactic = {
  id: '55555555-5555-4555-8555-555555555555',
  code: 'closure_notice',
  name: 'Closure notice',
  theme: 'locations_of_specific_concern',
  legalBasis: 'Anti-social Behaviour, Crime and Policing Act 2014, s.76',
  holderAgencyKinds: ['police', 'district_council'],
  targetTypes: ['premises'],
  needsConviction: false,
  needsCourt: false,
  maxDurationDays: 2,
  guidance: 'Up to 48 hours.',
  version: 3,
};

function renderPage(answers: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ 'tactics.list': () => ({ data: { tactics: [closure] } }), ...answers });
  renderWithApi(<TacticsPage user={testUser(['admin'])} params={{}} />, api);
  return api;
}

// The form tests type into several fields, slow on a busy machine: 20 s rather than the default 5 s.
describe('TacticsPage', () => {
  it('lists each tactic with who holds it, what it is aimed at and for how long', async () => {
    renderPage();
    const row = (await screen.findByText('Closure notice')).closest('tr');
    expect(row?.textContent).toContain('police, district council');
    expect(row?.textContent).toContain('Premises');
    expect(row?.textContent).toContain('2 days');
  });

  it('sends only what changed, against the version read', async () => {
    const api = renderPage({ 'tactics.update': () => ({ data: { ...closure, guidance: 'New words.', version: 4 } }) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit Closure notice' }));
    const form = screen.getByRole('form', { name: 'Edit Closure notice' });
    await user.clear(within(form).getByLabelText('Guidance'));
    await user.type(within(form).getByLabelText('Guidance'), 'New words.');
    await user.click(within(form).getByLabelText('Charity'));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved Closure notice.')).toBeTruthy();
    expect(api.requests.find((request) => request.path === 'tactics.update')?.input).toEqual({
      id: closure.id,
      version: 3,
      changes: { guidance: 'New words.', holderAgencyKinds: ['police', 'district_council', 'charity'] },
    });
  }, 20_000);

  it('adds a tactic and shows a refused code beside its field', async () => {
    const api = renderPage({
      'tactics.create': () => ({
        error: {
          message: 'code: a tactic with the code "closure_notice" already exists',
          code: 'BAD_REQUEST',
          httpStatus: 400,
        },
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a tactic' }));
    const form = screen.getByRole('form', { name: 'New tactic' });
    await user.type(within(form).getByLabelText('Code'), 'closure_notice');
    await user.type(within(form).getByLabelText('Name'), 'Another closure');
    await user.click(within(form).getByRole('button', { name: 'Add the tactic' }));
    expect(await within(form).findByText('Code: a tactic with the code "closure_notice" already exists')).toBeTruthy();
    expect(api.requests.find((request) => request.path === 'tactics.create')?.input).toMatchObject({
      code: 'closure_notice',
      name: 'Another closure',
      maxDurationDays: null,
    });
  }, 20_000);
});
