import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { PersonPage } from './person-page.tsx';

afterEach(cleanup);

const outside = '3c9d5e1a-7b2f-4c6d-9e8a-1f2b3c4d5e6f';

describe('PersonPage when the record cannot be shown', () => {
  // Regression (issue 18): a person outside the reader's districts showed the raw id and "Try again".
  it('says in plain words that the record is not in the reader’s districts, with a way on and no retry', async () => {
    const api = fakeApi({
      'people.get': () => ({
        error: { message: `No person ${outside} in your districts`, code: 'NOT_FOUND', httpStatus: 404 },
      }),
    });
    renderWithApi(<PersonPage user={testUser(['district_officer'])} params={{ id: outside }} />, api);
    expect(await screen.findByRole('heading', { name: 'Record not available' })).toBeTruthy();
    expect(screen.getByText(/not in your districts, or there is no such record/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Search for a person' }).getAttribute('href')).toBe('/search');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(document.body.textContent).not.toContain(outside);
  });

  it('keeps the API’s message and "Try again" for a failure worth retrying', async () => {
    const api = fakeApi({
      'people.get': () => ({
        error: { message: 'Something went wrong on the server', code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 },
      }),
    });
    renderWithApi(<PersonPage user={testUser(['police_analyst'])} params={{ id: outside }} />, api);
    // A server fault is retried once (a second later) before the page says so.
    expect(await screen.findByText('Something went wrong on the server', {}, { timeout: 4000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
