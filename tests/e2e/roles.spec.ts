import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  browserSession,
  mapView,
  pagePointOf,
  screenshot,
  seriousAccessibilityViolations,
  shareChanged,
  shareUnlikeBackground,
  waitForHotspotCells,
  waitForMapIdle,
} from './support/browser.ts';

/**
 * Every demo role through the map: sign in, the map draws, a layer switches off and the canvas
 * changes, a click opens a side panel, the pages pass axe, sign out. Then the redaction rules
 * as a district officer and an NSD attendee meet them: children never by name.
 */
const mansfield = 'E07000174';

interface MapPlace {
  id: string;
  name: string;
  lon: number;
  lat: number;
  districtCode: string | null;
}

const roles = [
  { name: 'analyst', email: 'analyst@lantern.test', layer: 'Places of concern', clicks: 'place' },
  { name: 'coordinator', email: 'coordinator@lantern.test', layer: 'Places of concern', clicks: 'place' },
  { name: 'officer-mansfield', email: 'officer.mansfield@lantern.test', layer: 'Places of concern', clicks: 'place' },
  { name: 'nsd-mansfield', email: 'nsd.mansfield@lantern.test', layer: 'Places of concern', clicks: 'place' },
  { name: 'admin', email: 'admin@lantern.test', layer: 'Police.uk street crime', clicks: 'district' },
] as const;

const { signedIn } = browserSession();

async function showMansfield(page: Page) {
  const before = await mapView(page);
  const picker = page.getByLabel('District', { exact: true });
  // A user of Mansfield alone is there already: the map opened on their district.
  const already = (await picker.locator('option:checked').textContent()) === 'Mansfield';
  if (!already) await picker.selectOption({ label: 'Mansfield' });
  await page.getByTestId('district-panel').getByRole('heading', { name: 'Mansfield' }).waitFor();
  if (!already) {
    await expect.poll(async () => (await mapView(page)).zoom, { timeout: 10_000 }).toBeGreaterThan(before.zoom + 1);
  }
  // The fit may animate: wait until the view in the hash stops changing, then for the tiles.
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await mapView(page));
        const settled = now === last;
        last = now;
        return settled;
      },
      { timeout: 10_000, interval: 300 },
    )
    .toBe(true);
  await waitForMapIdle(page);
}

/** A Mansfield place with no other place within ~300 m, so a click on it cannot land on another. */
function loneMansfieldPlace(places: MapPlace[]): MapPlace {
  const inMansfield = places.filter((place) => place.districtCode === mansfield);
  const lone = inMansfield.find((place) =>
    places.every((other) => other.id === place.id || Math.hypot(other.lon - place.lon, other.lat - place.lat) > 0.004),
  );
  if (!lone) throw new Error('the seed has no place in Mansfield standing apart from the others');
  return lone;
}

