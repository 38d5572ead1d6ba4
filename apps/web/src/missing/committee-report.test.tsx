import { computeMissingReport, missingReportCsv } from '@lantern/domain';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommitteeReport } from './committee-report.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const episode = (id: string, personId: string, reportedAt: string, returnedAt: string) => ({
  id,
  personId,
  careStatus: 'home' as const,
  reportedAt: new Date(reportedAt),
  returnedAt: new Date(returnedAt),
  rhiService: 'family_service' as const,
  rhiCompletedAt: null,
  mamHeldAt: null,
});

function quarter(label: string, from: string, to: string, partial: boolean, notifications: number) {
  const episodes = Array.from({ length: notifications }, (_, index) =>
    episode(`e${index}`, `c${index % 2}`, `${from}T10:00:00Z`, `${from}T20:00:00Z`),
  );
  const children = ['c0', 'c1'].map((id) => ({ id, sex: 'F' as const, dateOfBirth: '2011-05-05' }));
  return { label, from, to, partial, report: computeMissingReport({ from, to, episodes, children }) };
}

const quarters = [
  quarter('2026/27 Q2', '2026-07-01', '2026-09-30', false, 3),
  quarter('2026/27 Q3', '2026-10-01', '2026-12-31', true, 5),
];

describe('CommitteeReport', () => {
  it('downloads the chosen quarter as the CSV of `lantern report missing`, named by its period', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:report';
      },
      revokeObjectURL: () => undefined,
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const user = userEvent.setup();
    render(<CommitteeReport quarters={quarters} />);
    const select = screen.getByLabelText('Quarter') as HTMLSelectElement;
    // The latest quarter first, marked as running.
    expect(select.value).toBe('2026/27 Q3');
    expect(screen.getByRole('option', { name: /2026\/27 Q3 \(1 Oct 2026 to 31 Dec 2026\), so far/ })).toBeTruthy();
    await user.selectOptions(select, '2026/27 Q2');
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(names).toEqual(['lantern-missing-2026-07-01-2026-09-30.csv']);
    const text = await blobs[0]?.text();
    expect(text).toBe(`${missingReportCsv(quarters[0]?.report as never)}\n`);
    expect(text?.split('\n')[0]).toBe('Measure,2026-07-01 – 2026-09-30');
    expect(text).toContain(',3\n');
  });

  it('lays out the chosen quarter for the printer, outside the app, with its period in words', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const user = userEvent.setup();
    render(<CommitteeReport quarters={quarters} />);
    expect(document.body.classList.contains('missing-report-printing')).toBe(true);
    const printed = screen.getByTestId('committee-report-print');
    expect(printed.parentElement).toBe(document.body);
    expect(printed.textContent).toContain('Children missing from home and care: 2026/27 Q3');
    expect(printed.textContent).toContain('1 Oct 2026 to 31 Dec 2026 (so far: the quarter has not ended)');
    await user.click(screen.getByRole('button', { name: 'Print the report' }));
    expect(print).toHaveBeenCalledTimes(1);
    cleanup();
    expect(document.body.classList.contains('missing-report-printing')).toBe(false);
    vi.unstubAllGlobals();
  });
});
