import type { FullPerson } from '@lantern/domain';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { PossibleDuplicates } from './possible-duplicates.tsx';

afterEach(cleanup);

const full = (id: string, givenName: string, familyName: string, dateOfBirth: string, version = 1): FullPerson => ({
  view: 'full',
  id,
  kind: 'child',
  pseudonymRef: `C-${givenName.toUpperCase().slice(0, 4)}`,
  givenName,
  familyName,
  aliases: [],
  dateOfBirth,
  sex: 'M',
  careStatus: 'home',
  responsibleAuthority: null,
  homeDistrictCode: 'E07000174',
  cseRisk: 'none',
  cseFlaggedAt: null,
  cceRisk: 'none',
  cceFlaggedAt: null,
  version,
});

const kyle = full('11111111-1111-4111-8111-111111111111', 'Kyle', 'Smith', '2008-04-03', 4);
const kyleSmyth = full('22222222-2222-4222-8222-222222222222', 'Kyle', 'Smyth', '2008-03-04', 2);

const withCandidate = {
  person: kyle,
  threshold: 0.75,
  candidates: [
    {
      person: kyleSmyth,
      score: 0.88,
      reasons: [
        { kind: 'sounds_alike', detail: 'family names sound alike: Smith / Smyth' },
        { kind: 'day_month_swapped', detail: 'dates of birth with day and month swapped: 3 Apr 2008 / 4 Mar 2008' },
      ],
    },
  ],
  mergedInto: null,
  mergedFrom: [],
};

describe('PossibleDuplicates', () => {
  it('lists each candidate with its score and reasons', async () => {
    const api = fakeApi({ 'people.duplicates': () => ({ data: withCandidate }) });
    renderWithApi(<PossibleDuplicates person={kyle} mayMerge={false} />, api);

    const item = await screen.findByTestId('duplicate-candidate');
    expect(item.textContent).toContain('Kyle Smyth');
    expect(item.textContent).toContain('score 88%');
    expect(screen.getByText('family names sound alike: Smith / Smyth')).toBeTruthy();
    expect(screen.getByText(/day and month swapped/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Merge/ })).toBeNull();
  });

  it('merges only after a reason and a confirmation, sending both versions', async () => {
    const api = fakeApi({
      'people.duplicates': () => ({ data: withCandidate }),
      'people.merge': () => ({
        data: {
          merge: {
            id: '33333333-3333-4333-8333-333333333333',
            survivorId: kyle.id,
            mergedId: kyleSmyth.id,
            reason: 'Same boy',
            mergedAt: '2026-12-04T10:00:00.000Z',
            mergedBy: 'Demo Analyst',
            moved: {},
          },
          survivor: kyle,
          merged: { ...kyleSmyth, version: 3 },
        },
      }),
    });
    const user = userEvent.setup();
    renderWithApi(<PossibleDuplicates person={kyle} mayMerge />, api);

    await user.click(await screen.findByRole('button', { name: 'Merge into this record…' }));
    const merge = screen.getByRole('button', { name: 'Merge' }) as HTMLButtonElement;
    expect(merge.disabled).toBe(true);
    await user.type(screen.getByLabelText(/Why these are one person/), 'Same boy');
    expect(merge.disabled).toBe(true);
    await user.click(screen.getByLabelText(/same person/));
    expect(merge.disabled).toBe(false);
    await user.click(merge);

    await waitFor(() => expect(api.requests.some((request) => request.path === 'people.merge')).toBe(true));
    const request = api.requests.find((recorded) => recorded.path === 'people.merge');
    expect(request?.input).toEqual({
      survivorId: kyle.id,
      survivorVersion: 4,
      mergedId: kyleSmyth.id,
      mergedVersion: 2,
      reason: 'Same boy',
    });
  });

  it('shows a merged-away record with what it was merged into, and offers Undo merge', async () => {
    const api = fakeApi({
      'people.duplicates': () => ({
        data: {
          person: { ...kyleSmyth, version: 3 },
          threshold: 0.75,
          candidates: [],
          mergedInto: {
            id: '33333333-3333-4333-8333-333333333333',
            survivorId: kyle.id,
            mergedId: kyleSmyth.id,
            reason: 'Same boy',
            mergedAt: '2026-12-04T10:00:00.000Z',
            mergedBy: 'Demo Analyst',
            moved: { 'missing_episode.person_id': 2 },
            survivor: kyle,
          },
          mergedFrom: [],
        },
      }),
      'people.unmerge': () => ({ data: { restored: kyleSmyth, survivor: kyle } }),
    });
    const user = userEvent.setup();
    renderWithApi(<PossibleDuplicates person={{ ...kyleSmyth, version: 3 }} mayMerge />, api);

    const notice = await screen.findByTestId('merged-into');
    expect(notice.textContent).toContain('merged into');
    expect(notice.textContent).toContain('Kyle Smith');
    expect(notice.textContent).toContain('“Same boy”');
    await user.type(screen.getByLabelText(/Why the merge was wrong/), 'Two different boys');
    await user.click(screen.getByRole('button', { name: 'Undo merge' }));

    await waitFor(() => expect(api.requests.some((request) => request.path === 'people.unmerge')).toBe(true));
    expect(api.requests.find((recorded) => recorded.path === 'people.unmerge')?.input).toEqual({
      mergedId: kyleSmyth.id,
      version: 3,
      reason: 'Two different boys',
    });
  });
});
