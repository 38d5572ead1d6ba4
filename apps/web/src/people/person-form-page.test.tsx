import type { CurrentUser } from '@lantern/domain';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { fullChild } from '../test/fixtures.ts';
import { PersonFormPage } from './person-form-page.tsx';

afterEach(cleanup);

const coordinator = {
  id: '0a0a6c1e-2222-4d7e-9a43-5b6f3f0c1a33',
  email: 'coordinator@lantern.test',
  displayName: 'Casey Coordinator',
  agency: 'Nottinghamshire County Council',
  roles: ['missing_coordinator'],
  districtCodes: ['E07000174'],
} as CurrentUser;

describe('PersonFormPage', () => {
  it('records a child, with the API’s refusals beside the fields they name', async () => {
    const server = fakeApi({
      'people.create': () => ({
        error: {
          message: 'givenName: must not be empty; cseFlaggedAt: is required when cseRisk is "high"',
          code: 'BAD_REQUEST',
          httpStatus: 400,
        },
      }),
    });
    renderWithApi(<PersonFormPage user={coordinator} params={{}} />, server);
    expect(screen.getByText(/associates are recorded by police analysts/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Family name'), 'Example');
    await userEvent.selectOptions(screen.getByLabelText('Home district'), 'E07000174');
    await userEvent.selectOptions(screen.getByLabelText('Sexual exploitation (CSE) risk'), 'high');
    await userEvent.click(screen.getByRole('button', { name: 'Record the person' }));
    expect(await screen.findByText('Given name must not be empty')).toBeTruthy();
    expect(screen.getByText('CSE flagged on is required when cseRisk is "high"')).toBeTruthy();
    expect(server.requests.find((request) => request.path === 'people.create')?.input).toMatchObject({
      kind: 'child',
      givenName: '',
      familyName: 'Example',
      homeDistrictCode: 'E07000174',
      cseRisk: 'high',
      cseFlaggedAt: null,
      careStatus: null,
    });
  });

  it('edits a person: the kind is fixed, and a flag is sent with its date', async () => {
    const server = fakeApi({
      'people.get': () => ({ data: fullChild }),
      'people.update': (input) => ({
        data: { ...fullChild, ...(input as { changes: object }).changes, version: 2 },
      }),
    });
    renderWithApi(<PersonFormPage user={coordinator} params={{ id: fullChild.id }} />, server);
    await screen.findByLabelText('Given name');
    expect(screen.queryByLabelText('Kind of person')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Criminal exploitation (CCE) risk'), 'medium');
    await userEvent.type(screen.getByLabelText('CCE flagged on (optional)'), '2025-04-01');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('link', { name: 'Open the record of Robin' })).toBeTruthy();
    expect(server.requests.find((request) => request.path === 'people.update')?.input).toEqual({
      id: fullChild.id,
      version: 1,
      changes: { cceRisk: 'medium', cceFlaggedAt: '2025-04-01' },
    });
  });
});
