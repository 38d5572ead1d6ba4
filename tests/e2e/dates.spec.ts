import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession, navigateTo, screenshot } from './support/browser.ts';

/**
 * Dates as people read them, on every page a role's header links to: "23 Nov 2026", never
 * "2026-11-23" (which wraps in tables and reads as a code). Form fields keep the browser's own
 * date controls, so their values are left out.
 */
const { signedIn } = browserSession();

const isoDate = /\b(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/g;

/** The page's visible text without form controls' values and option lists. */
async function visibleText(page: Page): Promise<string> {
  return page.locator('main').evaluate((main) => {
    const clone = main.cloneNode(true) as typeof main;
    for (const control of clone.querySelectorAll('input, select, textarea, option, code, script, style, title')) {
      control.remove();
    }
    // Block elements' text runs together in textContent: a space after each keeps words apart.
    for (const element of clone.querySelectorAll('*')) element.append(' ');
    return clone.textContent ?? '';
  });
}

describe.each(['analyst@lantern.test', 'coordinator@lantern.test', 'officer.mansfield@lantern.test'])(
  'dates for %s',
  (email) => {
    it('shows no date as YYYY-MM-DD on any page of the header', async () => {
      const { page, context, problems, settled } = await signedIn(email, '/search');
      const links = await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { includeHidden: true })
        .evaluateAll((anchors) =>
          anchors.map((anchor) => ({ path: anchor.getAttribute('href') ?? '/', name: anchor.textContent ?? '' })),
        );
      const found: string[] = [];
      // Page to page as a user goes: through the header's links (its menus opened), not reloads.
      for (const { path, name } of links.filter((link) => link.path !== '/')) {
        await navigateTo(page, name);
        await page.waitForURL((url) => url.pathname === path);
        await page.locator('main').waitFor();
        // Every date the page shows comes with its answers: wait for them, not for a quiet network.
        await settled();
        await screenshot(page, `pages-${email.split('@')[0]}${path.replaceAll('/', '-')}`);
        const text = await visibleText(page);
        for (const match of text.matchAll(isoDate)) {
          const at = match.index ?? 0;
          found.push(`${path}: …${text.slice(Math.max(0, at - 40), at + 14).replace(/\s+/g, ' ')}…`);
        }
      }
      expect(found).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  },
);
