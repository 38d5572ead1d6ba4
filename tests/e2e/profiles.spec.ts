import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiQuery, browserSession, screenshot, screenshotDir, ukDate } from './support/browser.ts';
import { pdfPagePng, pdfPageTexts } from './support/pdf-text.ts';

/**
 * Issue 16 end to end: an analyst builds a CSE problem profile for Mansfield over the last twelve
 * complete months, writes the summary with a figure inserted by reference, and sends it for
 * review; a second analyst (the reviewer) approves it; the partner version names no child and
 * shows small counts as "<5", and Mansfield's district officer opens it; it prints whole, with
 * the marking and "Page n of N" on every page.
 */
const { signedIn } = browserSession();

const mansfield = 'E07000174';

interface SearchResult {
  people: Array<{ person: { view: string; givenName?: string; familyName?: string } }>;
}

/** The full names of Mansfield's children flagged for CSE, as the analyst may see them. */
async function mansfieldChildNames(page: Page): Promise<string[]> {
  const names = new Set<string>();
  for (const cseFlagged of [true, false]) {
    const { people } = await apiQuery<SearchResult>(page, 'people.search', {
      kind: 'child',
      districtCode: mansfield,
      cseFlagged,
      limit: 100,
    });
    for (const { person } of people) {
      if (person.view === 'full' && person.givenName && person.familyName) {
        names.add(`${person.givenName} ${person.familyName}`);
      }
    }
  }
  return [...names];
}

/**
 * The whole profile, not only the window: the page scrolls inside <main>, so the window is made
 * as tall as the profile for the picture, then put back.
 */
async function wholePage(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const height = await page
    .locator('main')
    .evaluate((main) => (main as unknown as { scrollHeight: number }).scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(height + 120, 12_000) });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
  await page.setViewportSize(viewport);
}

async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
}

