import { districtNetworkSeeds, type Transaction } from '@lantern/db';
import {
  AppError,
  type DistrictNetworkInput,
  type EgoNetworkInput,
  type NetworkPathsInput,
  networkNodeTypes,
} from '@lantern/domain';
import { collapseTies, pairKey, shortestPaths, simpleGraph } from '@lantern/network';
import type { Access } from '../access/access.ts';
import { gatherTies, type KeyedTie } from './network-ties.ts';
import { type CollectedView, collectView, endpointsOf, tieFilters, visibleNodes } from './network-view.ts';

/**
 * The three network views, read inside the caller's transaction (the use cases add the audit
 * event and then compute the metrics outside it). The centre of an ego view and the ends of a
 * path may be of any node type, whatever types the view draws around them.
 */

function assertDistrictInScope(access: Access, districtCode: string) {
  if (access.scope !== 'all' && !access.scope.includes(districtCode)) {
    throw new AppError('FORBIDDEN', `districtCode: ${districtCode} is outside your districts`);
  }
}

/**
 * Everything linked to a district's people and places in the period: their ties, the people,
 * places and vehicles at the other ends, and the ties among those (the induced subgraph).
 */
export async function collectDistrictNetwork(
  tx: Transaction,
  access: Access,
  input: DistrictNetworkInput,
): Promise<CollectedView> {
  assertDistrictInScope(access, input.districtCode);
  const filters = tieFilters(access, input);
  const seeds = await districtNetworkSeeds(tx, input.districtCode);
  const inner = await gatherTies(tx, filters, seeds);
  const visible = await visibleNodes(tx, access, filters, endpointsOf(inner));
  const seedSet = new Set(seeds);
  const outer = [...visible.keys()].filter((id) => !seedSet.has(id));
  const among = outer.length > 0 ? await gatherTies(tx, filters, outer) : [];
  return collectView(
    tx,
    access,
    filters,
    { kind: 'district', districtCode: input.districtCode, entityIds: [], hops: null },
    [...inner, ...among],
    visible,
  );
}

const noEntity = (id: string) =>
  new AppError('NOT_FOUND', `No person, place, vehicle or record ${id} that you may see in your districts`);

/** One entity and everything within `hops` ties of it, with the ties among them. */
export async function collectEgoNetwork(
  tx: Transaction,
  access: Access,
  input: EgoNetworkInput,
): Promise<CollectedView> {
  const filters = tieFilters(access, input);
  const visible = await visibleNodes(tx, access, { ...filters, nodeTypes: networkNodeTypes }, [input.entityId]);
  if (!visible.has(input.entityId)) throw noEntity(input.entityId);
  const ties: KeyedTie[] = [];
  let frontier = [input.entityId];
  for (let hop = 1; hop <= input.hops && frontier.length > 0; hop++) {
    const found = await gatherTies(tx, filters, frontier);
    ties.push(...found);
    const fresh = endpointsOf(found).filter((id) => !visible.has(id));
    const next = await visibleNodes(tx, access, filters, fresh);
    for (const [id, node] of next) visible.set(id, node);
    frontier = [...next.keys()];
  }
  // The outermost ring's ties to each other (and to nodes already in) complete the induced subgraph.
  if (frontier.length > 0) ties.push(...(await gatherTies(tx, filters, frontier)));
  return collectView(
    tx,
    access,
    filters,
    { kind: 'ego', districtCode: null, entityIds: [input.entityId], hops: input.hops },
    ties,
    visible,
  );
}

/** The shortest paths between two entities over every tie the caller may see, each step with its records. */
export async function collectNetworkPaths(
  tx: Transaction,
  access: Access,
  input: NetworkPathsInput,
): Promise<CollectedView> {
  const filters = tieFilters(access, input);
  const ends = await visibleNodes(tx, access, { ...filters, nodeTypes: networkNodeTypes }, [
    input.fromEntityId,
    input.toEntityId,
  ]);
  for (const id of [input.fromEntityId, input.toEntityId]) if (!ends.has(id)) throw noEntity(id);
  const ties = await gatherTies(tx, filters, null);
  const visible = await visibleNodes(tx, access, filters, endpointsOf(ties));
  for (const [id, node] of ends) visible.set(id, node);
  const usable = ties.filter((tie) => visible.has(tie.source) && visible.has(tie.target));
  const graph = simpleGraph(visible.keys(), collapseTies(usable));
  const paths = shortestPaths(graph, input.fromEntityId, input.toEntityId);
  const steps = new Set(paths.flatMap((path) => path.slice(1).map((id, i) => pairKey(path[i] as string, id))));
  return collectView(
    tx,
    access,
    filters,
    { kind: 'path', districtCode: null, entityIds: [input.fromEntityId, input.toEntityId], hops: null, paths },
    usable.filter((tie) => steps.has(pairKey(tie.source, tie.target))),
    visible,
  );
}
