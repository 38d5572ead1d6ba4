import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from './api/trpc.ts';
import { App, createQueryClient } from './app.tsx';
import { fakeApi } from './test/fake-api.tsx';

afterEach(cleanup);

describe('App', () => {
  it('shows the sign-in page when nobody is signed in', async () => {
    const api = fakeApi({ 'auth.session': () => ({ data: { user: null } }) });
    render(<App apiClient={createApiClient({ fetch: api.fetch })} queryClient={createQueryClient()} />);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the API’s message, and a way to try again, when the session cannot be checked', async () => {
    const api = fakeApi({
      'auth.session': () => ({
        error: { message: 'Something went wrong on the server', code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 },
      }),
    });
    render(<App apiClient={createApiClient({ fetch: api.fetch })} queryClient={createQueryClient()} />);
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe('Something went wrong on the server');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
