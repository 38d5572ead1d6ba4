/**
 * The network of one view: nodes (people, places, vehicles and, on request, the records
 * themselves) and ties between them. A tie is one reason two nodes are connected (one entity link,
 * or one record that connects them, such as two children found together); the simple graph that
 * the analytics run on collapses every tie between the same pair into one edge whose weight is the
 * number of ties.
 */
/**
 * Ties derived from records rather than recorded as links: children missing at the same time and
 * found together, an episode found near a place of concern, entities named in the same report, and
 * a record node's tie to what it names.
 */
export const derivedTieTypes = ['co-missing', 'found-at', 'co-mentioned', 'mentions'] as const;

/** A record's 3x5x2 grading, e.g. "2B": source evaluation (1–3) and intelligence assessment (A–E). */
export interface Grading {
  source: '1' | '2' | '3';
  intelligence: 'A' | 'B' | 'C' | 'D' | 'E';
}

export interface NetworkTie {
  source: string;
  target: string;
  /** A link type (`associated_with`, `seen_at`, …) or a derived type (`co-missing`, …). */
  type: string;
  /** 'YYYY-MM-DD', Europe/London. */
  first: string;
  last: string;
  /** Ids of the records behind the tie (intelligence reports, missing episodes). */
  records: readonly string[];
  /** Grading of the intelligence behind the tie; null when it rests on police records (episodes). */
  grading: Grading | null;
  /** Rests only on a weak source: an unreliable source, D or E intelligence, or an unverified link. */
  weak: boolean;
}

/** One edge of the simple undirected graph: every tie between a pair, collapsed. */
export interface NetworkEdge {
  source: string;
  target: string;
  types: string[];
  weight: number;
  first: string;
  last: string;
  records: string[];
  /** Best and worst grading of the graded records behind the edge ("1A" … "3E"), if any. */
  bestGrade: string | null;
  worstGrade: string | null;
  /** Every tie behind the edge rests on weak intelligence. */
  weak: boolean;
}

export interface NetworkNodeMetrics {
  degree: number;
  betweenness: number;
  pagerank: number;
  eigenvector: number;
  community: number;
  core: number;
  /** Share of the node's edge weight that goes to other communities (0 when it has none). */
  bridgeShare: number;
}

export interface NetworkMetrics {
  nodes: Map<string, NetworkNodeMetrics>;
  modularity: number;
  communityCount: number;
  /** Betweenness from a sample of source nodes (large graphs), or null when exact. */
  betweennessSample: { sources: number; of: number } | null;
}
