import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { fullChild } from '../test/fixtures.ts';
import { InterviewsDue } from './interviews-due.tsx';
import { MeetingsNeeded } from './meetings-needed.tsx';
import { QuarterFigures } from './quarter-figures.tsx';

afterEach(cleanup);

const child = fullChild;
const episodeId = '0b3f9a52-6a55-4b8e-9a0e-1d8a6f1f2c10';

function dueAnswer(state: 'due_soon' | 'overdue') {
  const item = {
    episodeId,
    episodeRef: 'MIS-2026-0A1B2C3D',
    child,
    service: 'family_service',
    returnedAt: '2026-11-20T09:00:00.000Z',
    dueAt: '2026-11-23T09:00:00.000Z',
    state,
    offeredAt: null,
  };
  const services = ['childrens_social_care', 'family_service', 'adoption_service', 'other_local_authority'].map(
    (service) => ({
      service,
      dueSoon: service === 'family_service' && state === 'due_soon' ? [item] : [],
      overdue: service === 'family_service' && state === 'overdue' ? [item] : [],
    }),
  );
  return { data: { asOf: '2026-11-22T09:00:00.000Z', services } };
}

describe('InterviewsDue', () => {
  it('lists an interview due by its service and sends the completed interview with what was disclosed', async () => {
    const api = fakeApi({
      'missing.interviewsDue': () => dueAnswer('due_soon'),
      'missing.getEpisode': () => ({ data: { interview: null } }),
      'missing.recordInterview': () => ({ data: { interview: {}, raisedFlags: ['cse'] } }),
    });
    renderWithApi(<InterviewsDue />, api);
    const family = await screen.findByRole('region', { name: 'Family Service' });
    const due = within(family).getByRole('list', { name: 'Due in the next 24 hours' });
    expect(within(due).getByText(/Robin Ashdown/)).toBeTruthy();
    expect(within(family).queryByRole('list', { name: 'Overdue' })).toBeNull();

    const user = userEvent.setup();
    await user.click(within(family).getByRole('button', { name: 'Complete interview for MIS-2026-0A1B2C3D' }));
    const form = await screen.findByRole('form', { name: 'Complete the interview' });
    await user.click(within(form).getByRole('checkbox', { name: 'Sexual exploitation' }));
    await user.type(within(form).getByLabelText('Pull factors (comma-separated)'), 'older boyfriend, money');
    await user.click(within(form).getByRole('button', { name: 'Complete interview' }));

    await screen.findByRole('button', { name: 'Complete interview for MIS-2026-0A1B2C3D' });
    const sent = api.requests.find((request) => request.path === 'missing.recordInterview')?.input as Record<
      string,
      unknown
    >;
    expect(sent).toMatchObject({
      episodeId,
      disclosed: { sexualExploitation: true, criminalExploitation: false, adultsPosingRisk: false, offending: false },
      pullFactors: ['older boyfriend', 'money'],
      pushFactors: [],
      notes: null,
    });
    expect(sent).not.toHaveProperty('version');
    expect(String(sent.completedAt)).toMatch(/Z$/);
  });

  it('says so when nothing is due', async () => {
    const api = fakeApi({
      'missing.interviewsDue': () => ({
        data: {
          asOf: '2026-11-22T09:00:00.000Z',
          services: [{ service: 'family_service', dueSoon: [], overdue: [] }],
        },
      }),
    });
    renderWithApi(<InterviewsDue />, api);
    expect(await screen.findByText('No interview is due in the next 24 hours or overdue.')).toBeTruthy();
  });
});

function report(notifications: number, completed: number) {
  const service = (required: number, done: number) => ({
    required,
    requiredShare: 0,
    completed: done,
    completedPct: required === 0 ? 0 : Math.round((100 * done) / required),
    completedWithin72h: done,
  });
  return {
    period: { from: '2026-10-01', to: '2026-12-31' },
    notifications,
    individuals: notifications,
    sexRatio: { male: 50, female: 50 },
    ageRange: { p25: 14, p75: 16 },
    fromHome: { individuals: 1, episodes: 1 },
    fromCareCounty: { individuals: 0, episodes: 0 },
    fromCareOtherLA: { individuals: 0, episodes: 0 },
    returnInterviews: {
      required: notifications,
      requiredPct: 100,
      byService: {
        childrens_social_care: service(0, 0),
        family_service: service(notifications, completed),
        adoption_service: service(0, 0),
        other_local_authority: service(0, 0),
      },
    },
    multiAgencyMeetings: { required: 2, requiredPct: 20, held: 1, heldPct: 50 },
  };
}

/** missing.quarterlyFigures answering one quarter per label, the last one still running. */
function quarterlyApi(labels: readonly string[], reportFor: (index: number) => ReturnType<typeof report>) {
  return fakeApi({
    'missing.quarterlyFigures': () => ({
      data: {
        quarters: labels.map((label, index) => ({
          label,
          from: '2026-10-01',
          to: '2026-12-31',
          partial: index === labels.length - 1,
          report: reportFor(index),
        })),
      },
    }),
  });
}

