import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUiFeatures, launchChromium, playwrightDisabledFeatures } from './support/browser.ts';

/**
 * The browser the other files drive: Playwright's own launch settings kept, and the browser's own
 * pages (which a headless test never shows) left out of every context.
 */
let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The command lines of the browsers this process started (Playwright spawns them; Linux's /proc). */
function browserCommandLines(): string[][] {
  const ours = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return parent === process.pid && argv.includes('--remote-debugging-pipe') ? [{ pid: Number(pid), argv }] : [];
      } catch {
        return []; // a process that ended while the list was read
      }
    });
  return ours.sort((a, b) => a.pid - b.pid).map((process) => process.argv);
}

describe('the tests’ Chromium', () => {
  it('keeps every feature Playwright disables, and disables the browser’s own popups', async () => {
    const argv = browserCommandLines().at(-1) ?? [];
    // Chromium keeps the last value of a repeated switch: Playwright's list comes first, ours last.
    const lists = argv
      .filter((argument) => argument.startsWith('--disable-features='))
      .map((argument) => argument.slice('--disable-features='.length).split(','));
    expect(lists.length).toBeGreaterThanOrEqual(2);
    const playwrights = lists.slice(0, -1).flat();
    expect([...playwrightDisabledFeatures].sort()).toEqual([...new Set(playwrights)].sort());
    expect(lists.at(-1)).toEqual([...playwrightDisabledFeatures, ...browserUiFeatures]);
  });

  it('opens a context with its page and no page of the browser’s own', async () => {
    if (!browser) throw new Error('Chromium did not start');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('data:text/html,<title>one page</title>');
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = await session.send('Target.getTargets');
    await session.detach();
    await context.close();
    expect(targetInfos.map((target) => `${target.type} ${target.url}`)).toEqual([
      'page data:text/html,<title>one page</title>',
    ]);
  });
});
