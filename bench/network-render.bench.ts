/**
 * The Network page drawing a large link chart in Debian's Chromium (SwiftShader, no GPU): the
 * time from opening the page to a drawn chart (layout included) and the frame rate while the
 * user drags and zooms it. The view is synthetic, handed to the page in place of the server's
 * answer (the page and the renderer are the real ones), so any size can be tried.
 * Run: pnpm bench:network-render [--nodes 5000] [--edges 15000]
 */
import type { NetworkView } from '@lantern/domain';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { launchChromium, signIn, waitForMapIdle } from '../tests/e2e/support/browser.ts';
import { startE2eServer } from '../tests/e2e/support/e2e-server.ts';

const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const nodeCount = flag('nodes', 5000);
const edgeCount = flag('edges', 15_000);

/** A planted-partition network: groups of 20, nine in ten links inside a group. */
function syntheticView(): NetworkView {
  const random = xoroshiro128plus(7);
  const uniform = () => (random.next() >>> 0) / 0x1_0000_0000;
  const types = ['child', 'associate', 'place', 'vehicle'] as const;
  const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const nodes: NetworkView['nodes'] = Array.from({ length: nodeCount }, (_, i) => ({
    id: id(i),
    type: types[i % 4] as (typeof types)[number],
    label: `Node ${i}`,
    detail: null,
    person: null,
    districtCode: 'E07000174',
    location: null,
    degree: 0,
    betweenness: uniform() / 100,
    pagerank: uniform() / nodeCount,
    eigenvector: uniform() / 10,
    community: Math.floor(i / 20),
    core: 1,
    bridgeShare: 0,
    disruption: [],
    weakDependence: null,
    withoutWeak: { community: Math.floor(i / 20), betweenness: 0, pagerank: 0, degree: 0 },
  }));
  const seen = new Set<string>();
  const edges: NetworkView['edges'] = [];
  while (edges.length < edgeCount) {
    const a = Math.floor(uniform() * nodeCount);
    const group = Math.floor(a / 20);
    const b = uniform() < 0.9 ? group * 20 + Math.floor(uniform() * 20) : Math.floor(uniform() * nodeCount);
    if (a === b || b >= nodeCount) continue;
    const [source, target] = [id(Math.min(a, b)), id(Math.max(a, b))];
    if (seen.has(`${source}|${target}`)) continue;
    seen.add(`${source}|${target}`);
    edges.push({
      source,
      target,
      types: ['associated_with'],
      weight: 1,
      first: '2026-01-01',
      last: '2026-06-30',
      records: [],
      bestGrade: '2B',
      worstGrade: '2B',
      weak: false,
    });
  }
  return {
    view: {
      kind: 'district',
      districtCode: 'E07000174',
      entityIds: [],
      hops: null,
      from: '2025-12-05',
      to: '2026-12-04',
      minGrade: null,
      linkTypes: null,
      nodeTypes: [...types],
    },
    asAt: new Date().toISOString(),
    nodes,
    edges,
    modularity: 0.8,
    communityCount: Math.ceil(nodeCount / 20),
    betweennessSample: null,
    robustness: { weakEdges: 0, modularityWithoutWeak: 0.8, communityAgreement: 1 },
    records: [],
    paths: [],
  };
}

const view = syntheticView();
const server = await startE2eServer();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, 'analyst@lantern.test', 'lantern-demo-2026');
  await waitForMapIdle(page);
  await page.route('**/trpc/network.district**', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify([{ result: { data: view } }]) }),
  );
  const opened = Date.now();
  await page.goto('/network?district=E07000174');
  await page.locator('[data-testid="network-chart"][data-chart-state="ready"]').waitFor({ timeout: 600_000 });
  const readyMs = Date.now() - opened;
  const box = await page.getByTestId('network-chart').boundingBox();
  if (!box) throw new Error('no chart on the page');
  // A string, not a function: tsx would wrap a function's inner arrows in a helper the page lacks.
  await page.evaluate(`(() => {
    const state = { frames: 0, running: true };
    globalThis.lanternFrames = state;
    const tick = () => { state.frames += 1; if (state.running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await page.waitForTimeout(3000);
  const idleFrames = (await page.evaluate('globalThis.lanternFrames.frames')) as number;
  console.log(`idle: ${(idleFrames / 3).toFixed(1)} frames/s`);
  const started = Date.now();
  const startFrames = idleFrames;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  for (let round = 0; round < 4; round += 1) {
    await page.mouse.down();
    for (let step = 0; step < 30; step += 1) await page.mouse.move(centre.x + 6 * step, centre.y + 3 * step);
    await page.mouse.up();
    await page.mouse.move(centre.x, centre.y);
    for (let step = 0; step < 10; step += 1) await page.mouse.wheel(0, round % 2 === 0 ? -120 : 120);
  }
  const seconds = (Date.now() - started) / 1000;
  const frames = (await page.evaluate(
    '(() => { globalThis.lanternFrames.running = false; return globalThis.lanternFrames.frames; })()',
  )) as number;
  console.log(`| nodes | edges | page open to chart drawn (layout included) | frame rate while dragging and zooming |`);
  console.log(`| ---: | ---: | ---: | ---: |`);
  console.log(
    `| ${nodeCount} | ${view.edges.length} | ${(readyMs / 1000).toFixed(1)} s | ${((frames - startFrames) / seconds).toFixed(1)} fps over ${seconds.toFixed(1)} s |`,
  );
} finally {
  await browser.close();
  await server.close();
}
