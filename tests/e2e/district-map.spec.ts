import { describe, expect, it } from 'vitest';
import {
  browserSession,
  focusedElement,
  mapView,
  navigateTo,
  screenshot,
  seriousAccessibilityViolations,
  shareUnlikeBackground,
  waitForMapIdle,
} from './support/browser.ts';

/**
 * The signed-in app in Chromium, for a police analyst (every district, person-level access) and
 * a Mansfield NSD attendee (one district, pseudonymised view, small counts suppressed).
 */

const users = [
  {
    name: 'analyst',
    email: 'analyst@lantern.test',
    role: 'Police analyst',
    scope: 'Your account covers every district.',
  },
  {
    name: 'nsd-mansfield',
    email: 'nsd.mansfield@lantern.test',
    role: 'NSD attendee',
    scope: 'Your account covers Mansfield.',
  },
] as const;

const { signedIn } = browserSession();

describe.each(users)('the district map for $name', (user) => {
  it('shows the signed-in user’s role and scope in the header', async () => {
    const { page, context, problems } = await signedIn(user.email);
    expect(await page.getByTestId('user-role').textContent()).toBe(user.role);
    expect(await page.getByText(user.scope).count()).toBe(1);
    expect(await page.title()).toBe('District map – Lantern');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('draws the districts on the map canvas, with every district labelled', async () => {
    const { page, context, problems } = await signedIn(user.email);
    const png = await screenshot(page.getByTestId('district-map'), `${user.name}-map`);
    // The county fills about a fifth of the frame (labels and controls are a few per cent).
    expect(await shareUnlikeBackground(page, png)).toBeGreaterThan(0.1);
    expect(await page.locator('.district-label').allTextContents()).toEqual([
      'Nottingham',
      'Ashfield',
      'Bassetlaw',
      'Broxtowe',
      'Gedling',
      'Mansfield',
      'Newark and Sherwood',
      'Rushcliffe',
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says where it is without a basemap: towns, then wards, then streets named from police.uk', async () => {
    const { page, context, problems } = await signedIn(user.email);
    const map = page.getByTestId('district-map');
    const drawn = async () => ((await map.getAttribute('data-orientation-labels')) ?? '0 0 0').split(' ').map(Number);
    // Over Mansfield and Ashfield: town names, no ward or street names yet.
    await page.goto('/#map=10.5/53.12/-1.22');
    await expect.poll(async () => (await drawn())[0], { timeout: 20_000 }).toBeGreaterThan(2);
    expect((await drawn())[2]).toBe(0);
    await screenshot(page, `${user.name}-orientation-towns`);
    // Closer: the wards.
    await page.goto('/#map=12.5/53.14/-1.19');
    await expect.poll(async () => (await drawn())[1], { timeout: 20_000 }).toBeGreaterThan(3);
    await screenshot(page, `${user.name}-orientation-wards`);
    // A few streets across: the streets, at police.uk's map points.
    await page.goto('/#map=15.5/53.1438/-1.1986');
    await expect.poll(async () => (await drawn())[2], { timeout: 20_000 }).toBeGreaterThan(3);
    await waitForMapIdle(page);
    expect(await page.locator('.map-attribution').textContent()).toContain('data.police.uk');
    await screenshot(page, `${user.name}-orientation-streets`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('zooms to the district chosen in the picker', async () => {
    // As most users see it: the map flies to the district (the other tests ask for reduced motion).
    const { page, context, problems } = await signedIn(user.email, undefined, { motion: 'animated' });
    const picker = page.getByLabel('District', { exact: true });
    if (user.name === 'nsd-mansfield') {
      // A user of one district opens on it; the whole county is one choice away.
      await expect.poll(() => picker.locator('option:checked').textContent(), { timeout: 10_000 }).toBe('Mansfield');
      await waitForMapIdle(page);
      const home = await mapView(page);
      expect(home.lat).toBeCloseTo(53.16, 1);
      expect(home.lng).toBeCloseTo(-1.17, 1);
      await picker.selectOption({ label: 'The whole county' });
      await expect.poll(async () => (await mapView(page)).zoom, { timeout: 10_000 }).toBeLessThan(home.zoom - 1);
      await waitForMapIdle(page);
    }
    const before = await mapView(page);
    await picker.selectOption({ label: 'Mansfield' });
    await expect.poll(async () => (await mapView(page)).zoom, { timeout: 10_000 }).toBeGreaterThan(before.zoom + 1);
    await waitForMapIdle(page);
    const after = await mapView(page);
    // Mansfield's middle, give or take the panel beside the map.
    expect(after.lat).toBeCloseTo(53.16, 1);
    expect(after.lng).toBeCloseTo(-1.17, 1);
    await screenshot(page, `${user.name}-picker-mansfield`);

    // A ward of the chosen district zooms further in.
    const ward = page.getByLabel('Ward', { exact: true });
    expect(await ward.locator('option').count()).toBeGreaterThan(5);
    await ward.selectOption({ index: 1 });
    await expect.poll(async () => (await mapView(page)).zoom, { timeout: 10_000 }).toBeGreaterThan(after.zoom + 0.5);
    await waitForMapIdle(page);
    await screenshot(page, `${user.name}-picker-ward`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens the district’s panel, with its counts, when the district is clicked', async () => {
    const { page, context, problems } = await signedIn(user.email);
    // A label sits on a point inside its district and lets clicks through to the map; the point
    // layers go off first, as a click on a place or a crime is about that, not the district.
    await page.getByRole('checkbox', { name: 'Places of concern' }).uncheck();
    await page.getByRole('checkbox', { name: 'Police.uk street crime' }).uncheck();
    const label = await page.locator('.district-label', { hasText: 'Mansfield' }).boundingBox();
    if (!label) throw new Error('the Mansfield label is not on the map');
    await page.mouse.click(label.x + label.width / 2, label.y + label.height / 2);

    const panel = page.getByTestId('district-panel');
    await panel.getByRole('heading', { name: 'Mansfield' }).waitFor();
    await panel.locator('dd[data-count="places"]').waitFor();
    const counts = await panel.locator('dd').allTextContents();
    expect(counts).toHaveLength(4);
    for (const count of counts) expect(count).toMatch(/^(\d[\d,]*|fewer than 5)$/);
    expect(await page.getByLabel('District', { exact: true }).inputValue()).toBe('E07000174');
    await waitForMapIdle(page);
    await screenshot(page, `${user.name}-panel-mansfield`);

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('returns to the sign-in page on signing out, and stays signed out on reload', async () => {
    const { page, context, problems } = await signedIn(user.email);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the district map from the keyboard', () => {
  it('reaches the picker by Tab after the skip link, the page links and Sign out, and opens a district with the arrow keys', async () => {
    const { page, context, problems } = await signedIn('analyst@lantern.test');
    await page.locator('body').focus();
    const focusedName = () => focusedElement(page);
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('Skip to main content');
    // Then the header's page links (as many as the role has), then Sign out.
    const visited: string[] = [];
    for (let step = 0; step < 20 && visited.at(-1) !== 'Sign out'; step++) {
      await page.keyboard.press('Tab');
      visited.push(await focusedName());
    }
    expect(visited[0]).toBe('Map');
    expect(visited.at(-1)).toBe('Sign out');
    await page.keyboard.press('Tab');
    const pickerId = await page.getByLabel('District', { exact: true }).getAttribute('id');
    expect(await focusedName()).toBe(`#${pickerId}`);

    await page.keyboard.press('ArrowDown');
    await page.getByTestId('district-panel').getByRole('heading', { name: 'Ashfield' }).waitFor();
    await waitForMapIdle(page);
    await screenshot(page, 'keyboard-ashfield');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('crime beyond zoom 15', () => {
  // Zoom 15's crime clusters are one tile unit each: deeper, the map enlarges them rather than
  // fetching tiles that would cluster the points again.
  it('draws zoom 15’s crime tiles at zoom 17 without asking for deeper ones', async () => {
    const { page, context, problems } = await signedIn('analyst@lantern.test');
    const zooms: number[] = [];
    page.on('request', (request) => {
      const match = /\/tiles\/crime\/(\d+)\//.exec(new URL(request.url()).pathname);
      if (match) zooms.push(Number(match[1]));
    });
    // Nottingham's centre, where the bundled police.uk months hold the most crime.
    await page.goto('/#map=17/52.9536/-1.1505');
    await expect.poll(async () => (await mapView(page)).zoom, { timeout: 10_000 }).toBe(17);
    await waitForMapIdle(page);
    expect(zooms.length, 'crime tiles requested at zoom 17').toBeGreaterThan(0);
    expect(Math.max(...zooms), 'the deepest crime tile asked for').toBe(15);
    await screenshot(page, 'analyst-crime-zoom-17');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the map opened again', () => {
  // A tile's URL stays the same when its data changes: the browser must ask the server again each
  // time (with the ETag it holds, answered 304 while nothing changed), never draw a copy it kept
  // from before an edit without asking.
  it('asks the server again for every tile it draws, with the ETag it holds', async () => {
    const { page, context, problems } = await signedIn('analyst@lantern.test');
    const revalidations: Array<Promise<string | null>> = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/tiles/')) {
        revalidations.push(request.headerValue('if-none-match'));
      }
    });
    await navigateTo(page, 'Network');
    await page.getByRole('heading', { name: 'Network' }).first().waitFor();
    await navigateTo(page, 'Map');
    await waitForMapIdle(page);
    const etags = await Promise.all(revalidations);
    expect(etags.length, 'tiles drawn on the map opened again').toBeGreaterThan(0);
    expect(etags.filter((etag) => !etag)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
