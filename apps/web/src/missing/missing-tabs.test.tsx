import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { fullChild, testUser } from '../test/fixtures.ts';
import { MissingPage } from './missing-page.tsx';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const mansfield = 'E07000174';
const ashfield = 'E07000170';

function interview(ref: string, district: string, service: string, state: 'overdue' | 'due_soon') {
  return {
    episodeId: crypto.randomUUID(),
    episodeRef: ref,
    child: { ...fullChild, id: crypto.randomUUID(), homeDistrictCode: district },
    service,
    returnedAt: '2026-11-20T09:00:00.000Z',
    dueAt: '2026-11-23T09:00:00.000Z',
    state,
    offeredAt: null,
  };
}

/** Seventy overdue interviews of two districts and two services: a day the page has to cope with. */
const overdue = Array.from({ length: 70 }, (_, i) =>
  interview(
    `MIS-2026-${String(i).padStart(8, '0')}`,
    i % 2 ? mansfield : ashfield,
    i % 3 ? 'childrens_social_care' : 'family_service',
    'overdue',
  ),
);

const api = () =>
  fakeApi({
    'districts.list': () => ({
      data: {
        districts: [mansfield, ashfield].map((code) => ({
          code,
          name: code === mansfield ? 'Mansfield' : 'Ashfield',
          kind: 'district',
          counts: { places: 0, intelligenceReports: 0, missingEpisodes: 0, flaggedChildren: 0 },
        })),
      },
    }),
    'missing.interviewsDue': () => ({
      data: {
        asOf: '2026-11-22T09:00:00.000Z',
        services: ['childrens_social_care', 'family_service', 'adoption_service', 'other_local_authority'].map(
          (service) => ({ service, dueSoon: [], overdue: overdue.filter((item) => item.service === service) }),
        ),
      },
    }),
    'missing.meetingsNeeded': () => ({ data: { asOf: '2026-11-22T09:00:00.000Z', meetings: [] } }),
    'missing.listEpisodes': () => ({ data: { episodes: [] } }),
    'missing.multipleMissing': () => ({ data: { children: [] } }),
    'missing.quarterlyFigures': () => ({ data: null }),
  });

describe('the missing children page', () => {
  it('puts each job in a tab with its count, and narrows the interviews by district and service', async () => {
    const user = userEvent.setup();
    const fake = api();
    renderWithApi(
      <MissingPage user={{ ...testUser(['missing_coordinator']), districtCodes: [mansfield, ashfield] }} params={{}} />,
      fake,
    );
    const tabText = (name: string) =>
      screen.getAllByRole('tab').find((tab) => tab.textContent?.startsWith(name))?.textContent;
    await waitFor(() => expect(tabText('Interviews due')).toBe('Interviews due (70)'), { timeout: 10_000 });
    const interviews = screen.getByRole('tab', { name: /^Interviews due/ });
    expect(screen.getByRole('tab', { name: /^Still missing/ }).getAttribute('aria-selected')).toBe('true');
    await user.click(interviews);
    expect(interviews.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('heading', { name: /^Children’s Social Care \(46\)/ })).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Service'), 'family_service');
    await waitFor(() => expect(tabText('Interviews due')).toBe('Interviews due (24)'));
    expect(screen.queryByRole('heading', { name: /^Children’s Social Care/ })).toBeNull();

    await user.selectOptions(screen.getByLabelText('District'), mansfield);
    await waitFor(() => expect(tabText('Interviews due')).toBe('Interviews due (12)'));
    expect(window.location.search).toContain('district=E07000174');
  });
});
