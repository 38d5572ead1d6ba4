import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type Browser, type BrowserContext, chromium, type Locator, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromiumBinary } from './chromium-binary.ts';
import { repositoryRoot } from './e2e-server.ts';

/**
 * Chromium driven by playwright-core (Debian's, or the one inside an npm package: see
 * chromium-binary.ts; never a build downloaded at run time). SwiftShader gives it WebGL without a
 * GPU, which the maplibre canvas needs.
 */

// The functions passed to page.evaluate run in the page. The tests' tsconfig has no DOM library
// (it would type all of Node's code as if it ran in a browser), so the few DOM names they use are
// declared here, for this module only.
interface PageImage {
  src: string;
  width: number;
  height: number;
  decode(): Promise<void>;
}
interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    drawImage(image: PageImage, x: number, y: number): void;
    getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
  } | null;
}
declare const Image: new () => PageImage;
declare const document: {
  createElement(tag: 'canvas'): PageCanvas;
  activeElement: { id: string; textContent: string | null } | null;
};
declare const window: unknown;

/**
 * The features Playwright disables at every launch (its own `--disable-features`, which comes
 * before ours). Chromium keeps only the last value of a repeated switch, so a launch that disables
 * more must repeat these; chromium.spec.ts reads a launched browser's command line and compares
 * Playwright's list there with this one, so a Playwright upgrade that changes it fails that test
 * instead of losing a setting silently.
 */
export const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * The browser's own pages, which headless never shows: in the full browser (the headless shell has
 * no windows), every window (each context is one) loaded the address bar's popup and its AI-mode
 * popup as WebUI pages in a renderer of their own, about 2.5 s of CPU per context against 4–5 s
 * for a sign-in with its map drawn.
 */
export const browserUiFeatures = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI'];

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--disable-features=${[...playwrightDisabledFeatures, ...browserUiFeatures].join(',')}`,
];

export async function launchChromium(): Promise<Browser> {
  const binary = await chromiumBinary();
  return chromium.launch({
    executablePath: binary.executablePath,
    args: chromiumArgs,
    headless: true,
    env: { ...process.env, ...binary.env },
  });
}

export const screenshotDir = join(repositoryRoot, 'test-results', 'e2e');

export async function screenshot(page: Page | Locator, name: string): Promise<Buffer> {
  mkdirSync(screenshotDir, { recursive: true });
  return page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions, CSP violations among them ("Refused to …"). */
  problems: string[];
  /**
   * Resolves once the page has had no API call in flight and shows no loading status for 200 ms:
   * its answers have arrived and are drawn. Unlike Playwright's `networkidle`, map tiles and
   * other static fetches do not hold it up. Throws if the page is still busy after 15 s.
   */
  settled(): Promise<void>;
}

export interface PageOptions {
  /**
   * Pages ask for reduced motion unless a test needs the animations: the map then jumps to a
   * chosen district instead of flying there (apps/web/src/map/use-fit-to.ts), so Chromium's
   * software WebGL does not draw the frames in between (about a tenth of the e2e project's CPU).
   * The tests wait for where the map ends up either way; the district picker's test keeps the
   * animation, so the path most users see is driven too.
   */
  motion?: 'animated' | 'reduced';
}

/**
 * A page in a fresh context (no cookies shared between tests) whose console is watched. The one
 * expected console error is the 401 of a refused sign-in; a visitor's session check answers
 * without one (regression, issue 18: every visit to the sign-in page logged a 401).
 */
export async function openWatchedPage(
  browser: Browser,
  baseUrl: string,
  options: PageOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 800 },
    reducedMotion: options.motion === 'animated' ? 'no-preference' : 'reduce',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const refusedSignIn = message.location().url.includes('/trpc/auth.login');
    if (refusedSignIn && /the server responded with a status of 401/.test(message.text())) return;
    problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  const inFlight = new Set<Request>();
  const isApi = (request: Request) => new URL(request.url()).pathname.startsWith('/trpc/');
  page.on('request', (request) => {
    if (isApi(request)) inFlight.add(request);
  });
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));
  const settled = async () => {
    const deadline = Date.now() + 15_000;
    let quietSince = Date.now();
    for (;;) {
      const loading = await page.locator('.status--loading').count();
      if (inFlight.size > 0 || loading > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= 200) return;
      if (Date.now() > deadline) {
        const calls = [...inFlight].map((request) => new URL(request.url()).pathname).join(', ');
        throw new Error(`${page.url()} is still busy after 15 s (API calls in flight: ${calls || 'none'})`);
      }
      await page.waitForTimeout(50);
    }
  };
  return { page, context, problems, settled };
}

export async function signIn(page: Page, email: string, password: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The map container says "idle" once maplibre has drawn everything it has (district-map.tsx). */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.locator('[data-testid="district-map"][data-map-state="idle"]').waitFor({ timeout: 60_000 });
}

/** Waits until the hot-spot layer has handed some squares to the map and the map has drawn them. */
export async function waitForHotspotCells(page: Page): Promise<void> {
  await page
    .locator('[data-testid="district-map"][data-hotspot-cells]:not([data-hotspot-cells="0"])')
    .waitFor({ timeout: 60_000 });
  await waitForMapIdle(page);
}

/** What has keyboard focus: `#id` when it has an id, else its text. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active?.id ? `#${active.id}` : (active?.textContent ?? '');
  });
}

