import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { networkMetrics } from './network-metrics.ts';
import { simpleGraph } from './simple-graph.ts';

/**
 * Lantern's metrics against networkx's on the county seed's district networks. The inputs (nodes,
 * weighted edges, the communities Lantern found) and networkx's figures were written by
 * test/golden/make-golden.sh and test/golden/networkx_golden.py; see the script for how each
 * figure is computed on the networkx side.
 */
const golden = new URL('../test/golden/', import.meta.url);

interface GoldenInput {
  nodes: string[];
  edges: [string, string, number][];
  communities: Record<string, number>;
}
interface GoldenOutput {
  degree: Record<string, number>;
  betweenness: Record<string, number>;
  pagerank: Record<string, number>;
  eigenvector: Record<string, number>;
  core: Record<string, number>;
  modularity: number;
  louvain_best: number;
}

const names = readdirSync(new URL('in/', golden)).filter((name) => name.endsWith('.json'));

describe.each(names)('district network %s agrees with networkx', (name) => {
  const input: GoldenInput = JSON.parse(readFileSync(new URL(`in/${name}`, golden), 'utf8'));
  const expected: GoldenOutput = JSON.parse(readFileSync(new URL(`out/${name}`, golden), 'utf8'));
  const edges = input.edges.map(([source, target, weight]) => ({ source, target, weight }));
  const metrics = networkMetrics(simpleGraph(input.nodes, edges), 1);

  it.each(['betweenness', 'pagerank', 'eigenvector'] as const)('%s of every node within 1e-6', (metric) => {
    const worst = Math.max(
      ...input.nodes.map((node) =>
        Math.abs((metrics.nodes.get(node)?.[metric] ?? Number.NaN) - (expected[metric][node] ?? Number.NaN)),
      ),
    );
    expect(worst).toBeLessThan(1e-6);
  });

  it.each(['degree', 'core'] as const)('%s of every node exactly', (metric) => {
    for (const node of input.nodes) expect(metrics.nodes.get(node)?.[metric]).toBe(expected[metric][node]);
  });

  it('finds the same communities as when the golden file was made (seeded, deterministic)', () => {
    for (const node of input.nodes) expect(metrics.nodes.get(node)?.community).toBe(input.communities[node]);
  });

  it('reports the modularity networkx computes for its partition, at least 0.95 of networkx’s best Louvain', () => {
    expect(Math.abs(metrics.modularity - expected.modularity)).toBeLessThan(1e-9);
    expect(metrics.modularity).toBeGreaterThanOrEqual(0.95 * expected.louvain_best);
  });
});
