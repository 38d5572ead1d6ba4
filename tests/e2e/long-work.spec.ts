import { readFileSync } from 'node:fs';
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

describe('long work on the network page', () => {
  it('shows a network export working, cancels it, and exports when asked again', async () => {
    const { page, context, problems } = await signedIn('analyst@lantern.test', '/network?district=E07000174');
    await page.locator('[data-testid="network-chart"][data-chart-state="ready"]').waitFor({ timeout: 60_000 });
    const held: Route[] = [];
    await page.route('**/trpc/network.export**', (route) => {
      held.push(route);
    });
    const aborted: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().includes('/trpc/network.export')) aborted.push(request.failure()?.errorText ?? '');
    });

    const exportButton = page.getByRole('button', { name: 'Export i2 ANX' });
    await exportButton.click();
    const exports = page.locator('.network-exports');
    const cancel = exports.getByRole('button', { name: 'Cancel' });
    await cancel.waitFor({ timeout: 10_000 });
    const status = exports.locator('[role="status"][aria-busy="true"]');
    expect(await status.textContent()).toMatch(/^Exporting the network…Working… \d+ s Cancel$/);
    expect(held).toHaveLength(1);
    expect(await exportButton.isDisabled()).toBe(true);
    await screenshot(exports, 'long-work-network-export-working');

    await cancel.click();
    await exports.getByText('Cancelled.').waitFor();
    await expect.poll(() => aborted).toEqual(['net::ERR_ABORTED']);
    expect(await exports.locator('[role="status"][aria-busy="true"]').count()).toBe(0);
    expect(await exports.getByRole('alert').count()).toBe(0);
    expect(await exportButton.isDisabled()).toBe(false);
    await screenshot(exports, 'long-work-network-export-cancelled');

    await page.unroute('**/trpc/network.export**');
    const downloading = page.waitForEvent('download');
    await exports.getByRole('button', { name: 'Run again' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^lantern-network-E07000174-\d{4}-\d{2}-\d{2}\.anx$/);
    expect(readFileSync(await download.path(), 'utf8')).toContain('<Chart');
    expect(await exports.getByText('Cancelled.').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
