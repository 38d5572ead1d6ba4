import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HotspotSection } from '../hotspots/hotspot-section.tsx';
import { useHotspots } from '../hotspots/use-hotspots.ts';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { type LongWork, LongWorkStatus } from './long-work.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function work(overrides: Partial<LongWork> = {}): LongWork {
  return { working: true, cancelled: false, cancel: vi.fn(), retry: vi.fn(), ...overrides };
}

describe('long work status', () => {
  it('says what is being done at once, and "Working… n s" with Cancel only after a second', () => {
    vi.useFakeTimers();
    const running = work();
    render(<LongWorkStatus work={running}>Finding hot spots…</LongWorkStatus>);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(status.textContent).toBe('Finding hot spots…');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    act(() => vi.advanceTimersByTime(1000));
    expect(status.textContent).toBe('Finding hot spots…Working… 1 s Cancel');
    act(() => vi.advanceTimersByTime(2000));
    expect(status.textContent).toBe('Finding hot spots…Working… 3 s Cancel');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(running.cancel).toHaveBeenCalledOnce();
  });

  it('says "Cancelled" with a way to run the work again, and nothing when there is no work', () => {
    const cancelled = work({ working: false, cancelled: true });
    const { rerender } = render(<LongWorkStatus work={cancelled}>Finding hot spots…</LongWorkStatus>);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-busy')).toBe('false');
    expect(status.textContent).toBe('Cancelled. Run again');
    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    expect(cancelled.retry).toHaveBeenCalledOnce();
    rerender(<LongWorkStatus work={work({ working: false })}>Finding hot spots…</LongWorkStatus>);
    expect(screen.queryByRole('status')).toBeNull();
  });
});

function Section() {
  const hotspots = useHotspots({ from: '2024-01-01', to: '2024-01-31' }, true, {
    from: '2023-04-01',
    to: '2026-03-31',
  });
  return (
    <>
      <HotspotSection hotspots={hotspots} shown onShown={() => undefined} crimeTypes={[]} />
      <p data-testid="calls">{hotspots.current.isFetching ? 'fetching' : 'idle'}</p>
    </>
  );
}

describe('cancelling a slow hot-spot analysis', () => {
  it('aborts the request, says "Cancelled", leaves the controls usable, and runs again when asked', async () => {
    const result = { cell: 250, band: 750, fdr: true, events: 14, cells: [] };
    let answer: (() => void) | null = null;
    const api = fakeApi({
      // The first analysis never finishes on its own; the second answers at once.
      'hotspots.compute': () =>
        answer === null
          ? new Promise((resolve) => {
              answer = () => resolve({ data: result });
            })
          : { data: result },
    });
    const signals: (AbortSignal | null | undefined)[] = [];
    const watched = {
      ...api,
      fetch: ((url, init) => {
        signals.push(init?.signal);
        return api.fetch(url, init);
      }) as typeof fetch,
    };
    renderWithApi(<Section />, watched);
    const cancel = await screen.findByRole('button', { name: 'Cancel' }, { timeout: 5000 });
    expect(screen.getByText(/^Working…/)).toBeTruthy();
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(false);
    fireEvent.click(cancel);
    const cancelled = await screen.findByText(/^Cancelled\./);
    expect(cancelled.closest('[role="status"]')?.getAttribute('aria-busy')).toBe('false');
    expect(signals[0]?.aborted).toBe(true);
    expect(screen.getByTestId('calls').textContent).toBe('idle');
    // The page stays usable: the settings still answer.
    expect((screen.getByRole('combobox', { name: 'Show' }) as HTMLSelectElement).disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    await screen.findByRole('figure', { name: 'Hot spot legend' });
    expect(api.requests.filter((request) => request.path === 'hotspots.compute')).toHaveLength(2);
    expect(screen.queryByText(/^Cancelled\./)).toBeNull();
  });
});
