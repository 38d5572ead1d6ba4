import { readFileSync } from 'node:fs';
import type { NetworkView } from '@lantern/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  browserSession,
  navigateTo,
  screenshot,
  seriousAccessibilityViolations,
  shareChanged,
  shareUnlikeBackground,
} from './support/browser.ts';

/**
 * The Network page as a police analyst walks it: Mansfield's network, the top associate and the
 * records behind one of their links, six months replayed, weak intelligence hidden, a group's
 * places lit on the map, and an i2 ANX export. Then the redaction rules: a district officer sees
 * children only pseudonymised, an NSD attendee is not offered the page.
 */
const mansfield = 'E07000174';
const { signedIn } = browserSession();

async function openNetwork(page: Page, path = `/network?district=${mansfield}`) {
  await page.goto(path);
  await page.locator('[data-testid="network-chart"][data-chart-state="ready"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('network-summary').waitFor();
}

/** The view the page shows, fetched the same way (same default period: the last 12 months). */
async function viewOf(page: Page): Promise<NetworkView> {
  const [from, to] = await Promise.all([
    page.getByLabel('From').inputValue(),
    page.getByLabel('To', { exact: true }).inputValue(),
  ]);
  return apiQuery<NetworkView>(page, 'network.district', {
    districtCode: mansfield,
    from,
    to,
    nodeTypes: ['child', 'associate', 'place', 'vehicle'],
    reason: 'network view',
  });
}

describe('the Network page for a police analyst', () => {
  it('walks a district network: top associate, records behind a link, replay, weak intelligence, groups on the map, ANX', async () => {
    const { page, problems } = await signedIn('analyst@lantern.test');
    await navigateTo(page, 'Network');
    await openNetwork(page);
    const view = await viewOf(page);
    expect(view.nodes.length).toBeGreaterThan(20);
    await expect.poll(() => page.getByTestId('network-summary').textContent()).toContain(`${view.nodes.length} nodes`);

    const chart = page.getByTestId('network-chart');
    const drawn = await screenshot(chart, 'network-analyst-chart');
    expect(await shareUnlikeBackground(page, drawn)).toBeGreaterThan(0.02);

    // The top associate by PageRank heads the table and opens in the panel.
    const top = view.nodes.filter((node) => node.type === 'associate').sort((a, b) => b.pagerank - a.pagerank)[0];
    if (!top) throw new Error('no associate in the Mansfield network');
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('row').nth(1).getByRole('button').textContent()).toBe(top.label);
    await table.getByRole('button', { name: top.label, exact: true }).click();
    const panel = page.getByTestId('network-panel');
    await panel.getByRole('heading', { name: top.label }).waitFor();
    await screenshot(page, 'network-analyst-selected');

    // The records behind the first link: the same references the API lists for that edge.
    const edge = view.edges.find((candidate) => candidate.source === top.id || candidate.target === top.id);
    if (!edge) throw new Error('the top associate has no link');
    await panel
      .getByRole('button', { name: /^Records/ })
      .first()
      .click();
    const records = panel.getByTestId('edge-records');
    await records.waitFor();
    const firstEdgeOfPanel = view.edges.filter((e) => e.source === top.id || e.target === top.id)[0];
    const expected = view.records.filter((record) => firstEdgeOfPanel?.records.includes(record.id));
    expect(expected.length).toBeGreaterThan(0);
    for (const record of expected) await expect.poll(() => records.textContent()).toContain(record.reference);
    await screenshot(panel, 'network-analyst-edge-records');

    // The shortest paths to the farthest node the top associate reaches, each step with its records.
    const neighboursOf = (id: string) =>
      view.edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : []));
    const distance = new Map([[top.id, 0]]);
    const queue = [top.id];
    for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
      for (const next of neighboursOf(at)) {
        if (distance.has(next)) continue;
        distance.set(next, (distance.get(at) ?? 0) + 1);
        queue.push(next);
      }
    }
    const farthest = [...distance.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    const far = view.nodes.find((node) => node.id === farthest?.[0]);
    if (!far || far.id === top.id) throw new Error('the top associate reaches no one');
    await panel.getByLabel('Shortest paths to').selectOption(far.id);
    const paths = panel.getByTestId('path-finder').getByRole('listitem');
    await paths.first().waitFor();
    const firstPath = (await paths.first().textContent()) ?? '';
    expect(firstPath.startsWith(top.label)).toBe(true);
    expect(firstPath.endsWith(far.label)).toBe(true);
    await screenshot(page, 'network-analyst-path');

    // Replay six months: the month shown moves on and the chart changes with it.
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.getByLabel('Replay month by month').check();
    const month = page.getByTestId('replay-month');
    const firstMonth = await month.textContent();
    const atStart = await chart.screenshot();
    const seen = [firstMonth];
    for (let step = 0; step < 6; step++) {
      await page.getByRole('button', { name: 'Next month' }).click();
      seen.push(await month.textContent());
    }
    expect(new Set(seen).size).toBe(7);
    const sixMonthsOn = await screenshot(chart, 'network-analyst-replay-6');
    expect(await shareChanged(page, atStart, sixMonthsOn)).toBeGreaterThan(0.001);
    await page.getByLabel('Replay month by month').uncheck();

    // Weak intelligence off: the summary says how much rested on it; the ranking follows.
    await page.getByLabel(/Hide links resting only on weak intelligence/).check();
    await expect
      .poll(() => page.getByTestId('network-summary').textContent())
      .toContain(`${view.robustness.weakEdges} links removed`);
    await expect
      .poll(() => page.locator('.centre-table__count').textContent())
      .toContain('without links resting only on weak');
    await screenshot(page, 'network-analyst-without-weak');
    await page.getByLabel(/Hide links resting only on weak intelligence/).uncheck();

    // A group's places light up on the map (and the map draws: no error in its place).
    const networkMap = page.locator('.network-map');
    await networkMap.locator('[data-testid="district-map"][data-map-state="idle"]').waitFor({ timeout: 60_000 });
    const allPlaces = await networkMap.screenshot();
    const group = view.nodes.find((node) => node.type === 'place');
    if (!group) throw new Error('no place in the network');
    const placesOfGroup = view.nodes.filter(
      (node) => node.type === 'place' && node.community === group.community,
    ).length;
    await page.getByRole('button', { name: new RegExp(`^Group ${group.community + 1}:`) }).click();
    await expect
      .poll(() => page.getByTestId('network-map-count').textContent())
      .toBe(`${placesOfGroup} places of group ${group.community + 1}`);
    await expect
      .poll(async () => shareChanged(page, allPlaces, await networkMap.screenshot()), { timeout: 20_000 })
      .toBeGreaterThan(0.001);
    await networkMap.locator('[data-testid="district-map"][data-map-state="idle"]').waitFor({ timeout: 60_000 });
    expect(await networkMap.getByRole('alert').count()).toBe(0);
    await screenshot(networkMap, 'network-analyst-group-on-map');

    // Export for i2 Analyst's Notebook.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export i2 ANX' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^lantern-network-E07000174-\d{4}-\d{2}-\d{2}\.anx$/);
    const anx = readFileSync(await download.path(), 'utf8');
    expect(anx).toContain('<Chart');
    expect(anx.match(/<Entity /g)?.length).toBe(view.nodes.length);
    expect(anx.match(/<Link /g)?.length).toBe(view.edges.length);
    expect(anx).toContain(top.label);

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('the Network page and redaction', () => {
  it('shows a district officer children only pseudonymised', async () => {
    const { page, problems } = await signedIn('officer.mansfield@lantern.test');
    await openNetwork(page, '/network');
    const view = await viewOf(page);
    const children = view.nodes.filter((node) => node.type === 'child');
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) {
      expect(child.person?.view).toBe('pseudonymised');
      expect(child.label).toMatch(/^[A-Z]{0,2} · C-[A-Z0-9]{6} · /);
    }
    await page.getByRole('combobox', { name: /^Show/ }).selectOption('all');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(children[0]?.label);
    await screenshot(page, 'network-officer');
    expect(problems).toEqual([]);
  });

  it('does not offer an NSD attendee the page', async () => {
    const { page } = await signedIn('nsd.mansfield@lantern.test');
    expect(await page.getByRole('link', { name: 'Network', exact: true, includeHidden: true }).count()).toBe(0);
  });
});