describe('a CSE problem profile for Mansfield, from terms of reference to the approved partner version', () => {
  it('is built and written by an analyst, approved by a second, read by partners, and printed whole', async () => {
    // 1. The analyst sets the terms of reference.
    const analyst = await signedIn('analyst@lantern.test');
    const page = analyst.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profiles' }).click();
    await page.getByRole('heading', { name: 'Problem profiles' }).waitFor();
    await page.getByRole('link', { name: 'New profile' }).click();
    const form = page.getByRole('form', { name: 'Terms of reference' });
    const title = `CSE in Mansfield, e2e ${Date.now()}`;
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Problem').selectOption('cse');
    await form.getByRole('checkbox', { name: 'Mansfield' }).check();
    expect(await form.getByLabel('Preset').inputValue()).toBe('last12');
    const from = await form.getByLabel('From', { exact: true }).inputValue();
    const to = await form.getByLabel('To', { exact: true }).inputValue();
    expect(from.endsWith('-01')).toBe(true);
    expect(await form.getByLabel('Handling marking').inputValue()).toBe('OFFICIAL-SENSITIVE');
    await form.getByLabel('Requested by').fill('Detective Superintendent, Public Protection');
    await form.getByLabel('Purpose').fill('To inform the Mansfield CSE delivery plan.');
    await screenshot(page, 'profiles-1-terms-of-reference');
    await form.getByRole('button', { name: 'Build the profile' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 60_000 });
    const profileUrl = new URL(page.url()).pathname;
    expect(profileUrl).toMatch(/^\/profiles\/[0-9a-f-]{36}$/);
    const terms = page.getByRole('region', { name: 'Terms of reference' });
    expect(await terms.textContent()).toContain(`${ukDate(from)} to ${ukDate(to)}`);
    expect(await page.getByRole('heading', { level: 2 }).count()).toBe(10);
    await wholePage(page, 'profiles-2-draft');

    // The records behind a figure, as the analyst may see them.
    await page.getByRole('button', { name: /^Children identified: \d[\d,]*\. Show the records/ }).click();
    const records = page.getByRole('dialog', { name: 'Records behind: Children identified' });
    await records.locator('.profile-records__list li').first().waitFor();
    expect(await records.locator('.profile-records__list li').count()).toBeGreaterThan(0);
    await screenshot(page, 'profiles-2b-records-behind-a-figure');
    await records.getByRole('button', { name: 'Close' }).click();

    // 2. The summary, with a figure inserted by reference, saved.
    const summary = page.getByLabel('Key findings, in your words');
    await summary.fill('Children identified in the period: ');
    await summary.press('End');
    await page.getByLabel('Figure', { exact: true }).selectOption({ index: 0 });
    const figureKey = await page.getByLabel('Figure', { exact: true }).inputValue();
    await page.getByRole('button', { name: 'Insert figure' }).click();
    expect(await summary.inputValue()).toBe(`Children identified in the period: {{${figureKey}}}`);
    await summary.press('End');
    await summary.pressSequentially('. Most were girls aged 14 to 16.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await screenshot(page, 'profiles-3-summary-written');

    // 3. Sent for review: the author may not approve it.
    await page.getByRole('button', { name: 'Send for review' }).click();
    await page.getByText('Sent for review.').waitFor();
    await page.locator('.profile__state').getByText('For review').waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await screenshot(page, 'profiles-4-for-review');
    const childNames = await mansfieldChildNames(page);
    expect(childNames.length).toBeGreaterThan(0);
    expect(analyst.problems).toEqual([]);
    await analyst.context.close();

    // 4. A second analyst approves it.
    const reviewer = await signedIn('reviewer@lantern.test', profileUrl);
    await reviewer.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await reviewer.page.getByRole('button', { name: 'Approve' }).click();
    await reviewer.page.getByText('Approved.').waitFor();
    await reviewer.page.locator('.profile__state').getByText('Approved').waitFor();
    const summaryText = await reviewer.page.locator('[data-section="summary"] .profile-assessment__text').textContent();
    expect(summaryText).toMatch(/^Children identified in the period: (\d[\d,]*|no data)\. Most were girls/);
    await wholePage(reviewer.page, 'profiles-5-approved');

    // 5. The partner version: no child named, counts of 1 to 4 people as "<5".
    await reviewer.page.getByRole('checkbox', { name: 'Partner version' }).check();
    await reviewer.page.getByText(/Partner edition: no child is named/).waitFor();
    const partnerText = await mainText(reviewer.page);
    for (const name of childNames) expect(partnerText).not.toContain(name);
    expect(partnerText).toContain('<5');
    await wholePage(reviewer.page, 'profiles-6-partner-version');
    expect(reviewer.problems).toEqual([]);
    await reviewer.context.close();

    // 6. Mansfield's district officer finds it among the profiles and reads the partner edition.
    const officer = await signedIn('officer.mansfield@lantern.test');
    await officer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profiles' }).click();
    await officer.page.getByRole('link', { name: title }).click();
    await officer.page.getByText(/Partner edition: no child is named/).waitFor();
    const officerText = await mainText(officer.page);
    for (const name of childNames) expect(officerText).not.toContain(name);
    expect(officerText).toContain('<5');
    expect(await officer.page.getByRole('textbox').count()).toBe(0);
    await wholePage(officer.page, 'profiles-7-district-officer');

    // 7. Printed whole: the marking and "Page n of N" on every page.
    await officer.page.emulateMedia({ media: 'print' });
    await screenshot(officer.page, 'profiles-8-print-media');
    const pdf = await officer.page.pdf({ format: 'A4', printBackground: true });
    await officer.page.emulateMedia({ media: 'screen' });
    const pdfPath = join(screenshotDir, 'profiles-partner-edition.pdf');
    writeFileSync(pdfPath, pdf);
    const pages = await pdfPageTexts(pdf);
    expect(pages.length).toBeGreaterThan(2);
    for (const [index, text] of pages.entries()) {
      expect(text, `page ${index + 1}`).toContain('OFFICIAL-SENSITIVE');
      expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`);
    }
    const printed = pages.join(' ');
    expect(printed).toContain('9. Recommendations');
    expect(printed).toContain('End of the profile');
    for (const name of childNames) expect(printed).not.toContain(name);
    // One page as an image, to look at.
    writeFileSync(join(screenshotDir, 'profiles-print-page-2.png'), await pdfPagePng(pdf, 2));
    expect(officer.problems).toEqual([]);
    await officer.context.close();
  });
});