describe.each(roles)('the map for the $name', (role) => {
  it('draws, switches a layer, opens a panel on a click, passes axe, and signs out', async () => {
    const { page, context, problems } = await signedIn(role.email);
    // A user of one district opens on it; a county-wide user on the county.
    const picker = page.getByLabel('District', { exact: true });
    const opened = role.email.includes('.mansfield@') ? 'Mansfield' : 'The whole county';
    await expect.poll(() => picker.locator('option:checked').textContent(), { timeout: 10_000 }).toBe(opened);
    await waitForMapIdle(page);
    const map = page.getByTestId('district-map');
    const first = await screenshot(map, `${role.name}-layers-on`);
    expect(await shareUnlikeBackground(page, first)).toBeGreaterThan(0.1);
    await screenshot(page, `${role.name}-map`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Switching a layer off redraws the canvas without it.
    const layer = page.getByRole('checkbox', { name: role.layer });
    expect(await layer.isChecked()).toBe(true);
    await layer.uncheck();
    await waitForMapIdle(page);
    const without = await screenshot(map, `${role.name}-layer-off`);
    expect(await shareChanged(page, first, without)).toBeGreaterThan(0.002);
    await layer.check();
    await waitForMapIdle(page);

    await showMansfield(page);
    if (role.clicks === 'place') {
      await page.getByRole('button', { name: 'Close Mansfield' }).click();
      const { places } = await apiQuery<{ places: MapPlace[] }>(page, 'map.places');
      const place = loneMansfieldPlace(places);
      const point = await pagePointOf(page, place.lon, place.lat);
      await page.mouse.click(point.x, point.y);
      const panel = page.getByTestId('place-panel');
      await panel.getByRole('heading', { name: place.name }).waitFor();
      await panel.getByRole('heading', { name: 'History' }).waitFor();
      await panel.getByText('Loading the history…').waitFor({ state: 'detached' });
    } else {
      // The administrator draws no places; the district panel opens from the picker and a click.
      await page.getByRole('checkbox', { name: 'Police.uk street crime' }).uncheck();
      await page.getByRole('button', { name: 'Close Mansfield' }).click();
      const label = await page.locator('.district-label', { hasText: 'Mansfield' }).boundingBox();
      if (!label) throw new Error('the Mansfield label is not on the map');
      await page.mouse.click(label.x + label.width / 2, label.y + label.height / 2);
      await page.getByTestId('district-panel').getByRole('heading', { name: 'Mansfield' }).waitFor();
    }
    await waitForMapIdle(page);
    await screenshot(page, `${role.name}-panel`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('hot spots on the map', () => {
  it('draws Gi* hot spots of a real police.uk month for the analyst, with their legend', async () => {
    const { page, context, problems } = await signedIn('analyst@lantern.test');
    await page.getByLabel('From', { exact: true }).fill('2024-01');
    await page.getByLabel('To', { exact: true }).fill('2024-01');
    await page.getByRole('checkbox', { name: 'Police.uk street crime' }).uncheck();
    await waitForMapIdle(page);
    const map = page.getByTestId('district-map');
    const before = await screenshot(map, 'analyst-hotspots-off');
    await page.getByRole('checkbox', { name: 'Hot spot analysis' }).check();
    const legend = page.getByRole('figure', { name: 'Hot spot legend' });
    await legend.waitFor({ timeout: 60_000 });
    expect(await legend.locator('figcaption').textContent()).toBe(
      'Getis-Ord Gi* on 250 m cells, neighbours within 750 m, corrected for false discoveries',
    );
    await waitForHotspotCells(page);
    const after = await screenshot(map, 'analyst-hotspots-on');
    expect(await shareChanged(page, before, after)).toBeGreaterThan(0.002);
    await screenshot(page, 'analyst-hotspots');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Every hot-spot control fits inside the sidebar: none runs past its right edge.
    const sidebar = await page.locator('.map-page aside').boundingBox();
    const controls = await page
      .getByRole('region', { name: 'Hot spots' })
      .locator('select, input')
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().right));
    expect(controls.length).toBeGreaterThan(3);
    for (const right of controls) expect(right).toBeLessThanOrEqual((sidebar?.x ?? 0) + (sidebar?.width ?? 0) + 0.5);

    // The squares lie under the places, which fade while the squares show unless asked not to.
    const layers = ((await map.getAttribute('data-map-layers')) ?? '').split(' ');
    expect(layers.indexOf('hotspots-fill')).toBeGreaterThanOrEqual(0);
    expect(layers.indexOf('hotspots-fill')).toBeLessThan(layers.indexOf('places-points'));
    await page.getByRole('checkbox', { name: 'Fade points over the squares' }).uncheck();
    await waitForMapIdle(page);
    const unfaded = await screenshot(map, 'analyst-hotspots-points-unfaded');
    expect(await shareChanged(page, after, unfaded)).toBeGreaterThan(0.0005);
    await page.getByRole('checkbox', { name: 'Fade points over the squares' }).check();
    await waitForMapIdle(page);

    // The view exports for a GIS (GeoJSON of the significant cells) and as a picture (PNG).
    const [geojson] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save hot spots as GeoJSON' }).click(),
    ]);
    expect(geojson.suggestedFilename()).toMatch(/^lantern-hotspots-\d{4}-\d{2}-\d{2}\.geojson$/);
    const collection = JSON.parse(readFileSync(await geojson.path(), 'utf8')) as {
      type: string;
      features: Array<{ geometry: { type: string }; properties: { bin: number } }>;
    };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBeGreaterThan(0);
    expect(collection.features.every((feature) => feature.geometry.type === 'Polygon')).toBe(true);
    expect(collection.features.every((feature) => feature.properties.bin !== 0)).toBe(true);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save map as PNG' }).click(),
    ]);
    const image = readFileSync(await png.path());
    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(await shareUnlikeBackground(page, image)).toBeGreaterThan(0.1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('draws the heat surface and the emerging hot spots of intelligence, with their legends', async () => {
    const { page, context, problems } = await signedIn('analyst@lantern.test');
    await page.getByRole('checkbox', { name: 'Police.uk street crime' }).uncheck();
    await page.getByRole('checkbox', { name: 'Places of concern' }).uncheck();
    await waitForMapIdle(page);
    const map = page.getByTestId('district-map');
    const before = await screenshot(map, 'analyst-heat-off');
    await page.getByRole('checkbox', { name: 'Hot spot analysis' }).check();
    await page.getByRole('combobox', { name: /^Events/ }).selectOption('intelligence');
    await page.getByRole('combobox', { name: /^Show/ }).selectOption('heat');
    const heatLegend = page.getByRole('figure', { name: 'Heat surface legend' });
    await heatLegend.waitFor({ timeout: 60_000 });
    expect(await heatLegend.locator('figcaption').textContent()).toMatch(
      /^Quartic kernel density on 250 m cells, bandwidth [\d,]+ m by the spatial Silverman rule/,
    );
    await waitForHotspotCells(page);
    const heat = await screenshot(map, 'analyst-heat-on');
    expect(await shareChanged(page, before, heat)).toBeGreaterThan(0.002);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // All dates: the latest twelve months of the data, one Gi* a month, a trend per cell.
    await page.getByRole('combobox', { name: /^Show/ }).selectOption('emerging');
    const emergingLegend = page.getByRole('figure', { name: 'Emerging hot spot legend' });
    await emergingLegend.waitFor({ timeout: 90_000 });
    const caption = (await emergingLegend.locator('figcaption').textContent()) ?? '';
    expect(caption).toMatch(/^Emerging hot spots: Gi\* each month from \w{3} \d{4} to \w{3} \d{4}/);
    // Complete months only: the month under way is never the last month compared.
    const underWay = new Date().toLocaleDateString('en-GB', {
      month: 'short',
      year: 'numeric',
      timeZone: 'Europe/London',
    });
    expect(caption).toContain('Complete months only');
    expect(caption).not.toContain(`to ${underWay}`);
    expect(await emergingLegend.locator('li[data-pattern]').count()).toBeGreaterThan(0);
    await waitForHotspotCells(page);
    const emerging = await screenshot(map, 'analyst-emerging-on');
    expect(await shareChanged(page, before, emerging)).toBeGreaterThan(0.0005);
    await screenshot(page, 'analyst-emerging');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A range of one month cannot show a trend: the page says so instead of asking.
    await page.getByLabel('From', { exact: true }).fill('2025-01');
    await page.getByLabel('To', { exact: true }).fill('2025-01');
    await page.getByText('Emerging hot spots compare months: choose a time range of at least 3 months.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is not offered to the administrator, whose role may not analyse hot spots', async () => {
    const { page, context, problems } = await signedIn('admin@lantern.test');
    expect(await page.getByRole('checkbox', { name: 'Hot spot analysis' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the layers each role is offered', () => {
  it.each([
    [
      'analyst@lantern.test',
      ['Places of concern', 'Intelligence reports', 'Missing: last seen', 'Missing: found', 'Police.uk street crime'],
    ],
    [
      'coordinator@lantern.test',
      ['Places of concern', 'Missing: last seen', 'Missing: found', 'Police.uk street crime'],
    ],
    ['officer.mansfield@lantern.test', ['Places of concern', 'Intelligence reports', 'Police.uk street crime']],
    ['nsd.mansfield@lantern.test', ['Places of concern', 'Intelligence reports', 'Police.uk street crime']],
    ['admin@lantern.test', ['Police.uk street crime']],
  ])('%s sees %j', async (email, expected) => {
    const { page, context, problems } = await signedIn(email);
    const controls = page.getByRole('complementary', { name: 'Map layers and time range' });
    const labels = await controls.locator('.layer-control__list .layer-control__layer').allTextContents();
    expect(labels.map((label) => label.trim())).toEqual(expected);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('redaction', () => {
  /** A Mansfield place linked to a child, and that child's name, as the analyst sees them. */
  async function placeWithLinkedChild() {
    const { page, context } = await signedIn('analyst@lantern.test', '/search');
    const { places } = await apiQuery<{ places: MapPlace[] }>(page, 'map.places');
    for (const place of places.filter((candidate) => candidate.districtCode === mansfield)) {
      const { links } = await apiQuery<{
        links: Array<{
          other: {
            type: string;
            person?: { view: string; kind: string; id: string; givenName: string; familyName: string };
          };
        }>;
      }>(page, 'links.listForEntity', { type: 'place', id: place.id });
      const children = links.flatMap((link) => (link.other.person?.kind === 'child' ? [link.other.person] : []));
      const [child] = children;
      if (child) {
        await context.close();
        const childNames = children.map((linked) => `${linked.givenName} ${linked.familyName}`);
        return { place, child, fullName: `${child.givenName} ${child.familyName}`, childNames };
      }
    }
    throw new Error('no Mansfield place in the seed is linked to a child');
  }

  it('shows the district officer linked children only as initials, reference and age band', async () => {
    const { place, child, fullName, childNames } = await placeWithLinkedChild();
    const { page, context, problems } = await signedIn('officer.mansfield@lantern.test', `/?place=${place.id}`);
    const panel = page.getByTestId('place-panel');
    await panel.getByRole('heading', { name: place.name }).waitFor();
    await panel.getByRole('heading', { name: 'Linked records' }).waitFor();
    await panel.getByTestId('pseudonymised-person').first().waitFor();
    await panel.getByText('Loading the history…').waitFor({ state: 'detached' });
    // Adults linked to the place may be named for a district officer; children never are.
    const shown = await page.locator('body').textContent();
    for (const name of childNames) expect(shown).not.toContain(name);
    await waitForMapIdle(page);
    await screenshot(page, 'officer-mansfield-place-redacted');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.goto(`/people/${child.id}`);
    await page.getByTestId('pseudonymised-notice').waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(fullName);
    await screenshot(page, 'officer-mansfield-person-redacted');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.goto(`/search?q=${encodeURIComponent(child.familyName)}`);
    await page.getByRole('heading', { name: 'People' }).waitFor();
    const results = page.locator('.search-results');
    await results.locator('.status, .result-list').first().waitFor();
    expect(await results.textContent()).not.toContain(fullName);
    await screenshot(page, 'officer-mansfield-search');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the NSD attendee a place’s linked people only as a count, and no person page', async () => {
    const { place, child, fullName } = await placeWithLinkedChild();
    const { page, context, problems } = await signedIn('nsd.mansfield@lantern.test', `/?place=${place.id}`);
    const panel = page.getByTestId('place-panel');
    await panel.getByRole('heading', { name: place.name }).waitFor();
    expect(await panel.locator('dd[data-count="linkedPeople"]').textContent()).toMatch(/^(\d[\d,]*|fewer than 5)$/);
    expect(await panel.getByRole('heading', { name: 'Linked records' }).count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(fullName);
    await waitForMapIdle(page);
    await screenshot(page, 'nsd-mansfield-place-redacted');

    await page.goto(`/people/${child.id}`);
    await page.getByText('Your role does not give access to this page.').waitFor();
    expect(await page.locator('main').textContent()).not.toContain(fullName);
    expect(await page.getByRole('link', { name: 'Search' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the analyst open the child’s page with name, flags and timeline', async () => {
    const { child, fullName } = await placeWithLinkedChild();
    const { page, context, problems } = await signedIn('analyst@lantern.test', `/people/${child.id}`);
    await page.getByRole('heading', { name: fullName }).waitFor();
    await page.getByRole('list', { name: 'Risk flags' }).waitFor();
    await page.locator('.timeline__entry').first().waitFor();
    await screenshot(page, 'analyst-person');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
