import {
  type DisruptionTargetRow,
  disruptionTargeting,
  getPeople,
  type NetworkPeriod,
  networkEntities,
  type Transaction,
} from '@lantern/db';
import {
  ageBand,
  defaultNetworkNodeTypes,
  type IntelligenceEvaluation,
  londonDate,
  mayUseRecord,
  type NetworkNode,
  type NetworkNodeType,
  type NetworkView,
  type Person,
  toPersonDto,
} from '@lantern/domain';
import { collapseTies, type NetworkEdge } from '@lantern/network';
import type { Access } from '../access/access.ts';
import { runNetworkWork } from '../analytics/analytics-pool.ts';
import type { KeyedTie, TieFilters } from './network-ties.ts';

/** Both ends of every tie. */
export const endpointsOf = (ties: readonly KeyedTie[]) => ties.flatMap((tie) => [tie.source, tie.target]);

/** What every network view is filtered by, from the caller's input. */
export interface NetworkFilterInput {
  from?: string | undefined;
  to?: string | undefined;
  minGrade?: IntelligenceEvaluation | undefined;
  linkTypes?: string[] | undefined;
  nodeTypes?: NetworkNodeType[] | undefined;
}

/** Without a period a view covers every record: from 2000 (the earliest event Lantern keeps) to today. */
export function tieFilters(access: Access, input: NetworkFilterInput): TieFilters {
  const period: NetworkPeriod = { from: input.from ?? '2000-01-01', to: input.to ?? londonDate() };
  return {
    period,
    minGrade: input.minGrade ?? null,
    linkTypes: input.linkTypes && input.linkTypes.length > 0 ? input.linkTypes : null,
    nodeTypes: input.nodeTypes ?? [...defaultNetworkNodeTypes],
    roles: access.principal?.roles ?? [],
  };
}

/** A node as the caller may see it, before metrics. */
export interface VisibleNode {
  id: string;
  type: NetworkNodeType;
  label: string;
  detail: string | null;
  districtCode: string | null;
  location: { lon: number; lat: number } | null;
  /** People only, as the caller may see them. */
  person: Person | null;
}

export interface ResolvedRecords {
  id: string;
  type: 'intelligence_report' | 'missing_episode';
  reference: string;
  date: string;
  summary: string;
}

/**
 * The records among `ids` (of any type) that the caller may see, in the node types asked for: people
 * as their view allows (children pseudonymised for district officers; out-of-scope people not at
 * all), places in scope, vehicles, and reports and episodes in scope (C-coded reports for analysts only).
 */
export async function visibleNodes(
  tx: Transaction,
  access: Access,
  filters: TieFilters,
  ids: Iterable<string>,
): Promise<Map<string, VisibleNode>> {
  const all = [...new Set(ids)];
  const wanted = new Set(filters.nodeTypes);
  const nodes = new Map<string, VisibleNode>();
  const today = londonDate();
  for (const row of await getPeople(tx, all, access.scope)) {
    const view = access.view(row.kind);
    if (view === 'hidden' || !wanted.has(row.kind)) continue;
    const person = toPersonDto(row, view, today);
    const label =
      person.view === 'full'
        ? `${person.givenName} ${person.familyName}`
        : `${person.initials} · ${person.pseudonymRef} · ${person.ageBand}`;
    const detail = person.view === 'full' ? `${person.pseudonymRef} · ${ageBand(person.dateOfBirth, today)}` : null;
    nodes.set(row.id, {
      id: row.id,
      type: row.kind,
      label,
      detail,
      districtCode: row.homeDistrictCode,
      location: null,
      person,
    });
  }
  const entities = await networkEntities(tx, all, access.scope);
  if (wanted.has('place')) {
    for (const place of entities.places) {
      nodes.set(place.id, {
        id: place.id,
        type: 'place',
        label: place.name,
        detail: place.category.replace(/_/g, ' '),
        districtCode: place.districtCode,
        location: { lon: place.lon, lat: place.lat },
        person: null,
      });
    }
  }
  if (wanted.has('vehicle')) {
    for (const vehicle of entities.vehicles) {
      nodes.set(vehicle.id, {
        id: vehicle.id,
        type: 'vehicle',
        label: vehicle.registration,
        detail: vehicle.description,
        districtCode: null,
        location: null,
        person: null,
      });
    }
  }
  for (const record of entities.records) {
    if (!wanted.has(record.type) || !mayUseRecord(filters.roles, record)) continue;
    nodes.set(record.id, {
      id: record.id,
      type: record.type,
      label: record.reference,
      detail: `${record.date} · ${record.summary}`,
      districtCode: record.districtCode,
      location: null,
      person: null,
    });
  }
  return nodes;
}

