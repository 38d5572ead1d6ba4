import { type ProfileDocument, partnerEditionFigures } from '@lantern/domain';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { type FakeAnswer, fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { profileDocument, profileFigures } from '../test/profile-fixtures.ts';
import { ProfilePage } from './profile-page.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const profileId = '3b0d5a3e-7c1f-4f0e-9a55-0c6f2b7d9e10';
const analyst = { ...testUser(['police_analyst']), id: '11111111-1111-4111-8111-111111111111' };
const reviewer = { ...testUser(['police_analyst']), id: '22222222-2222-4222-8222-222222222222' };

function getAnswer(document: Partial<ProfileDocument> = {}, meta: Record<string, unknown> = {}) {
  return (input: unknown): FakeAnswer => {
    const { edition = 'full' } = input as { edition?: 'full' | 'partner' };
    return {
      data: {
        id: profileId,
        version: 1,
        revision: 3,
        status: document.status ?? 'draft',
        latestVersion: 1,
        versions: [
          { version: 1, status: document.status ?? 'draft', updatedAt: '2026-12-04T09:00:00Z', approvedAt: null },
        ],
        authorId: analyst.id,
        authorName: 'Demo Police Analyst',
        submittedByName: null,
        submittedAt: null,
        reviewerName: null,
        approvedAt: null,
        returnedReason: null,
        createdAt: '2026-12-04T08:00:00Z',
        updatedAt: '2026-12-04T09:00:00Z',
        previousFigures: null,
        changesSinceLastVersion: {},
        document: partnerOrFull(profileDocument({ ...document, edition })),
        ...meta,
      },
    };
  };
}

/** The document as the API serves it: the partner edition's figures suppressed as the domain rules say. */
function partnerOrFull(document: ProfileDocument): ProfileDocument {
  return document.edition === 'partner' ? { ...document, figures: partnerEditionFigures(document.figures) } : document;
}

function renderPage(answers: Record<string, (input: unknown) => FakeAnswer>, user = analyst) {
  const api = fakeApi({ 'profiles.get': getAnswer(), ...answers });
  renderWithApi(<ProfilePage user={user} params={{ id: profileId }} />, api);
  return api;
}

// The whole document re-renders as the analyst types: on a shared 2-core machine 5 s is too tight.
describe('ProfilePage', { timeout: 20_000 }, () => {
  it('shows the terms of reference, the status and edition, and the nine sections in order', async () => {
    renderPage({});
    await screen.findByRole('heading', { level: 1, name: 'CSE in Mansfield' });
    const terms = screen.getByRole('region', { name: 'Terms of reference' });
    expect(within(terms).getByText('1 Dec 2025 to 30 Nov 2026')).toBeTruthy();
    expect(within(terms).getByText('1 Dec 2024 to 30 Nov 2025')).toBeTruthy();
    expect(within(terms).getByText('4 Jun 2027')).toBeTruthy();
    expect(within(terms).getByText('Mansfield')).toBeTruthy();
    const state = screen.getByText('Draft').closest('p');
    expect(state?.textContent).toBe('Draft · Version 1 · Full edition');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual([
      'Terms of reference',
      '1. Summary of key findings',
      '2. Scale and trend',
      '3. Victims',
      '4. Offenders and networks',
      '5. Locations',
      '6. Time',
      '7. Methods and disruption',
      '8. Intelligence picture and gaps',
      '9. Recommendations',
    ]);
  });

  it('gives each figure its value, comparison, change and caution, and tells "no data" from 0', async () => {
    renderPage({});
    const figures = await screen.findByRole('list', { name: 'Scale and trend: figures' });
    const card = (key: string) => figures.querySelector(`[data-figure="${key}"]`)?.textContent ?? '';
    expect(card('scale.children_identified')).toContain('42');
    expect(card('scale.children_identified')).toContain('Comparison period: 35 · change +7 (+20%)');
    expect(card('scale.missing_episodes')).toContain('small numbers: read the change with care');
    expect(card('scale.crimes')).toContain('no data');
    expect(card('scale.referrals')).toMatch(/Referrals0Comparison/);
    const victims = screen.getByRole('table', { name: 'Victims by sex' });
    expect(
      within(victims)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Children']);
    expect(within(victims).getByRole('row', { name: /^Not recorded/ }).textContent).toBe('Not recordedno data');
  });

  it('draws the monthly trend with the month under way hollow and labelled "so far"', async () => {
    renderPage({});
    const chart = await screen.findByTestId('chart-scale.monthly');
    const partial = chart.querySelector('[data-partial="true"]');
    expect(partial?.getAttribute('data-month')).toBe('2026-12');
    expect(partial?.querySelector('rect')?.getAttribute('class')).toContain('profile-chart__bar--partial');
    expect(partial?.textContent).toContain('so far');
    expect(chart.querySelectorAll('[data-partial="true"]')).toHaveLength(1);
    expect(screen.getByTestId('chart-time.grid').querySelectorAll('rect')).toHaveLength(7 * 24);
    expect(screen.getByTestId('map-locations.map').textContent).toContain('Market Place (hot spot, 5)');
    expect(screen.getByTestId('chart-victims.age_bars').querySelector('[data-bar="10 to 12"]')?.textContent).toBe(
      '10 to 123',
    );
  });

  it('inserts a figure into the summary by reference and saves the writing with the revision read', async () => {
    let saved = false;
    const api = renderPage({
      // After the save the profile reads back at its new revision, as the API answers.
      'profiles.get': (input) => {
        const answer = getAnswer()(input);
        return saved && 'data' in answer ? { data: { ...(answer.data as object), revision: 4 } } : answer;
      },
      'profiles.saveWriting': () => {
        saved = true;
        return { data: { id: profileId, version: 1, revision: 4, status: 'draft' } };
      },
    });
    const user = userEvent.setup({ delay: null });
    const summary = await screen.findByLabelText('Key findings, in your words');
    await user.click(summary);
    await user.paste('Children identified: ');
    await user.selectOptions(screen.getByLabelText('Figure'), 'scale.children_identified');
    await user.click(screen.getByRole('button', { name: 'Insert figure' }));
    expect((summary as HTMLTextAreaElement).value).toBe('Children identified: {{scale.children_identified}}');
    const preview = document.querySelector('[data-section="summary"] .profile-assessment__preview');
    expect(preview?.textContent).toBe('As it reads:Children identified: 42');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // The save, then the profile read back at its new revision: "Saved." outlives the fresh view.
    await vi.waitFor(() => expect(api.requests.filter((request) => request.path === 'profiles.get')).toHaveLength(2), {
      timeout: 5000,
    });
    expect(await screen.findByText('Saved.', {}, { timeout: 5000 })).toBeTruthy();
    const request = api.requests.find((each) => each.path === 'profiles.saveWriting');
    expect(request?.input).toEqual({
      id: profileId,
      version: 1,
      revision: 3,
      writing: { assessments: { summary: 'Children identified: {{scale.children_identified}}' }, recommendations: [] },
    });
  });

  it('says in plain words when someone else saved the profile first', async () => {
    renderPage({
      'profiles.saveWriting': () => ({
        error: { message: 'revision: the profile changed since it was read', code: 'CONFLICT', httpStatus: 409 },
      }),
    });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByLabelText('Assessment: Victims'));
    await user.paste('Mostly girls.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const conflict = await screen.findByTestId('profile-conflict');
    expect(conflict.textContent).toContain('Someone else changed this profile after you opened it');
    expect(within(conflict).getByRole('button', { name: 'Reload the profile' })).toBeTruthy();
  });

  it('writes recommendations under a strand with an owner', async () => {
    const api = renderPage({ 'profiles.saveWriting': () => ({ data: { id: profileId, version: 1, revision: 4 } }) });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Add a recommendation' }));
    const row = screen.getByRole('group', { name: 'Recommendation 1' });
    await user.selectOptions(within(row).getByLabelText('Strand'), 'protect');
    await user.click(within(row).getByLabelText('Recommendation'));
    await user.paste('Target hardening at the bus station');
    await user.click(within(row).getByLabelText('Owner'));
    await user.paste('Mansfield CSP');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    const saved = api.requests.find((request) => request.path === 'profiles.saveWriting')?.input as {
      writing: ProfileDocument['writing'];
    };
    expect(saved.writing.recommendations).toEqual([
      {
        strand: 'protect',
        text: 'Target hardening at the bus station',
        owner: 'Mansfield CSP',
        disruptionActionId: null,
      },
    ]);
  });

  it('lists the records behind a figure when it is clicked', async () => {
    const api = renderPage({
      'profiles.figureRecords': () => ({
        data: {
          records: [
            { id: 'c1', kind: 'child', label: 'Child C-7K3Q9P', on: '2026-03-02', href: '/people/c1' },
            { id: 'c2', kind: 'child', label: 'Child C-2M8T4R', on: null, href: null },
          ],
          total: 42,
        },
      }),
    });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: /^Children identified: 42\. Show the records/ }));
    const panel = await screen.findByRole('dialog', { name: 'Records behind: Children identified' });
    await within(panel).findByText('Child C-7K3Q9P');
    expect(panel.textContent).toContain('2 Mar 2026');
    expect(panel.textContent).toContain('The first 2 of 42 records.');
    expect(api.requests.find((request) => request.path === 'profiles.figureRecords')?.input).toEqual({
      id: profileId,
      version: 1,
      key: 'scale.children_identified',
    });
    await user.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('previews the partner version: small counts as "<5", asked of the API as the partner edition', async () => {
    const api = renderPage({});
    const user = userEvent.setup({ delay: null });
    await screen.findByRole('heading', { level: 1, name: 'CSE in Mansfield' });
    await user.click(screen.getByRole('checkbox', { name: 'Partner version' }));
    await screen.findByText(/Partner edition: no child is named/);
    expect(api.requests.filter((request) => request.path === 'profiles.get').at(-1)?.input).toEqual({
      id: profileId,
      edition: 'partner',
    });
    const figures = screen.getByRole('list', { name: 'Scale and trend: figures' });
    expect(figures.querySelector('[data-figure="scale.missing_episodes"]')?.textContent).toMatch(/Missing episodes<5/);
    const victims = screen.getByRole('table', { name: 'Victims by sex' });
    expect(within(victims).getByRole('row', { name: /^Male/ }).textContent).toBe('Male<5');
    const ages = screen.getByTestId('chart-victims.age_bars');
    expect(ages.querySelector('[data-bar="10 to 12"]')?.textContent).toBe('10 to 12<5');
    expect(ages.querySelector('[data-bar="13 to 15"]')?.textContent).toBe('13 to 1516');
    // A map's weights may count children: small ones too read "<5".
    expect(screen.getByTestId('map-locations.map').textContent).toContain('Bus station (place of concern, <5)');
    // The table naming associates is not in the partner edition.
    expect(screen.queryByRole('table', { name: 'Associates by centrality' })).toBeNull();
    expect(document.body.textContent).not.toContain('Jordan Example');
    // Nothing is editable in the partner edition.
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('sends a saved draft for review', async () => {
    const api = renderPage({ 'profiles.submit': () => ({ data: { id: profileId, version: 1, revision: 4 } }) });
    await userEvent.setup({ delay: null }).click(await screen.findByRole('button', { name: 'Send for review' }));
    await screen.findByText('Sent for review.');
    expect(api.requests.find((request) => request.path === 'profiles.submit')?.input).toEqual({
      id: profileId,
      version: 1,
      revision: 3,
    });
  });

  it('offers Approve to a second analyst, and not to the author', async () => {
    const forReview = getAnswer({ status: 'for_review' });
    renderPage({ 'profiles.get': forReview }, analyst);
    await screen.findByText('For review');
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Return to draft' })).toBeTruthy();
    cleanup();
    const api = renderPage(
      { 'profiles.get': forReview, 'profiles.approve': () => ({ data: { id: profileId, version: 1, revision: 5 } }) },
      reviewer,
    );
    await userEvent.setup({ delay: null }).click(await screen.findByRole('button', { name: 'Approve' }));
    await screen.findByText('Approved.');
    expect(api.requests.find((request) => request.path === 'profiles.approve')?.input).toEqual({
      id: profileId,
      version: 1,
      revision: 3,
    });
  });

  it('shows an approved version as read, figures in the summary as their values, with New version', async () => {
    renderPage({
      'profiles.get': getAnswer(
        {
          status: 'approved',
          writing: {
            assessments: { summary: 'We identified {{scale.children_identified}} children.' },
            recommendations: [
              { strand: 'prevent', text: 'Schools work', owner: 'Education', disruptionActionId: null },
            ],
          },
        },
        { reviewerName: 'Demo Reviewer', approvedAt: '2026-12-04T10:00:00Z' },
      ),
    });
    await screen.findByText('We identified', { exact: false });
    expect(screen.getByText('We identified', { exact: false }).textContent).toBe('We identified 42 children.');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('region', { name: 'Prevent' }).textContent).toContain('Schools work Owner: Education.');
    expect(screen.getByText('Demo Reviewer on 4 Dec 2026')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New version' })).toBeTruthy();
  });

  it('says what changed since the figures last stored', async () => {
    const before = profileFigures();
    const scale = before.sections.find((section) => section.key === 'scale');
    const figures = scale?.figures.map((figure) =>
      figure.key === 'scale.children_identified' ? { ...figure, value: 39 } : figure,
    );
    const previousFigures = {
      ...before,
      sections: before.sections.map((section) =>
        section.key === 'scale' ? { ...section, figures: figures ?? [] } : section,
      ),
    };
    renderPage({ 'profiles.get': getAnswer({}, { previousFigures }) });
    const list = await screen.findByRole('list', { name: 'Scale and trend: figures' });
    expect(list.querySelector('[data-figure="scale.children_identified"]')?.textContent).toContain(
      'Since the last version: was 39',
    );
    expect(list.querySelector('[data-figure="scale.missing_episodes"]')?.textContent).not.toContain('Since the last');
  });

  it('downloads the DOCX the API renders', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:profile');
    // jsdom has no blob URLs: stand one in for this test. (The revoke, ten seconds on, stays a no-op.)
    Object.assign(URL, { createObjectURL, revokeObjectURL: () => undefined });
    onTestFinished(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const api = renderPage({
      'profiles.export': () => ({
        data: {
          filename: 'cse-in-mansfield-v1.docx',
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          contentBase64: btoa('PK'),
        },
      }),
    });
    await userEvent.setup({ delay: null }).click(await screen.findByRole('button', { name: 'Download DOCX' }));
    await vi.waitFor(() => expect(click).toHaveBeenCalledOnce());
    expect(api.requests.find((request) => request.path === 'profiles.export')?.input).toEqual({
      id: profileId,
      version: 1,
      edition: 'full',
      format: 'docx',
    });
    const blob = createObjectURL.mock.calls[0]?.[0];
    expect(blob?.size).toBe(2);
  });

  it('shows a slow DOCX download working after a second, and Cancel aborts it and says "Cancelled"', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:profile');
    Object.assign(URL, { createObjectURL, revokeObjectURL: () => undefined });
    onTestFinished(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const exported = {
      filename: 'cse-in-mansfield-v1.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      contentBase64: btoa('PK'),
    };
    let exports = 0;
    const api = fakeApi({
      'profiles.get': getAnswer(),
      // The first export never finishes on its own; the second answers at once.
      'profiles.export': () => (++exports === 1 ? new Promise<FakeAnswer>(() => undefined) : { data: exported }),
    });
    const signals: (AbortSignal | null | undefined)[] = [];
    const watched = {
      ...api,
      fetch: ((url, init) => {
        if (String(url).includes('profiles.export')) signals.push(init?.signal);
        return api.fetch(url, init);
      }) as typeof fetch,
    };
    renderWithApi(<ProfilePage user={analyst} params={{ id: profileId }} />, watched);
    const button = await screen.findByRole('button', { name: 'Download DOCX' });
    vi.useFakeTimers();
    fireEvent.click(button);
    await act(() => vi.advanceTimersByTimeAsync(10));
    const status = screen.getByText('Preparing the DOCX…').closest('[role="status"]');
    expect(status?.getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(status?.textContent).toBe('Preparing the DOCX…Working… 1 s Cancel');
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(signals[0]?.aborted).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Cancelled. Run again');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(click).not.toHaveBeenCalled();
    // The tools are usable again, and "Run again" downloads the file.
    expect((screen.getByRole('button', { name: 'Download DOCX' }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(click).toHaveBeenCalledOnce();
    expect(api.requests.filter((request) => request.path === 'profiles.export')).toHaveLength(2);
    expect(screen.queryByText(/^Cancelled\./)).toBeNull();
  });

  it('records the print with the API, then opens the print dialogue', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const api = renderPage({ 'profiles.recordPrint': () => ({ data: { ok: true } }) });
    await userEvent.setup({ delay: null }).click(await screen.findByRole('button', { name: 'Print' }));
    await vi.waitFor(() => expect(print).toHaveBeenCalledOnce());
    expect(api.requests.map((request) => request.path)).toContain('profiles.recordPrint');
  });

  it('shows a partner only the partner edition, without the editing tools', async () => {
    const officer = testUser(['district_officer']);
    const api = renderPage({ 'profiles.get': getAnswer({ status: 'approved' }) }, officer);
    await screen.findByText(/Partner edition: no child is named/);
    expect(api.requests.find((request) => request.path === 'profiles.get')?.input).toEqual({
      id: profileId,
      edition: 'partner',
    });
    expect(screen.queryByRole('checkbox', { name: 'Partner version' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New version' })).toBeNull();
  });

  it('shows the communities and the effect around targeted places, small counts "<5" for partners', async () => {
    const base = profileFigures();
    const query = { name: 'offenders.communities', params: {} };
    const figures = {
      ...base,
      sections: base.sections.map((section) => {
        if (section.key === 'offenders') {
          return {
            ...section,
            tables: [
              ...section.tables,
              {
                key: 'offenders.community_groups',
                title: 'Communities (groups of linked people), largest first',
                columns: ['Children', 'Associates'],
                rows: [
                  { key: 'group-1', label: 'Group 1', cells: [7, 5] },
                  { key: 'group-2', label: 'Group 2', cells: [2, 1] },
                ],
                countsPeople: true,
                query,
              },
            ],
          };
        }
        if (section.key !== 'methods') return section;
        return {
          ...section,
          tables: [
            {
              key: 'methods.effect',
              title: 'Effect around targeted places',
              columns: [
                'Tactic',
                'Crime before',
                'Crime after',
                'Intelligence before',
                'Intelligence after',
                'Caution',
              ],
              rows: [{ key: 'a1', label: 'Stop on Park Road', cells: ['Closure order', 1, 2, 0, 1, 'Within 200 m.'] }],
              countsPeople: false,
              query,
            },
            {
              key: 'methods.effect_missing_found',
              title: 'Missing children found around targeted places',
              columns: ['Tactic', 'Found before', 'Found after'],
              rows: [{ key: 'a1', label: 'Stop on Park Road', cells: ['Closure order', 0, 3] }],
              countsPeople: true,
              query,
            },
          ],
        };
      }),
    };
    renderPage({ 'profiles.get': getAnswer({ figures }) });
    const user = userEvent.setup({ delay: null });
    const groups = await screen.findByRole('table', { name: 'Communities (groups of linked people), largest first' });
    expect(within(groups).getByRole('row', { name: /^Group 2/ }).textContent).toBe('Group 221');
    const effect = screen.getByRole('table', { name: 'Effect around targeted places' });
    expect(within(effect).getByRole('row', { name: /^Stop on Park Road/ }).textContent).toBe(
      'Stop on Park RoadClosure order1201Within 200 m.',
    );
    const found = screen.getByRole('table', { name: 'Missing children found around targeted places' });
    expect(within(found).getByRole('row', { name: /^Stop on Park Road/ }).textContent).toBe(
      'Stop on Park RoadClosure order03',
    );
    await user.click(screen.getByRole('checkbox', { name: 'Partner version' }));
    await screen.findByText(/Partner edition: no child is named/);
    const partnerGroups = screen.getByRole('table', { name: 'Communities (groups of linked people), largest first' });
    expect(within(partnerGroups).getByRole('row', { name: /^Group 1/ }).textContent).toBe('Group 175');
    expect(within(partnerGroups).getByRole('row', { name: /^Group 2/ }).textContent).toBe('Group 2<5<5');
    const partnerEffect = screen.getByRole('table', { name: 'Effect around targeted places' });
    expect(within(partnerEffect).getByRole('row', { name: /^Stop on Park Road/ }).textContent).toBe(
      'Stop on Park RoadClosure order1201Within 200 m.',
    );
    const partnerFound = screen.getByRole('table', { name: 'Missing children found around targeted places' });
    expect(within(partnerFound).getByRole('row', { name: /^Stop on Park Road/ }).textContent).toBe(
      'Stop on Park RoadClosure order0<5',
    );
  });
});
