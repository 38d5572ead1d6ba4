/**
 * The web app's weight and speed: the gzip size of the production build (what the sign-in page
 * loads, and what the map adds after it), and the time from navigating to `/` (signed in) to the
 * map's first `idle`, in Debian's Chromium with SwiftShader (no GPU), against a seeded PGlite
 * server; then, on the warm page, two interactions timed from the user's action to the map's next
 * `idle`: a layer switch (street crime off, then on again) and a district zoom (Mansfield, then the
 * whole county again). Run: pnpm bench:web [--runs N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, signIn, waitForMapIdle } from '../tests/e2e/support/browser.ts';
import { buildWebApp, startE2eServer, webDist } from '../tests/e2e/support/e2e-server.ts';

type Page = Parameters<typeof waitForMapIdle>[0];

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 7;

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/**
 * Milliseconds from `act` to the map's next `idle`: the container's state is set to "acting" first
 * and the page notes when <MapStateReporter> writes "idle" again (the map's own clock, no polling).
 */
async function untilIdle(page: Page, act: () => Promise<void>): Promise<number> {
  // Run in the page (as text: this file is compiled without the DOM's types).
  await page.evaluate(`(() => {
    const container = document.querySelector('[data-testid="district-map"]');
    if (!container) throw new Error('no map on the page');
    window.benchIdle = -1;
    container.dataset.mapState = 'acting';
    const observer = new MutationObserver(() => {
      if (container.dataset.mapState !== 'idle') return;
      window.benchIdle = performance.now();
      observer.disconnect();
    });
    observer.observe(container, { attributes: true, attributeFilter: ['data-map-state'] });
    window.benchStart = performance.now();
  })()`);
  await act();
  await waitForMapIdle(page);
  const took = (await page.evaluate('window.benchIdle < 0 ? -1 : window.benchIdle - window.benchStart')) as number;
  if (took < 0) throw new Error('the map never became idle after the action');
  return took;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

buildWebApp();
const assets = join(webDist, 'assets');
let total = 0;
let totalGzip = 0;
console.log('production build (apps/web/dist/assets):');
for (const file of readdirSync(assets).sort()) {
  const bytes = readFileSync(join(assets, file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  total += bytes.length;
  totalGzip += gzip;
  console.log(`  ${file.padEnd(40)} ${kib(bytes.length).padStart(11)}  gzip ${kib(gzip).padStart(10)}`);
}
console.log(`  ${'total'.padEnd(40)} ${kib(total).padStart(11)}  gzip ${kib(totalGzip).padStart(10)}`);

const server = await startE2eServer();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, 'analyst@lantern.test', 'lantern-demo-2026');
  await waitForMapIdle(page);
  const session = await context.storageState();
  const idleTime = async (target: typeof page) => {
    await target.goto('/');
    await waitForMapIdle(target);
    const idleAt = await target.evaluate(() => performance.getEntriesByName('lantern:map-idle')[0]?.startTime ?? -1);
    if (idleAt < 0) throw new Error('the page recorded no lantern:map-idle mark');
    return idleAt;
  };
  // Cold: a new browser profile each time (empty HTTP cache), signed in already.
  const cold: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const fresh = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 1280, height: 800 },
      storageState: session,
    });
    cold.push(await idleTime(await fresh.newPage()));
    await fresh.close();
  }
  // Warm: the same profile navigating again, as for someone who uses Lantern every day.
  const warm: number[] = [];
  for (let run = 0; run < runs; run += 1) warm.push(await idleTime(page));
  for (const [label, times] of [
    ['cold cache', cold],
    ['warm cache', warm],
  ] as const) {
    console.log(
      `navigation to first map idle, ${label}, ${runs} runs: median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
    );
  }
  // Interactions on the warm page, each from the action to the next idle.
  const crime = page.getByRole('checkbox', { name: 'Police.uk street crime' });
  const picker = page.getByLabel('District', { exact: true });
  const layerOff: number[] = [];
  const layerOn: number[] = [];
  const zoomIn: number[] = [];
  const zoomOut: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    layerOff.push(await untilIdle(page, () => crime.uncheck()));
    layerOn.push(await untilIdle(page, () => crime.check()));
    zoomIn.push(await untilIdle(page, () => picker.selectOption({ label: 'Mansfield' }).then(() => undefined)));
    zoomOut.push(await untilIdle(page, () => picker.selectOption({ label: 'The whole county' }).then(() => undefined)));
  }
  for (const [label, times] of [
    ['layer switch: street crime off', layerOff],
    ['layer switch: street crime on', layerOn],
    ['district zoom: to Mansfield', zoomIn],
    ['district zoom: back to the county', zoomOut],
  ] as const) {
    console.log(
      `${label} to map idle, ${runs} runs: median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
    );
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
