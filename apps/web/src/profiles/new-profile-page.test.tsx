import { londonDate } from '@lantern/domain';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { testUser } from '../test/fixtures.ts';
import { NewProfilePage } from './new-profile-page.tsx';
import { comparisonFor, lastCompleteYear, lastTwelveCompleteMonths } from './profile-periods.ts';

afterEach(cleanup);

const analyst = testUser(['police_analyst']);
const createdId = '3b0d5a3e-7c1f-4f0e-9a55-0c6f2b7d9e10';

function value(label: string): string {
  return (screen.getByLabelText(label) as HTMLInputElement).value;
}

describe('NewProfilePage', () => {
  it('starts with the last twelve complete months, the twelve before to compare, and OFFICIAL-SENSITIVE', () => {
    renderWithApi(<NewProfilePage user={analyst} params={{}} />, fakeApi({}));
    const period = lastTwelveCompleteMonths(londonDate());
    const comparison = comparisonFor(period);
    expect([value('From'), value('To')]).toEqual([period.from, period.to]);
    expect([value('Comparison from'), value('Comparison to')]).toEqual([comparison?.from, comparison?.to]);
    expect(value('Handling marking')).toBe('OFFICIAL-SENSITIVE');
    expect(value('Preset')).toBe('last12');
    // The analyst's only district is ticked.
    expect((screen.getByRole('checkbox', { name: 'Mansfield' }) as HTMLInputElement).checked).toBe(true);
  });

  it('moves the comparison period with a preset', async () => {
    renderWithApi(<NewProfilePage user={analyst} params={{}} />, fakeApi({}));
    await userEvent.setup().selectOptions(screen.getByLabelText('Preset'), 'lastYear');
    const year = lastCompleteYear(londonDate());
    expect([value('From'), value('To')]).toEqual([year.from, year.to]);
    expect(value('Comparison from')).toBe(`${Number(year.from.slice(0, 4)) - 1}-01-01`);
  });

  it('names the fields left empty, without asking the API', async () => {
    const api = fakeApi({});
    renderWithApi(<NewProfilePage user={analyst} params={{}} />, api);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Build the profile' }));
    expect(await screen.findByText('Title must not be empty')).toBeTruthy();
    expect(screen.getByText('Requested by must not be empty')).toBeTruthy();
    expect(screen.getByText('Purpose must not be empty')).toBeTruthy();
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
    expect(api.requests).toEqual([]);
  });

  it('builds the profile with the terms written and shows the API’s refusal beside its field', async () => {
    const answers = [
      {
        error: {
          message: 'terms.reviewDate: must not be before the period ends',
          code: 'BAD_REQUEST',
          httpStatus: 400,
        },
      },
      { data: { id: createdId, version: 1 } },
    ] as const;
    let call = 0;
    const api = fakeApi({ 'profiles.create': () => answers[call++] ?? answers[1] });
    renderWithApi(<NewProfilePage user={analyst} params={{}} />, api);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Title'));
    await user.paste('CSE in Mansfield');
    await user.click(screen.getByLabelText('Requested by'));
    await user.paste('Det Supt Example');
    await user.click(screen.getByLabelText('Purpose'));
    await user.paste('To inform the CSE strategy.');
    await user.click(screen.getByRole('button', { name: 'Build the profile' }));
    expect(await screen.findByText('Review date must not be before the period ends')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Build the profile' }));
    await vi.waitFor(() => expect(window.location.pathname).toBe(`/profiles/${createdId}`));
    const period = lastTwelveCompleteMonths(londonDate());
    expect(api.requests.at(-1)?.input).toEqual({
      terms: expect.objectContaining({
        title: 'CSE in Mansfield',
        scope: 'cse',
        districtCodes: ['E07000174'],
        from: period.from,
        to: period.to,
        requester: 'Det Supt Example',
        purpose: 'To inform the CSE strategy.',
        marking: 'OFFICIAL-SENSITIVE',
        subjectId: null,
      }),
    });
  });
});
