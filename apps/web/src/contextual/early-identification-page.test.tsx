import type { EarlyIdentification } from '@lantern/domain';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { fullChild, testUser } from '../test/fixtures.ts';
import { EarlyIdentificationPage } from './early-identification-page.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const reportId = '3b7e1a52-5a0e-4f83-9d6c-7c1d1f2e0b11';
const interviewId = '4c8f2b63-6b1f-4094-8e7d-8d2e2a3f1c22';

const answer: EarlyIdentification = {
  asOf: '2026-12-04',
  since: '2025-12-04',
  minimumSignals: 2,
  entries: [
    {
      person: fullChild as EarlyIdentification['entries'][number]['person'],
      signals: [
        {
          kind: 'named_in_intelligence',
          label: 'Named in intelligence',
          records: [
            {
              type: 'intelligence_report',
              id: reportId,
              reference: 'INT-0042',
              date: '2026-11-20T19:00:00.000Z',
              description: 'Named in a cse intelligence report',
            },
          ],
        },
        {
          kind: 'rhi_disclosure',
          label: 'Disclosure at a return home interview',
          records: [
            {
              type: 'return_home_interview',
              id: interviewId,
              reference: 'ME-123',
              date: '2026-11-25T10:00:00.000Z',
              description: 'Return home interview after ME-123: disclosed sexual exploitation',
            },
          ],
        },
      ],
    },
  ],
  more: 0,
  representation: { listed: { F: 1, M: 0, X: 0, U: 0 }, allChildren: { F: 40, M: 60, X: 0, U: 2 } },
};

describe('EarlyIdentificationPage', () => {
  it('lists each child with every signal and the records behind it, linked, and no score', async () => {
    const api = fakeApi({ 'contextual.earlyIdentification': () => ({ data: answer }) });
    renderWithApi(<EarlyIdentificationPage user={testUser(['missing_coordinator'])} params={{}} />, api);
    const entry = await screen.findByTestId('early-entry');
    expect(
      within(entry)
        .getByRole('link', { name: /Robin Ashdown/ })
        .getAttribute('href'),
    ).toBe(`/people/${fullChild.id}`);
    const intelligence = within(entry).getByRole('region', { name: 'Named in intelligence' });
    expect(within(intelligence).getByRole('link', { name: 'INT-0042' }).getAttribute('href')).toBe(
      `/intelligence/${reportId}`,
    );
    expect(within(entry).getByRole('region', { name: 'Disclosure at a return home interview' }).textContent).toContain(
      'disclosed sexual exploitation',
    );
    expect(document.body.textContent).not.toMatch(/score/i);
  });

  it('sets how girls and boys are listed beside all children', async () => {
    const api = fakeApi({ 'contextual.earlyIdentification': () => ({ data: answer }) });
    renderWithApi(<EarlyIdentificationPage user={testUser(['police_analyst'])} params={{}} />, api);
    const table = await screen.findByRole('table', { name: 'Who is on the list' });
    const boys = within(table).getByRole('rowheader', { name: 'boys' }).closest('tr');
    expect(boys?.textContent).toBe('boys0 (0%)60 (59%)');
  });
});
