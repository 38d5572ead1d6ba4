import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  browserSession,
  demoPassword,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from './support/browser.ts';

/**
 * The missing children coordinator's day: record a child reported missing and their return, see
 * the Return Home Interview come due, complete it, and watch the quarter's figures move.
 */
const HOUR_MS = 3_600_000;
/** The figures are recomputed after each change; on the embedded database that takes a moment. */
const settle = { timeout: 30_000, interval: 250 };

const { open } = browserSession();

interface FoundPerson {
  person: { id: string; view: string; givenName?: string; familyName?: string; pseudonymRef: string };
}

/** A `datetime-local` value for an instant, in the page's own time zone. */
function localInput(page: Page, instant: number): Promise<string> {
  return page.evaluate((ms) => {
    const at = new Date(ms);
    return new Date(ms - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  }, instant);
}

async function figure(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).textContent();
  return Number(text);
}

describe('the missing children coordinator', () => {
  it('records an episode and its return, completes the interview that falls due, and the figures change', async () => {
    const { page, context, problems } = await open();
    await signIn(page, 'coordinator@lantern.test', demoPassword);
    await page.getByRole('link', { name: 'Missing' }).click();
    await page.getByRole('heading', { name: 'Missing children', level: 1 }).waitFor();
    // One tab per job, each with its count, so nothing sits thousands of pixels down the page.
    const tab = (name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
    const countIn = async (name: string) =>
      Number(/\((\d[\d,]*)\)/.exec((await tab(name).textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? NaN);
    await expect.poll(() => countIn('Still missing'), settle).not.toBeNaN();
    const missingBefore = await countIn('Still missing');
    await tab('This quarter’s figures').click();
    await page.getByTestId('figure-notifications').waitFor();
    const notificationsBefore = await figure(page, 'figure-notifications');
    const completedBefore = await figure(page, 'figure-rhi-completed');
    await tab('Still missing').click();

    // A child of Mansfield, found the way the coordinator would: by name.
    const { people } = await apiQuery<{ people: FoundPerson[] }>(page, 'people.search', {
      districtCode: 'E07000174',
      kind: 'child',
      limit: 1,
    });
    const child = people[0]?.person;
    if (!child?.givenName || !child.familyName) throw new Error('the seed has no child in Mansfield to record');
    const form = page.getByRole('form', { name: 'Record a child reported missing' });
    await form.getByLabel('Child’s name').fill(`${child.givenName} ${child.familyName}`);
    const match = form.getByRole('listitem').filter({ hasText: child.pseudonymRef });
    await match.getByRole('button', { name: 'Choose' }).click();
    await form.getByLabel('Police risk').selectOption('high');
    await form.getByLabel('Reported at').fill(await localInput(page, Date.now() - 60 * HOUR_MS));
    await form.getByRole('button', { name: 'Record episode' }).click();
    const recorded = await form.getByRole('status').filter({ hasText: 'Recorded episode' }).textContent();
    const episodeRef = /MIS-\d{4}-[0-9A-F]{8}/.exec(recorded ?? '')?.[0];
    if (!episodeRef) throw new Error(`no episode reference in “${recorded}”`);
    await expect.poll(() => countIn('Still missing'), settle).toBe(missingBefore + 1);

    // The return: 50 hours ago, so the interview is due within the next 24 hours.
    await page.getByRole('button', { name: `Record return of ${episodeRef}` }).click();
    const returnForm = page.getByRole('form', { name: `Return of ${episodeRef}` });
    await returnForm.getByLabel('Returned at').fill(await localInput(page, Date.now() - 50 * HOUR_MS));
    await returnForm.getByLabel('Where found').selectOption('associate_address');
    await returnForm.getByLabel('Found by').fill('Police');
    await returnForm.getByLabel('Return Home Interview by').selectOption('family_service');
    await returnForm.getByRole('button', { name: 'Record return' }).click();
    await expect.poll(() => countIn('Still missing'), settle).toBe(missingBefore);

    await tab('Interviews due').click();
    await page.getByLabel('Service', { exact: true }).selectOption('family_service');
    const family = page.getByRole('region', { name: 'Family Service' });
    const due = family.getByRole('list', { name: 'Due in the next 24 hours' });
    const completeButton = due.getByRole('button', { name: `Complete interview for ${episodeRef}` });
    await completeButton.waitFor();
    expect(await due.getByRole('listitem').filter({ hasText: episodeRef }).textContent()).toContain(child.pseudonymRef);
    // Filtered to the Family Service, the page lists no other service's interviews.
    expect(await page.getByRole('region', { name: 'Children’s social care' }).count()).toBe(0);

    await completeButton.scrollIntoViewIfNeeded();
    await screenshot(page, 'missing-coordinator-due');
    await completeButton.click();
    const interview = page.getByRole('form', { name: 'Complete the interview' });
    await interview.getByRole('checkbox', { name: 'Criminal exploitation' }).check();
    await interview.getByLabel('Pull factors (comma-separated)').fill('older friends with cars');
    await interview.getByRole('button', { name: 'Complete interview' }).click();

    await expect
      .poll(() => page.getByRole('button', { name: `Complete interview for ${episodeRef}` }).count(), settle)
      .toBe(0);
    await tab('This quarter’s figures').click();
    await expect.poll(() => figure(page, 'figure-notifications'), settle).toBe(notificationsBefore + 1);
    await expect.poll(() => figure(page, 'figure-rhi-completed'), settle).toBe(completedBefore + 1);
    await page.getByRole('img', { name: /^Missing notifications: / }).scrollIntoViewIfNeeded();
    await screenshot(page, 'missing-coordinator-figures');

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