describe('QuarterFigures', () => {
  it('shows the current quarter’s figures and the eight-quarter trend', async () => {
    const labels = [
      '2024/25 Q4',
      '2025/26 Q1',
      '2025/26 Q2',
      '2025/26 Q3',
      '2025/26 Q4',
      '2026/27 Q1',
      '2026/27 Q2',
      '2026/27 Q3',
    ];
    const api = quarterlyApi(labels, (index) => report(10 + index, 5 + index));
    renderWithApi(<QuarterFigures />, api);
    expect(await screen.findByRole('heading', { name: '2026/27 Q3 (so far)' })).toBeTruthy();
    expect(screen.getByTestId('figure-notifications').textContent).toBe('17');
    expect(screen.getByTestId('figure-rhi-completed').textContent).toBe('12');
    const trend = screen.getByRole('img', { name: /^Missing notifications: / });
    // Regression (issue 18): the quarter so far was plotted like a whole one and read as a drop.
    expect(trend.getAttribute('aria-label')).toBe(
      `Missing notifications: ${labels.map((label, index) => `${label} ${10 + index}${index === 7 ? ' so far' : ''}`).join(', ')}`,
    );
    expect(trend.querySelectorAll('circle')).toHaveLength(8);
    expect(trend.querySelectorAll('circle.trend-chart__point--partial')).toHaveLength(1);
    const [solid, dashed] = trend.querySelectorAll('path');
    expect(solid?.getAttribute('d')?.match(/[ML]/g)).toHaveLength(7);
    expect(dashed?.getAttribute('class')).toContain('trend-chart__line--partial');
  });

  it('draws a quarter in which nothing was required as a gap, not a zero rate', async () => {
    const labels = ['2026/27 Q1', '2026/27 Q2', '2026/27 Q3'];
    const api = quarterlyApi(labels, (index) => (index === 1 ? report(0, 0) : report(4, 2)));
    renderWithApi(<QuarterFigures />, api);
    const rates = await screen.findByRole('img', { name: /^Return Home Interviews completed: / });
    expect(rates.getAttribute('aria-label')).toBe(
      'Return Home Interviews completed: 2026/27 Q1 50%, 2026/27 Q2 no data, 2026/27 Q3 50% so far',
    );
    expect(rates.querySelectorAll('circle')).toHaveLength(2);
    // A lone point, no line through the empty quarter, and none (dashed or not) to the quarter so far.
    expect(rates.querySelectorAll('path')).toHaveLength(1);
    expect(rates.querySelector('path')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+$/);
    expect(screen.getByRole('row', { name: /Children’s Social Care/ }).textContent).toContain('—');
  });
});

describe('MeetingsNeeded', () => {
  it('says why a meeting is needed and records it with the trigger, attendees and outcome', async () => {
    const api = fakeApi({
      'missing.meetingsNeeded': () => ({
        data: {
          asOf: '2026-11-22T09:00:00.000Z',
          meetings: [
            {
              episodeId,
              episodeRef: 'MIS-2026-0A1B2C3D',
              child,
              reportedAt: '2026-11-10T09:00:00.000Z',
              returnedAt: null,
              byDuration: true,
              byRepeat: false,
              episodesInWindow: 1,
              triggeredAt: '2026-11-13T09:00:00.000Z',
            },
          ],
        },
      }),
      'missing.recordMeeting': (input) => ({
        data: { id: episodeId, version: 1, heldAt: '2026-11-22T09:00:00.000Z', ...(input as object) },
      }),
    });
    renderWithApi(<MeetingsNeeded />, api);
    const list = await screen.findByRole('list', { name: 'Children needing a meeting' });
    expect(within(list).getByText(/missing longer than the threshold/)).toBeTruthy();

    const user = userEvent.setup();
    await user.click(within(list).getByRole('button', { name: 'Record meeting for MIS-2026-0A1B2C3D' }));
    const form = screen.getByRole('form', { name: 'Record the meeting' });
    await user.type(within(form).getByLabelText(/^Attendees/), 'Police, Children’s Social Care');
    await user.type(within(form).getByLabelText('Outcome'), 'Safety plan agreed');
    await user.click(within(form).getByRole('button', { name: 'Record meeting' }));

    await screen.findByRole('button', { name: 'Record meeting for MIS-2026-0A1B2C3D' });
    const sent = api.requests.find((request) => request.path === 'missing.recordMeeting')?.input;
    expect(sent).toMatchObject({
      episodeId,
      trigger: 'duration',
      attendees: ['Police', 'Children’s Social Care'],
      outcome: 'Safety plan agreed',
    });
  });
});
