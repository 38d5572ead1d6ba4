import { describe, expect, it } from 'vitest';
import { apiQuery, browserSession, screenshot } from './support/browser.ts';

/**
 * Issue 14, optimistic concurrency the user can see: the analyst records a place of concern
 * (picked on the map, then typed), the Mansfield district officer opens it to edit while the
 * analyst changes it; the officer's save meets "Changed by Demo Police Analyst at HH:MM — reload
 * or keep yours", and each choice works.
 */
const { signedIn } = browserSession();

// A synthetic point in Mansfield town centre.
const mansfield = { lat: '53.1434', lon: '-1.1955' };

interface PlaceRow {
  name: string;
  address: string | null;
  version: number;
  district: { code: string } | null;
}

/** A 409 is how the server answers a stale save: the console logs it, and that is expected here. */
const unexpected = (problems: string[]) =>
  problems.filter((problem) => !/the server responded with a status of 409/.test(problem));

describe('two people editing one place', () => {
  it('shows the second editor who changed it, and Reload and Keep yours both work', async () => {
    // The analyst records the place from the search page's "New place".
    const analyst = await signedIn('analyst@lantern.test', '/search');
    const officer = await signedIn('officer.mansfield@lantern.test', '/search');
    await analyst.page.getByRole('link', { name: 'New place' }).click();
    const form = analyst.page.getByRole('form', { name: 'New place of concern' });
    await form.getByLabel('Name', { exact: true }).fill('E2E Late-night Takeaway');
    await form.getByLabel('Category').selectOption('takeaway');
    await form.getByLabel('Reasons (optional)').fill('Children seen after midnight');
    const picker = analyst.page.locator('[data-testid="point-picker"] [data-testid="district-map"]');
    // The picker's map has no state reporter: "ready" once its style has loaded.
    await analyst.page.locator('[data-testid="point-picker"] [data-map-state="ready"]').waitFor({ timeout: 60_000 });
    await picker.click();
    expect(await form.getByLabel('Latitude').inputValue()).toMatch(/^5\d\.\d+$/);
    await form.getByLabel('Latitude').fill(mansfield.lat);
    await form.getByLabel('Longitude').fill(mansfield.lon);
    await form.getByRole('button', { name: 'Record the place' }).click();
    const shown = analyst.page.getByRole('link', { name: 'Show E2E Late-night Takeaway on the map' });
    await shown.waitFor();
    const placeId = new URL(String(await shown.getAttribute('href')), 'http://x').searchParams.get('place') ?? '';
    const created = await apiQuery<PlaceRow>(analyst.page, 'places.get', { id: placeId });
    expect(created).toMatchObject({ version: 1, district: { code: 'E07000174' } });

    // Both open it; the analyst saves first.
    await officer.page.goto(`/places/${placeId}/edit`);
    await analyst.page.goto(`/places/${placeId}/edit`);
    const officerForm = officer.page.getByRole('form', { name: 'Edit E2E Late-night Takeaway' });
    const analystForm = analyst.page.getByRole('form', { name: 'Edit E2E Late-night Takeaway' });
    await analystForm.getByLabel('Name', { exact: true }).fill('E2E Late-night Takeaway (renamed)');
    await analystForm.getByRole('button', { name: 'Save changes' }).click();
    await analyst.page.getByText('Saved.').waitFor();

    // The officer, still on version 1, saves an address and meets the conflict.
    await officerForm.getByLabel('Address (optional)').fill('1 Example Street, Mansfield');
    await officerForm.getByRole('button', { name: 'Save changes' }).click();
    const banner = officer.page.getByTestId('conflict-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(
      /^Changed by Demo Police Analyst at \d{2}:\d{2} — reload or keep yours\./,
    );
    await screenshot(officer.page, 'entity-edit-1-conflict-page');
    await screenshot(banner, 'entity-edit-1-conflict-banner');

    // Reload: the officer's edit is dropped and the analyst's name shows.
    await banner.getByRole('button', { name: 'Reload' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await officerForm.getByLabel('Name', { exact: true }).inputValue()).toBe(
      'E2E Late-night Takeaway (renamed)',
    );
    expect(await officerForm.getByLabel('Address (optional)').inputValue()).toBe('');

    // The analyst changes it again; the officer types again, meets the conflict, and keeps theirs.
    await analystForm.getByLabel('Reasons (optional)').fill('Children seen after midnight\nTaxis waiting outside');
    await analystForm.getByRole('button', { name: 'Save changes' }).click();
    await analyst.page.getByText('Saved.').waitFor();
    await officerForm.getByLabel('Address (optional)').fill('2 Example Street, Mansfield');
    await officerForm.getByRole('button', { name: 'Save changes' }).click();
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Keep yours' }).click();
    await officer.page.getByText('Saved.').waitFor();
    const kept = await apiQuery<PlaceRow & { reasons: string[] }>(officer.page, 'places.get', { id: placeId });
    expect(kept).toMatchObject({
      name: 'E2E Late-night Takeaway (renamed)',
      address: '2 Example Street, Mansfield',
      version: 4,
    });
    // Keep yours saves the form as the officer sees it, over the analyst's second change.
    expect(kept.reasons).toEqual(['Children seen after midnight']);

    expect(unexpected(analyst.problems)).toEqual([]);
    expect(unexpected(officer.problems)).toEqual([]);
    await analyst.context.close();
    await officer.context.close();
  });
});