/** The map's view from its URL hash (`#map=zoom/lat/lng`). */
export async function mapView(page: Page): Promise<{ zoom: number; lat: number; lng: number }> {
  const hash = new URL(page.url()).hash;
  const match = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(hash);
  if (!match) throw new Error(`the URL ${page.url()} has no map view in its hash`);
  return { zoom: Number(match[1]), lat: Number(match[2]), lng: Number(match[3]) };
}

/**
 * How much of a screenshot is not its most common colour (the map's background): a blank or
 * failed canvas is one colour throughout. Decoded by the page itself (an <img> of the PNG drawn
 * onto a 2D canvas), so no PNG decoder is needed here.
 */
export async function shareUnlikeBackground(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const histogram = new Map<number, number>();
    for (let index = 0; index < data.length; index += 4) {
      const colour = ((data[index] ?? 0) << 16) | ((data[index + 1] ?? 0) << 8) | (data[index + 2] ?? 0);
      histogram.set(colour, (histogram.get(colour) ?? 0) + 1);
    }
    const background = [...histogram.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
    const channels = [(background >> 16) & 255, (background >> 8) & 255, background & 255];
    let unlike = 0;
    for (let index = 0; index < data.length; index += 4) {
      const distance = channels.reduce(
        (sum, value, channel) => sum + Math.abs((data[index + channel] ?? 0) - value),
        0,
      );
      if (distance > 24) unlike += 1;
    }
    return unlike / (data.length / 4);
  }, png.toString('base64'));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's WCAG 2.x A/AA rules on the current page; returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: an added <script> would (rightly) be refused by the CSP.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(options: unknown): Promise<{ violations: RawViolation[] }> } }).axe;
    interface RawViolation {
      id: string;
      impact: string | null;
      help: string;
      nodes: Array<{ target: unknown[] }>;
    }
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Share of pixels that differ between two screenshots of the same size (decoded by the page). */
export async function shareChanged(page: Page, before: Buffer, after: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second]) => {
      const pixels = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2D canvas');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [a, b] = [await pixels(first), await pixels(second)];
      if (a.length !== b.length) return 1;
      let changed = 0;
      for (let index = 0; index < a.length; index += 4) {
        const distance =
          Math.abs((a[index] ?? 0) - (b[index] ?? 0)) +
          Math.abs((a[index + 1] ?? 0) - (b[index + 1] ?? 0)) +
          Math.abs((a[index + 2] ?? 0) - (b[index + 2] ?? 0));
        if (distance > 24) changed += 1;
      }
      return changed / (a.length / 4);
    },
    [before.toString('base64'), after.toString('base64')] as const,
  );
}

/**
 * Where a longitude/latitude is on the page, from the map's view in the URL hash and the canvas's
 * box: maplibre's Web Mercator with 512-pixel tiles.
 */
export async function pagePointOf(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const view = await mapView(page);
  const box = await page.getByTestId('district-map').boundingBox();
  if (!box) throw new Error('the map is not on the page');
  const worldSize = 512 * 2 ** view.zoom;
  const project = (longitude: number, latitude: number) => {
    const sin = Math.sin((latitude * Math.PI) / 180);
    return {
      x: ((longitude + 180) / 360) * worldSize,
      y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldSize,
    };
  };
  const centre = project(view.lng, view.lat);
  const point = project(lon, lat);
  return { x: box.x + box.width / 2 + (point.x - centre.x), y: box.y + box.height / 2 + (point.y - centre.y) };
}

