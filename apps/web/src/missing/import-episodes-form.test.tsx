import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { ImportEpisodesForm } from './import-episodes-form.tsx';

afterEach(cleanup);

const csv = 'episode_ref,child_ref\nEP-1,CH-1\n';

describe('ImportEpisodesForm', () => {
  it('sends the chosen file’s text and name, and reports the counts and every rejected row', async () => {
    const api = fakeApi({
      'missing.importEpisodes': () => ({
        data: {
          file: 'july.csv',
          rows: 3,
          inserted: 2,
          updated: 0,
          unchanged: 0,
          rejected: 1,
          childrenCreated: 1,
          problems: ['july.csv, line 4, field "sex": must be M, F, X or U (value "Q")'],
        },
      }),
    });
    renderWithApi(<ImportEpisodesForm />, api);
    await userEvent.upload(
      screen.getByLabelText('Missing-episodes CSV'),
      new File([csv], 'july.csv', { type: 'text/csv' }),
    );
    await userEvent.click(screen.getByRole('checkbox', { name: /Import the valid rows/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const report = await screen.findByRole('status');
    expect(report.textContent).toContain(
      'july.csv: 3 rows — 2 new, 0 changed, 0 unchanged, 1 rejected; 1 children new to Lantern.',
    );
    expect(report.textContent).toContain('line 4, field "sex"');
    const sent = api.requests.find((request) => request.path === 'missing.importEpisodes');
    expect(sent?.input).toEqual({ fileName: 'july.csv', csv, skipInvalid: true });
  });

  it('shows the API’s message, naming the line and field, when nothing was imported', async () => {
    const message =
      'bad.csv: 1 invalid row; nothing was imported\nbad.csv, line 3, field "police_risk": must be one of high, medium, low, no_apparent_risk (value "severe")';
    const api = fakeApi({
      'missing.importEpisodes': () => ({ error: { message, code: 'BAD_REQUEST', httpStatus: 400 } }),
    });
    renderWithApi(<ImportEpisodesForm />, api);
    await userEvent.upload(
      screen.getByLabelText('Missing-episodes CSV'),
      new File([csv], 'bad.csv', { type: 'text/csv' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('line 3, field "police_risk"');
  });
});
