import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { ImportEpisodesForm } from './import-episodes-form.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

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
  it('shows a slow import working after a second; Cancel aborts it, says "Cancelled", and it can run again', async () => {
    const report = {
      file: 'july.csv',
      rows: 1,
      inserted: 1,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      childrenCreated: 0,
      problems: [],
    };
    let imports = 0;
    const api = fakeApi({
      // The first import never finishes on its own; the second answers at once.
      'missing.importEpisodes': () => (++imports === 1 ? new Promise<never>(() => undefined) : { data: report }),
    });
    const signals: (AbortSignal | null | undefined)[] = [];
    const watched = {
      ...api,
      fetch: ((url, init) => {
        if (String(url).includes('missing.importEpisodes')) signals.push(init?.signal);
        return api.fetch(url, init);
      }) as typeof fetch,
    };
    renderWithApi(<ImportEpisodesForm />, watched);
    await userEvent.upload(
      screen.getByLabelText('Missing-episodes CSV'),
      new File([csv], 'july.csv', { type: 'text/csv' }),
    );
    const form = screen.getByRole('form', { name: 'Import episodes' });
    vi.useFakeTimers();
    fireEvent.submit(form);
    await act(() => vi.advanceTimersByTimeAsync(10));
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(status.textContent).toBe('Importing july.csv…');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(status.textContent).toBe('Importing july.csv…Working… 1 s Cancel');
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(signals[0]?.aborted).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Cancelled. Run again');
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(screen.getByRole('status').textContent).toContain('july.csv: 1 rows — 1 new');
    expect(api.requests.filter((request) => request.path === 'missing.importEpisodes')).toHaveLength(2);
  });
});