/** Calls a tRPC query as the signed-in page (its cookie, the CSRF header) and returns the data. */
export async function apiQuery<T>(page: Page, path: string, input?: unknown): Promise<T> {
  return page.evaluate(
    async ([procedure, json]) => {
      const query = json === undefined ? '' : `?input=${encodeURIComponent(json)}`;
      const response = await fetch(`/trpc/${procedure}${query}`, { headers: { 'x-lantern-csrf': '1' } });
      const body = (await response.json()) as { result?: { data: unknown }; error?: { message: string } };
      if (!body.result) throw new Error(`${procedure}: ${body.error?.message ?? response.status}`);
      return body.result.data;
    },
    [path, input === undefined ? undefined : JSON.stringify(input)] as const,
  ) as Promise<T>;
}

/**
 * Follows the header's link to a page, opening the header menu it sits in first when it is in one
 * (apps/web/src/routing/app-nav.tsx), as a user would.
 */
export async function navigateTo(page: Page, name: string | RegExp): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const options = { name, exact: typeof name === 'string', includeHidden: true };
  const link = nav.getByRole('link', options);
  // `has` takes a locator relative to each group, written from the page.
  const group = nav.locator('.app-nav__group', { has: page.getByRole('link', options) });
  if (!(await link.isVisible())) await group.getByRole('button').click();
  await link.click();
}

/** Every demo account's password (synthetic demo databases only). */
export const demoPassword = 'lantern-demo-2026';

/**
 * The address of this worker's e2e server (global-setup.ts starts one per worker), once it serves.
 * Waits while the first server seeds; a server that failed to start fails the file with its error.
 */
export async function e2eServerUrl(): Promise<string> {
  const statusFiles = inject('e2eServerStatusFiles');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  const status = statusFiles[(worker - 1) % statusFiles.length] as string;
  for (;;) {
    if (existsSync(status)) {
      const content = JSON.parse(readFileSync(status, 'utf8')) as { baseUrl: string } | { error: string };
      if ('error' in content) throw new Error(`the e2e server for worker ${worker} did not start:\n${content.error}`);
      return content.baseUrl;
    }
    await delay(200);
  }
}

/**
 * The worker's Chromium. The e2e project shares modules between the files of a worker
 * (`isolate: false`), so the first file launches it and the rest reuse it, warm; one that finds it
 * gone (crashed) launches another. It ends with the worker's process.
 */
let workerChromium: Promise<Browser> | undefined;

async function sharedChromium(): Promise<Browser> {
  const running = await workerChromium?.catch(() => undefined);
  if (running?.isConnected()) return running;
  workerChromium = launchChromium();
  return workerChromium;
}

/**
 * A test file's pages, in the worker's Chromium. `open()` gives a watched page on the e2e server
 * in a context of its own, `signedIn(email)` one signed in as that demo account with the map
 * drawn, `signedIn(email, path)` one signed in on that page. Contexts a test leaves open (a
 * failure before its `context.close()`) are closed after the file. Call it at the top of the file.
 */
export function browserSession() {
  let browser: Browser | undefined;
  let baseUrl = '';
  const contexts = new Set<BrowserContext>();
  beforeAll(async () => {
    [baseUrl, browser] = await Promise.all([e2eServerUrl(), sharedChromium()]);
  });
  afterAll(async () => {
    await Promise.all([...contexts].map((context) => context.close()));
  });
  const open = async (options: PageOptions = {}): Promise<WatchedPage> => {
    if (!browser) throw new Error('Chromium is not running yet: open pages inside a test');
    const watched = await openWatchedPage(browser, baseUrl, options);
    contexts.add(watched.context);
    watched.context.once('close', () => contexts.delete(watched.context));
    return watched;
  };
  /**
   * Signed in on the map, drawn; or, given a path, signed in on that page (followed as a link while
   * signed out, it shows the sign-in form and then itself), so a test that works elsewhere does not
   * wait for the map to draw first.
   */
  const signedIn = async (email: string, path?: string, options: PageOptions = {}): Promise<WatchedPage> => {
    const watched = await open(options);
    await signIn(watched.page, email, demoPassword, path);
    if (path === undefined) await waitForMapIdle(watched.page);
    else await watched.page.getByRole('navigation', { name: 'Main' }).waitFor();
    return watched;
  };
  return { open, signedIn };
}

/** A calendar date (YYYY-MM-DD) as the app shows it: "23 Nov 2026". */
export function ukDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
