import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMissingReport } from '@lantern/cli';
import type { MissingReport } from '@lantern/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  browserSession,
  demoPassword,
  navigateTo,
  screenshot,
  screenshotDir,
  seriousAccessibilityViolations,
  signIn,
} from './support/browser.ts';
import { pdfPageTexts } from './support/pdf-text.ts';

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
    await navigateTo(page, 'Missing');
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

  it('records a child in care’s important person and place on the Philomena profile, and part 2 on an episode', async () => {
    const { page, context, problems } = await open();
    await signIn(page, 'coordinator@lantern.test', demoPassword);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Children' }).waitFor();
    const { episodes } = await apiQuery<{
      episodes: Array<{ id: string; episodeRef: string; careStatus: string; child: { id: string } }>;
    }>(page, 'missing.listEpisodes', { limit: 200 });
    const episode = episodes.find(
      (candidate) => candidate.careStatus === 'county_care' || candidate.careStatus === 'ola_care',
    );
    if (!episode) throw new Error('the demo seed has no episode of a child in care');
    // Another child of Mansfield, as the coordinator sees them by name: a friend the child goes missing with.
    const { people } = await apiQuery<{ people: FoundPerson[] }>(page, 'people.search', {
      districtCode: 'E07000174',
      kind: 'child',
      limit: 5,
    });
    const associate = people.map((found) => found.person).find((person) => person.id !== episode.child.id);
    if (!associate?.familyName) throw new Error('the seed has no other child in Mansfield');
    const { places } = await apiQuery<{ places: Array<{ id: string; name: string }> }>(page, 'places.list', {
      districtCode: 'E07000174',
      limit: 1,
    });
    const place = places[0];
    if (!place) throw new Error('the seed has no place of concern in Mansfield');

    await page.goto(`/missing/philomena/${episode.child.id}`);
    const form = page.getByRole('form', { name: 'Save a new version' });
    await form.waitFor();
    const description = form.getByLabel('Description', { exact: true });
    if ((await description.inputValue()) === '') await description.fill('Slim, about 160 cm, short dark hair');

    const important = form.getByRole('group', { name: 'Important people' });
    await important.getByRole('searchbox', { name: 'Find a person by name' }).fill(associate.familyName);
    const personSelect = important.getByRole('combobox', { name: 'Person to add' });
    await personSelect.locator(`option[value="${associate.id}"]`).waitFor({ state: 'attached' });
    await personSelect.selectOption(associate.id);
    await important.getByLabel('Relationship to the child').fill('friend, goes missing with them');
    await important.getByRole('button', { name: 'Add person' }).click();
    await important
      .getByRole('list', { name: 'Important people' })
      .getByRole('listitem')
      .filter({ hasText: associate.pseudonymRef })
      .waitFor();

    const importantPlaces = form.getByRole('group', { name: 'Important places' });
    await importantPlaces.getByRole('searchbox', { name: 'Find the place by name or street' }).fill(place.name);
    const placeSelect = importantPlaces.getByRole('combobox', { name: 'Place to add' });
    await placeSelect.locator(`option[value="${place.id}"]`).waitFor({ state: 'attached' });
    await placeSelect.selectOption(place.id);
    await importantPlaces.getByLabel(/^Why it matters/).fill('goes there with older friends');
    await importantPlaces.getByRole('button', { name: 'Add place' }).click();
    await form.getByRole('button', { name: 'Save profile' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: /^Saved version \d+\.$/ })
      .waitFor();

    const part2 = page.getByRole('form', { name: `Part 2 of ${episode.episodeRef}` });
    await part2.getByLabel('Clothing when last seen').fill('Black puffer jacket, grey joggers');
    await part2.getByLabel('Where and with whom last seen').fill('Bus station with two older boys');
    await part2.getByRole('button', { name: 'Save part 2' }).click();
    await part2
      .getByRole('status')
      .filter({ hasText: `Saved part 2 of ${episode.episodeRef}.` })
      .waitFor();
    await screenshot(part2, 'missing-philomena-part2');

    const saved = await apiQuery<{
      profile: {
        importantPeople: Array<{ person: { id: string }; relationship: string }>;
        importantPlaces: Array<{ placeId: string; note: string }>;
      };
    }>(page, 'missing.philomena.get', { personId: episode.child.id });
    expect(saved.profile.importantPeople).toContainEqual(
      expect.objectContaining({
        person: expect.objectContaining({ id: associate.id }),
        relationship: 'friend, goes missing with them',
      }),
    );
    expect(saved.profile.importantPlaces).toContainEqual(
      expect.objectContaining({ placeId: place.id, note: 'goes there with older friends' }),
    );
    const detail = await apiQuery<{ philomenaPart2: { clothing: string; lastSeenDescription: string } | null }>(
      page,
      'missing.getEpisode',
      { id: episode.id },
    );
    expect(detail.philomenaPart2).toMatchObject({
      clothing: 'Black puffer jacket, grey joggers',
      lastSeenDescription: 'Bus station with two older boys',
    });
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'missing-philomena-profile');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('downloads a quarter’s committee report as the CLI’s CSV, and prints the report alone, marked, with page numbers', async () => {
    const { page, context, problems } = await open();
    await signIn(page, 'coordinator@lantern.test', demoPassword);
    await navigateTo(page, 'Missing');
    await page.getByRole('tab', { name: /^This quarter’s figures/ }).click();
    const section = page.getByRole('region', { name: 'Committee report' });
    await section.waitFor();
    const { quarters } = await apiQuery<{
      quarters: Array<{ label: string; from: string; to: string; partial: boolean; report: MissingReport }>;
    }>(page, 'missing.quarterlyFigures', {});
    const whole = quarters.filter((quarter) => !quarter.partial && quarter.report.notifications > 0).at(-1);
    if (!whole) throw new Error('the demo seed has no complete quarter with notifications');
    await section.getByLabel('Quarter').selectOption(whole.label);
    const downloading = page.waitForEvent('download');
    await section.getByRole('button', { name: 'Download CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`lantern-missing-${whole.from}-${whole.to}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    // What `lantern report missing --from … --to … --format csv` prints for the same figures.
    expect(csv).toBe(`${renderMissingReport(whole.report, 'csv')}\n`);

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(screenshotDir, 'missing-committee-report.pdf'), pdf);
    await screenshot(page, 'missing-committee-report-print');
    const pages = await pdfPageTexts(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const [index, text] of pages.entries()) {
      expect(text, `page ${index + 1}`).toContain('OFFICIAL-SENSITIVE');
      expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`);
    }
    const printed = pages.join(' ').replace(/\s+/g, ' ');
    expect(printed).toContain(`Children missing from home and care: ${whole.label}`);
    const lastRow = csv.trim().split('\n').at(-1)?.split(',')[0] ?? '';
    expect(lastRow.length).toBeGreaterThan(0);
    expect(printed).toContain(lastRow.replace(/^"|"$/g, '').slice(0, 40));
    // The report alone: none of the app's navigation or tabs.
    expect(printed).not.toContain('Still missing');
    expect(printed).not.toContain('Sign out');
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
