import { accessFor, viewDistrictNetwork } from '@lantern/app';
import { type Database, findPrincipal } from '@lantern/db';
import { districtCodes, procedurePolicies } from '@lantern/domain';
import { networkMetrics, normalizedMutualInformation, simpleGraph } from '@lantern/network';
import { type PlantedNetwork, plantedNetworks } from '@lantern/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededTestDatabase } from '../support/seeded-database.ts';

/*
 * The generator plants 26 CSE and 30 CCE exploitation networks and then writes only records about
 * them (intelligence reports, entity links, missing episodes). Community detection on the network
 * built from those records, as a police analyst reads it through the district-network use case,
 * should find the planted networks again: Louvain on the county-wide graph (the union of the eight
 * district networks) against the planted membership, scored by normalised mutual information.
 */
let db: Database;
let planted: PlantedNetwork[];
beforeAll(async () => {
  db = await createSeededTestDatabase();
  planted = plantedNetworks();
});
afterAll(() => db.close());

/** The county-wide network: every district's view as the analyst sees it, nodes and edges merged. */
async function countyNetwork() {
  const principal = await findPrincipal(db.prisma, { role: 'police_analyst' });
  if (!principal) throw new Error('the seed has no police analyst');
  const access = accessFor(principal, 'network.district', procedurePolicies['network.district']);
  const nodes = new Map<string, string>();
  const edges = new Map<string, { source: string; target: string; weight: number }>();
  for (const districtCode of districtCodes) {
    const view = await viewDistrictNetwork({ db }, access, { districtCode, reason: 'network recovery test' });
    for (const node of view.nodes) nodes.set(node.id, node.type);
    for (const { source, target, weight } of view.edges) {
      const key = `${source}|${target}`;
      // A tie between two districts' people is in both views, counted the same in each.
      edges.set(key, { source, target, weight: Math.max(weight, edges.get(key)?.weight ?? 0) });
    }
  }
  return { nodes, edges: [...edges.values()] };
}

/** Each member of exactly one planted network (associates, vehicles, places, children) → that network. */
function plantedMembership(networks: readonly PlantedNetwork[]): { membership: Map<string, number>; shared: number } {
  const networksOf = new Map<string, Set<number>>();
  networks.forEach((network, index) => {
    for (const id of [...network.associateIds, ...network.vehicleIds, ...network.placeIds, ...network.childIds]) {
      networksOf.set(id, (networksOf.get(id) ?? new Set()).add(index));
    }
  });
  const membership = new Map<string, number>();
  for (const [id, of] of networksOf) if (of.size === 1) membership.set(id, [...of][0] as number);
  return { membership, shared: networksOf.size - membership.size };
}

describe('communities found from the records', () => {
  it('recover the planted exploitation networks (NMI ≥ 0.7 against the planted membership)', async () => {
    expect(planted).toHaveLength(56);
    const { nodes, edges } = await countyNetwork();
    const metrics = networkMetrics(simpleGraph(nodes.keys(), edges), 1);
    const found = new Map([...metrics.nodes].map(([id, node]) => [id, node.community]));
    const { membership, shared } = plantedMembership(planted);
    const scored = [...membership.keys()].filter((id) => found.has(id));
    const nmi = normalizedMutualInformation(membership, found);

    console.log(
      `network recovery: NMI ${nmi.toFixed(4)} between Louvain's ${metrics.communityCount} communities ` +
        `(modularity ${metrics.modularity.toFixed(4)}) on the county network of ${nodes.size} nodes and ` +
        `${edges.length} edges and the ${planted.length} planted networks, over the ${scored.length} of ` +
        `${membership.size} single-network members that the records put in the network ` +
        `(${shared} members of two networks left out)`,
    );
    // The score is over the members the records show: most of them must be there, or it says little.
    expect(scored.length).toBeGreaterThanOrEqual(0.8 * membership.size);
    expect(nmi).toBeGreaterThanOrEqual(0.7);
  });
});
