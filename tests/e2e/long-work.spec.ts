import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, screenshot, waitForHotspotCells } from './support/browser.ts';

/**
 * Long work can be watched and cancelled: a hot-spot analysis that the test holds back (its
 * request waits in the browser until released, so the analysis is slow whatever the machine)
 * shows "Working… n s" with Cancel after a second; Cancel aborts the request and says
 * "Cancelled", the page stays usable, and "Run again" draws the squares.
 */
const { signedIn } = browserSession();

describe('long work on the map page', () => {
  it('shows a hot-spot analysis working, cancels it, and runs it again', async () => {
    const { page, context, problems } = await signedIn('analyst@lantern.test');
    const held: Route[] = [];
    await page.route('**/trpc/hotspots.compute?**', (route) => {
      held.push(route);
    });
    const aborted: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().includes('/trpc/hotspots.compute')) aborted.push(request.failure()?.errorText ?? '');
    });

    await page.getByRole('checkbox', { name: 'Hot spot analysis' }).check();
    const section = page.getByRole('region', { name: 'Hot spots' });
    const cancel = section.getByRole('button', { name: 'Cancel' });
    await cancel.waitFor({ timeout: 10_000 });
    const status = section.locator('[role="status"][aria-busy="true"]');
    expect(await status.textContent()).toMatch(/^Finding hot spots…Working… \d+ s Cancel$/);
    expect(held).toHaveLength(1);
    await screenshot(section, 'long-work-hotspots-working');

    await cancel.click();
    await section.getByText('Cancelled.').waitFor();
    await expect.poll(() => aborted).toEqual(['net::ERR_ABORTED']);
    expect(await section.locator('[role="status"][aria-busy="true"]').count()).toBe(0);
    await screenshot(section, 'long-work-hotspots-cancelled');

    // The page is still usable: a layer switches off, and the analysis runs again when asked.
    await page.getByRole('checkbox', { name: 'Places of concern' }).uncheck();
    await page.unroute('**/trpc/hotspots.compute?**');
    await section.getByRole('button', { name: 'Run again' }).click();
    await waitForHotspotCells(page);
    expect(await section.getByText('Cancelled.').count()).toBe(0);
    await section.getByRole('figure', { name: 'Hot spot legend' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
