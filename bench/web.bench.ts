/**
 * The web app's weight and speed: the gzip size of the production build (what the sign-in page
 * loads, and what the map adds after it), and the time from navigating to `/` (signed in) to the
 * map's first `idle`, in Debian's Chromium with SwiftShader (no GPU), against a seeded PGlite
 * server. Run: pnpm bench:web [--runs N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, signIn, waitForMapIdle } from '../tests/e2e/support/browser.ts';
import { buildWebApp, startE2eServer, webDist } from '../tests/e2e/support/e2e-server.ts';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 7;

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
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
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
