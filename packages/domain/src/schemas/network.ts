import { z } from 'zod';
import type { IntelligenceStatus, Role } from '../enums.ts';
import { intelligenceEvaluations } from '../enums.ts';
import { intelligenceAudience, mayShareIntelligence } from '../intelligence/status.ts';
import { districtCode, id, isoDate, reason, text } from './common.ts';
import { person } from './people.ts';

/**
 * The network views: a district's network, one entity's ego network, and the shortest paths
 * between two entities. Filters: period (a tie counts when it was active in it), minimum grading of
 * the intelligence behind a tie, link types and node types.
 */
export const networkNodeTypes = [
  'child',
  'associate',
  'place',
  'vehicle',
  'intelligence_report',
  'missing_episode',
] as const;
export type NetworkNodeType = (typeof networkNodeTypes)[number];
/** People, places and vehicles: the records themselves are nodes only when asked for. */
export const defaultNetworkNodeTypes: readonly NetworkNodeType[] = ['child', 'associate', 'place', 'vehicle'];

export const networkExportFormats = ['json', 'graphml', 'gexf', 'csv-nodes', 'csv-edges', 'anx'] as const;
export type NetworkExportFormat = (typeof networkExportFormats)[number];

const filters = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  minGrade: z.enum(intelligenceEvaluations, { error: 'must be one of A, B, C, D, E' }).optional(),
  linkTypes: z.array(text(60)).max(40, 'must name at most 40 link types').optional(),
  nodeTypes: z
    .array(z.enum(networkNodeTypes, { error: `must be one of ${networkNodeTypes.join(', ')}` }))
    .min(1, 'must name at least one node type')
    .optional(),
  reason: reason,
};

const checkPeriod = (value: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
  if (value.from && value.to && value.from > value.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${value.from})` });
  }
};

export const districtNetworkInput = z
  .object({ districtCode, ...filters })
  .strict()
  .superRefine(checkPeriod);
export type DistrictNetworkInput = z.infer<typeof districtNetworkInput>;

export const egoNetworkInput = z
  .object({
    entityId: id,
    hops: z.int({ error: 'must be 1, 2 or 3' }).min(1, 'must be 1, 2 or 3').max(3, 'must be 1, 2 or 3').default(2),
    ...filters,
  })
  .strict()
  .superRefine(checkPeriod);
export type EgoNetworkInput = z.infer<typeof egoNetworkInput>;

export const networkPathsInput = z
  .object({ fromEntityId: id, toEntityId: id, ...filters })
  .strict()
  .superRefine(checkPeriod);
export type NetworkPathsInput = z.infer<typeof networkPathsInput>;

export const networkExportInput = z
  .object({
    view: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('district'), districtCode }).strict(),
      z.object({ kind: z.literal('ego'), entityId: id, hops: z.int().min(1).max(3).default(2) }).strict(),
    ]),
    format: z.enum(networkExportFormats, { error: `must be one of ${networkExportFormats.join(', ')}` }),
    ...filters,
  })
  .strict()
  .superRefine(checkPeriod);
export type NetworkExportInput = z.infer<typeof networkExportInput>;

/**
 * Handling codes on intelligence (3x5x2): P may be shared lawfully with the partners who use
 * Lantern; C carries conditions set by the police evaluator, so only police analysts see what
 * rests on it. A tie whose every record the caller may not see is not drawn.
 */
export function mayUseHandlingCode(roles: readonly Role[], code: 'P' | 'C' | null): boolean {
  return code !== 'C' || roles.includes('police_analyst');
}

/**
 * Whether a record a tie rests on may be used for this caller: an intelligence report as
 * share-back allows (developed and coded P for every role but analysts; never withdrawn), any
 * other record by its handling code (none).
 */
export function mayUseRecord(
  roles: readonly Role[],
  record: { handlingCode: 'P' | 'C' | null; reportStatus: IntelligenceStatus | null },
): boolean {
  if (record.reportStatus === null) return mayUseHandlingCode(roles, record.handlingCode);
  return mayShareIntelligence(intelligenceAudience(roles), {
    status: record.reportStatus,
    handlingCode: record.handlingCode,
  });
}

const networkNode = z.object({
  id: z.string(),
  type: z.enum(networkNodeTypes),
  /** As the caller may see it: a child pseudonymised for a district officer is "AB · C-7K3Q9P · 14–15". */
  label: z.string(),
  detail: z.string().nullable(),
  /** People only: the person as the caller may see them (as people.get shows them). */
  person: person.nullable(),
  districtCode: z.string().nullable(),
  /** Places only: where to light them up on the map. */
  location: z.object({ lon: z.number(), lat: z.number() }).nullable(),
  degree: z.number(),
  betweenness: z.number(),
  pagerank: z.number(),
  eigenvector: z.number(),
  community: z.number(),
  core: z.number(),
  bridgeShare: z.number(),
  /** Disruption actions that target this person, place or vehicle. */
  disruption: z.array(z.object({ actionId: z.string(), status: z.string(), tactic: z.string() })),
  /** Set when the node is among the most central only because of weak intelligence. */
  weakDependence: z
    .object({ rankWith: z.number(), rankWithout: z.number().nullable(), weakGrades: z.array(z.string()) })
    .nullable(),
  /** Metrics without the edges that rest only on weak intelligence. */
  withoutWeak: z.object({ community: z.number(), betweenness: z.number(), pagerank: z.number(), degree: z.number() }),
});
export type NetworkNode = z.infer<typeof networkNode>;

const networkEdge = z.object({
  source: z.string(),
  target: z.string(),
  types: z.array(z.string()),
  weight: z.number(),
  first: z.string(),
  last: z.string(),
  records: z.array(z.string()),
  bestGrade: z.string().nullable(),
  worstGrade: z.string().nullable(),
  weak: z.boolean(),
});
export type NetworkEdgeDto = z.infer<typeof networkEdge>;

const networkRecord = z.object({
  id: z.string(),
  type: z.enum(['intelligence_report', 'missing_episode']),
  reference: z.string(),
  date: z.string(),
  summary: z.string(),
});

export const networkView = z.object({
  view: z.object({
    kind: z.enum(['district', 'ego', 'path']),
    districtCode: z.string().nullable(),
    entityIds: z.array(z.string()),
    hops: z.number().nullable(),
    from: z.string(),
    to: z.string(),
    minGrade: z.string().nullable(),
    linkTypes: z.array(z.string()).nullable(),
    nodeTypes: z.array(z.enum(networkNodeTypes)),
  }),
  asAt: z.string(),
  nodes: z.array(networkNode),
  edges: z.array(networkEdge),
  modularity: z.number(),
  communityCount: z.number(),
  /** Betweenness estimated from sampled sources (very large views), or null when exact. */
  betweennessSample: z.object({ sources: z.number(), of: z.number() }).nullable(),
  robustness: z.object({
    weakEdges: z.number(),
    modularityWithoutWeak: z.number(),
    /** NMI between the communities with and without weak edges (1: unchanged). */
    communityAgreement: z.number(),
  }),
  /** The records behind the edges, as far as the caller may see them. */
  records: z.array(networkRecord),
  /** Path view: each shortest path as node ids from one entity to the other. */
  paths: z.array(z.array(z.string())),
});
export type NetworkView = z.infer<typeof networkView>;

export const networkExport = z.object({ filename: z.string(), mediaType: z.string(), content: z.string() });
export type NetworkExport = z.infer<typeof networkExport>;
