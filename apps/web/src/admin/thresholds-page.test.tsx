import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { ThresholdsPage } from './thresholds-page.tsx';

afterEach(cleanup);

const thresholds = {
  mamDurationHours: 72,
  mamRepeatCount: 3,
  mamWindowDays: 90,
  version: 2,
  updatedAt: '2026-11-02T10:00:00.000Z',
};

describe('ThresholdsPage', () => {
  it('saves the thresholds against the version read', async () => {
    const api = fakeApi({
      'missing.getThresholds': () => ({ data: thresholds }),
      'missing.setThresholds': () => ({ data: { ...thresholds, mamDurationHours: 48, version: 3 } }),
    });
    renderWithApi(<ThresholdsPage user={testUser(['admin'])} params={{}} />, api);
    const user = userEvent.setup();
    const hours = await screen.findByLabelText('Hours missing');
    await user.clear(hours);
    await user.type(hours, '48');
    await user.click(screen.getByRole('button', { name: 'Save the thresholds' }));
    expect(await screen.findByText(/^Saved\./)).toBeTruthy();
    expect(api.requests.find((request) => request.path === 'missing.setThresholds')?.input).toEqual({
      mamDurationHours: 48,
      mamRepeatCount: 3,
      mamWindowDays: 90,
      version: 2,
    });
  });

  it('offers a reload when someone else changed them first', async () => {
    const api = fakeApi({
      'missing.getThresholds': () => ({ data: thresholds }),
      'missing.setThresholds': () => ({
        error: {
          message:
            'version: the thresholds were changed by someone else since you read version 2 (it is now version 3); reload it and make your change again',
          code: 'CONFLICT',
          httpStatus: 409,
        },
      }),
    });
    renderWithApi(<ThresholdsPage user={testUser(['admin'])} params={{}} />, api);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Save the thresholds' }));
    expect(await screen.findByRole('button', { name: 'Reload the thresholds' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save the thresholds' })).toHaveProperty('disabled', true);
  });

  it('puts a refused value beside its field', async () => {
    const api = fakeApi({
      'missing.getThresholds': () => ({ data: thresholds }),
      'missing.setThresholds': () => ({
        error: {
          message: 'mamRepeatCount: Too small: expected number to be >=2',
          code: 'BAD_REQUEST',
          httpStatus: 400,
        },
      }),
    });
    renderWithApi(<ThresholdsPage user={testUser(['admin'])} params={{}} />, api);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Save the thresholds' }));
    expect(await screen.findByText('Episodes: Too small: expected number to be >=2')).toBeTruthy();
  });
});
