import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, screenshot } from './support/browser.ts';

/**
 * Issue 18: the header's navigation wrapped to two lines for the analyst and the coordinator at a
 * desktop width. Pages now sit in menus; for every demo role, at 1280 and 1024 px, the header is
 * one bar: the navigation's entries share one line, beside the brand and the user's block, and
 * the user's name is on it.
 */
const { signedIn } = browserSession();

interface Box {
  top: number;
  bottom: number;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not displayed');
  return { top: box.y, bottom: box.y + box.height };
}

async function headerLayout(page: Page) {
  const entries = await page.locator('.app-nav > ul > li').all();
  return {
    brand: await boxOf(page.locator('.app-header__brand')),
    nav: await boxOf(page.locator('.app-nav > ul')),
    user: await boxOf(page.locator('.app-header__user')),
    entries: await Promise.all(
      entries.map(async (entry) => ({ text: (await entry.textContent()) ?? '', ...(await boxOf(entry)) })),
    ),
  };
}

function overlaps(a: Box, b: Box): boolean {
  return a.top < b.bottom && b.top < a.bottom;
}

const roles = [
  'analyst@lantern.test',
  'coordinator@lantern.test',
  'officer.mansfield@lantern.test',
  'nsd.mansfield@lantern.test',
  'admin@lantern.test',
];

describe.each(roles)('the header for %s', (email) => {
  it('is one line at 1280 and at 1024 px, and its menus open from the keyboard', async () => {
    const { page, context, problems } = await signedIn(email);
    const who = email.split('@')[0] ?? email;
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      const layout = await headerLayout(page);
      expect(layout.entries.length).toBeGreaterThan(0);
      // One line: every entry centred on the first one's middle (a second line sits a line lower).
      const middle = (box: Box) => (box.top + box.bottom) / 2;
      const firstMiddle = middle(layout.entries[0] as Box);
      for (const entry of layout.entries) {
        expect(Math.abs(middle(entry) - firstMiddle), `${entry.text} at ${width}`).toBeLessThan(2);
      }
      const tallest = Math.max(...layout.entries.map((entry) => entry.bottom - entry.top));
      expect(layout.nav.bottom - layout.nav.top, `navigation height at ${width}`).toBeLessThan(tallest + 2);
      expect(overlaps(layout.nav, layout.brand), `navigation beside the brand at ${width}`).toBe(true);
      expect(overlaps(layout.nav, layout.user), `navigation beside the user at ${width}`).toBe(true);
      // The user's name stays in sight: at least its first characters, never clipped away.
      const name = await page.locator('.account-menu__name').boundingBox();
      expect(name?.width ?? 0, `the name's width at ${width}`).toBeGreaterThan(60);
      expect(
        overlaps(layout.nav, await boxOf(page.locator('.account-menu__name'))),
        `name on the bar at ${width}`,
      ).toBe(true);
      await screenshot(page.locator('.app-header'), `header-${who}-${width}`);
    }

    // Every menu opens with Enter, shows its pages, and closes with Escape, focus back on its button.
    const nav = page.getByRole('navigation', { name: 'Main' });
    const groups = nav.locator('.app-nav__toggle');
    const count = await groups.count();
    for (let index = 0; index < count; index += 1) {
      const button = groups.nth(index);
      await button.focus();
      await page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      const menu = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
      expect(await menu.getByRole('link').count()).toBeGreaterThan(1);
      // Only the open group's list shows: every other stays hidden.
      await menu.waitFor({ state: 'visible' });
      expect(await page.locator('.header-popup:visible').count(), `popups open with menu ${index}`).toBe(1);
      if (index === 0) await screenshot(page, `header-${who}-menu-open`);
      await page.keyboard.press('Escape');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      await menu.waitFor({ state: 'hidden' });
      expect(
        await button.evaluate((element) =>
          (element as unknown as { matches(query: string): boolean }).matches(':focus'),
        ),
      ).toBe(true);
    }
    // The account menu opens alone too, and Escape closes it.
    const account = page.locator('.account-menu__toggle');
    await account.click();
    await page.locator('.account-menu__panel').waitFor({ state: 'visible' });
    expect(await page.locator('.header-popup:visible').count(), 'popups open with the account menu').toBe(1);
    await page.keyboard.press('Escape');
    await page.locator('.account-menu__panel').waitFor({ state: 'hidden' });
    expect(await page.locator('.header-popup:visible').count(), 'popups open after Escape').toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
