import type { AdminUser } from '@lantern/domain';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { UsersPage } from './users-page.tsx';

afterEach(cleanup);

const admin = testUser(['admin']);
const agencies = [
  { id: '11111111-1111-4111-8111-111111111111', name: 'Nottinghamshire Police', kind: 'police' },
  { id: '22222222-2222-4222-8222-222222222222', name: 'Mansfield District Council', kind: 'district_council' },
];
const officer: AdminUser = {
  id: '33333333-3333-4333-8333-333333333333',
  email: 'officer@lantern.test',
  displayName: 'Dana Officer',
  agencyId: agencies[1]?.id ?? '',
  agency: 'Mansfield District Council',
  agencyKind: 'district_council',
  roles: ['district_officer'],
  districtCodes: ['E07000174'],
  disabled: false,
  hasPassword: true,
  singleSignOn: false,
  lastLoginAt: null,
  version: 4,
};
const self: AdminUser = { ...officer, id: admin.id, email: admin.email, displayName: 'Someone', roles: ['admin'] };

function renderPage(answers: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ 'users.list': () => ({ data: { users: [officer, self], agencies } }), ...answers });
  renderWithApi(<UsersPage user={admin} params={{}} />, api);
  return api;
}

describe('UsersPage', () => {
  it('lists accounts with their roles, districts and state', async () => {
    renderPage();
    const row = (await screen.findByText('Dana Officer', { selector: 'strong' })).closest('tr');
    expect(row?.textContent).toContain('District officer');
    expect(row?.textContent).toContain('Mansfield');
    expect(row?.textContent).toContain('Active');
    expect(row?.textContent).toContain('Never');
  });

  // Typing a whole form is slow on a busy machine: more than the default 5 s.
  it('creates an account and shows the generated password once', async () => {
    const api = renderPage({
      'users.create': () => ({
        data: {
          user: {
            ...officer,
            id: '44444444-4444-4444-8444-444444444444',
            email: 'new@lantern.test',
            displayName: 'Nia New',
          },
          generatedPassword: 'abcde-fghjk-mnpqr-stuvw',
          sessionsEnded: 0,
        },
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a user' }));
    const form = screen.getByRole('form', { name: 'New user' });
    await user.type(within(form).getByLabelText('Email'), 'new@lantern.test');
    await user.type(within(form).getByLabelText('Name'), 'Nia New');
    await user.selectOptions(within(form).getByLabelText('Agency'), 'Mansfield District Council');
    await user.click(within(form).getByLabelText('District officer'));
    await user.click(within(form).getByLabelText('Mansfield'));
    await user.click(within(form).getByRole('button', { name: 'Create the account' }));

    expect((await within(form).findByTestId('generated-password')).textContent).toBe('abcde-fghjk-mnpqr-stuvw');
    expect(api.requests.find((request) => request.path === 'users.create')?.input).toEqual({
      email: 'new@lantern.test',
      displayName: 'Nia New',
      agencyId: agencies[1]?.id,
      roles: ['district_officer'],
      districtCodes: ['E07000174'],
    });
  }, 20_000);

  it('puts a refusal beside the field it names', async () => {
    renderPage({
      'users.create': () => ({
        error: { message: 'password: is too easy to guess', code: 'BAD_REQUEST', httpStatus: 400 },
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a user' }));
    const form = screen.getByRole('form', { name: 'New user' });
    await user.selectOptions(within(form).getByLabelText('Agency'), 'Nottinghamshire Police');
    await user.click(within(form).getByLabelText('Set a temporary password'));
    await user.type(within(form).getByLabelText('Temporary password'), 'password1234');
    await user.click(within(form).getByRole('button', { name: 'Create the account' }));
    expect(await within(form).findByText('Temporary password is too easy to guess')).toBeTruthy();
  });

  it('saves only the changed districts against the version read, and offers a reload on CONFLICT', async () => {
    const api = renderPage({
      'users.update': () => ({
        error: {
          message:
            'version: user officer@lantern.test was changed by someone else since you read version 4 (it is now version 5); reload it and make your change again',
          code: 'CONFLICT',
          httpStatus: 409,
        },
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Manage Dana Officer' }));
    const details = screen.getByRole('form', { name: 'Details of Dana Officer' });
    await user.click(within(details).getByLabelText('Ashfield'));
    await user.click(within(details).getByRole('button', { name: 'Save changes' }));

    expect(await within(details).findByRole('button', { name: 'Reload the account' })).toBeTruthy();
    expect(within(details).getByRole('alert').textContent).toMatch(
      /^User officer@lantern.test was changed by someone else/,
    );
    expect(api.requests.find((request) => request.path === 'users.update')?.input).toEqual({
      id: officer.id,
      version: 4,
      changes: { districtCodes: ['E07000170', 'E07000174'] },
    });
  });

  it('resets a password and shows the generated one', async () => {
    const api = renderPage({
      'users.resetPassword': () => ({
        data: { user: { ...officer, version: 5 }, generatedPassword: 'zzzzz-yyyyy-xxxxx-wwwww', sessionsEnded: 2 },
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Manage Dana Officer' }));
    await user.click(screen.getByRole('button', { name: 'Reset the password' }));
    expect((await screen.findByTestId('generated-password')).textContent).toBe('zzzzz-yyyyy-xxxxx-wwwww');
    expect(api.requests.find((request) => request.path === 'users.resetPassword')?.input).toEqual({
      id: officer.id,
      version: 4,
    });
  });

  it('does not offer to disable your own account', async () => {
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Manage Someone' }));
    expect(screen.getByRole('button', { name: 'Disable the account' })).toHaveProperty('disabled', true);
  });
});