/** The records behind the edges that the caller may see (in scope; C-coded reports for analysts only). */
export async function visibleRecords(
  tx: Transaction,
  access: Access,
  filters: TieFilters,
  edges: readonly NetworkEdge[],
): Promise<ResolvedRecords[]> {
  const ids = [...new Set(edges.flatMap((edge) => edge.records))];
  const { records } = await networkEntities(tx, ids, access.scope);
  return records
    .filter((record) => mayUseRecord(filters.roles, record))
    .map(({ id, type, reference, date, summary }) => ({ id, type, reference, date, summary }))
    .sort((a, b) => (a.date === b.date ? (a.reference < b.reference ? -1 : 1) : a.date < b.date ? -1 : 1));
}

export interface ViewShape {
  kind: NetworkView['view']['kind'];
  districtCode: string | null;
  entityIds: string[];
  hops: number | null;
  paths?: string[][];
}

/** Louvain's and the sampled betweenness's seed: fixed, so a view is reproducible. */
export const networkSeed = 1;

/** Everything a view shows, read from the database, before its metrics. */
export interface CollectedView {
  filters: TieFilters;
  shape: ViewShape;
  nodes: VisibleNode[];
  edges: NetworkEdge[];
  records: ResolvedRecords[];
  targeting: DisruptionTargetRow[];
}

/**
 * The view from its ties and the nodes the caller may see: ties with a hidden end are dropped
 * before anything is counted, so what the caller may not see does not change what they are shown.
 * Records behind an edge that the caller may not see are not listed.
 */
export async function collectView(
  tx: Transaction,
  access: Access,
  filters: TieFilters,
  shape: ViewShape,
  ties: readonly KeyedTie[],
  visible: ReadonlyMap<string, VisibleNode>,
): Promise<CollectedView> {
  const seen = new Set<string>();
  const kept = ties.filter((tie) => {
    if (seen.has(tie.key) || !visible.has(tie.source) || !visible.has(tie.target)) return false;
    seen.add(tie.key);
    return true;
  });
  const edges = collapseTies(kept);
  const records = await visibleRecords(tx, access, filters, edges);
  const recordIds = new Set(records.map((record) => record.id));
  const nodeIds = new Set([
    ...shape.entityIds.filter((id) => visible.has(id)),
    ...edges.flatMap((edge) => [edge.source, edge.target]),
  ]);
  return {
    filters,
    shape,
    nodes: [...nodeIds].map((id) => visible.get(id) as VisibleNode),
    edges: edges.map((edge) => ({ ...edge, records: edge.records.filter((id) => recordIds.has(id)) })),
    records,
    targeting: await disruptionTargeting(tx, [...nodeIds]),
  };
}

/** The ids of the people a view shows: what its audit event records. */
export function peopleShown(view: CollectedView): string[] {
  return view.nodes.filter((node) => node.person !== null).map((node) => node.id);
}

/** The view's metrics (in the analytics pool, outside any transaction), and the view as shown. */
export async function computeView(
  { filters, shape, nodes, edges, records, targeting }: CollectedView,
  signal?: AbortSignal,
): Promise<NetworkView> {
  const nodeIds = nodes.map((node) => node.id);
  const { metrics, weak } = await runNetworkWork({ kind: 'network', nodeIds, edges, seed: networkSeed }, signal);
  const viewNodes: NetworkNode[] = nodes
    .map((node) => {
      const m = metrics.nodes.get(node.id);
      const strong = weak.strong.nodes.get(node.id);
      return {
        id: node.id,
        type: node.type,
        label: node.label,
        detail: node.detail,
        person: node.person,
        districtCode: node.districtCode,
        location: node.location,
        degree: m?.degree ?? 0,
        betweenness: m?.betweenness ?? 0,
        pagerank: m?.pagerank ?? 0,
        eigenvector: m?.eigenvector ?? 0,
        community: m?.community ?? 0,
        core: m?.core ?? 0,
        bridgeShare: m?.bridgeShare ?? 0,
        disruption: targeting
          .filter((action) => action.targetId === node.id)
          .map(({ actionId, status, tactic }) => ({ actionId, status, tactic })),
        weakDependence: weak.dependent.get(node.id) ?? null,
        withoutWeak: {
          community: strong?.community ?? 0,
          betweenness: strong?.betweenness ?? 0,
          pagerank: strong?.pagerank ?? 0,
          degree: strong?.degree ?? 0,
        },
      };
    })
    .sort((a, b) => b.pagerank - a.pagerank || (a.id < b.id ? -1 : 1));
  return {
    view: {
      kind: shape.kind,
      districtCode: shape.districtCode,
      entityIds: shape.entityIds,
      hops: shape.hops,
      from: filters.period.from,
      to: filters.period.to,
      minGrade: filters.minGrade,
      linkTypes: filters.linkTypes ? [...filters.linkTypes] : null,
      nodeTypes: [...filters.nodeTypes],
    },
    asAt: new Date().toISOString(),
    nodes: viewNodes,
    edges,
    modularity: metrics.modularity,
    communityCount: metrics.communityCount,
    betweennessSample: metrics.betweennessSample,
    robustness: {
      weakEdges: weak.weakEdges,
      modularityWithoutWeak: weak.strong.modularity,
      communityAgreement: weak.communityAgreement,
    },
    records,
    paths: shape.paths ?? [],
  };
}
