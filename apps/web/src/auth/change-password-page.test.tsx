import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { ChangePasswordPage } from './change-password-page.tsx';

afterEach(cleanup);

async function fill(current: string, next: string, again: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Current password'), current);
  await user.type(screen.getByLabelText('New password'), next);
  await user.type(screen.getByLabelText('New password again'), again);
  await user.click(screen.getByRole('button', { name: 'Change the password' }));
}

describe('ChangePasswordPage', () => {
  it('changes the password and says how many other sessions ended', async () => {
    const api = fakeApi({ 'auth.changePassword': () => ({ data: { ok: true, otherSessionsEnded: 2 } }) });
    renderWithApi(<ChangePasswordPage user={testUser(['nsd_attendee'])} params={{}} />, api);
    await fill('old heron kettle', 'violin quarry lantern heron', 'violin quarry lantern heron');
    expect((await screen.findByRole('status')).textContent).toBe(
      'Your password is changed. 2 other sessions signed out.',
    );
    expect(api.requests.map((request) => request.input)).toEqual([
      { currentPassword: 'old heron kettle', newPassword: 'violin quarry lantern heron' },
    ]);
  });

  it('refuses a mismatched confirmation without asking the server', async () => {
    const api = fakeApi({});
    renderWithApi(<ChangePasswordPage user={testUser(['admin'])} params={{}} />, api);
    await fill('old heron kettle', 'violin quarry lantern heron', 'violin quarry lantern');
    expect(await screen.findByText('New password again must match the new password')).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it('shows a wrong current password beside its field', async () => {
    const api = fakeApi({
      'auth.changePassword': () => ({
        error: { message: 'currentPassword: is not your current password', code: 'BAD_REQUEST', httpStatus: 400 },
      }),
    });
    renderWithApi(<ChangePasswordPage user={testUser(['district_officer'])} params={{}} />, api);
    await fill('wrong', 'violin quarry lantern heron', 'violin quarry lantern heron');
    expect(await screen.findByText('Current password is not your current password')).toBeTruthy();
  });
});
