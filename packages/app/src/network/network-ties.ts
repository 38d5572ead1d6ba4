import {
  coMentionLinks,
  coMissingEpisodes,
  episodesFoundAtPlaces,
  type NetworkEntityType,
  type NetworkLinkRow,
  type NetworkPeriod,
  networkLinks,
  type Transaction,
} from '@lantern/db';
import { type IntelligenceEvaluation, mayUseRecord, type NetworkNodeType, type Role } from '@lantern/domain';
import { type NetworkTie, pairKey } from '@lantern/network';

/** Children missing at the same time count as missing together when found this close (metres). */
export const coMissingMetres = 250;
/** An episode counts as found at a place of concern this close to it (metres). */
export const foundAtMetres = 100;

export interface TieFilters {
  period: NetworkPeriod;
  /** Worst intelligence assessment a tie may rest on; ties on police records always pass. */
  minGrade: IntelligenceEvaluation | null;
  /** Only these tie types (link types or derived types); null for all. */
  linkTypes: readonly string[] | null;
  nodeTypes: readonly NetworkNodeType[];
  /** The caller's roles, for handling codes. */
  roles: readonly Role[];
}

/** A tie with a key for de-duplication and the record kinds of its records. */
export interface KeyedTie extends NetworkTie {
  key: string;
  endpointTypes: [NetworkEntityType, NetworkEntityType];
  recordTypes: ('intelligence_report' | 'missing_episode')[];
}

const weakReliability = (row: NetworkLinkRow) =>
  row.reliability === 'unverified' ||
  row.sourceEvaluation === '3' ||
  row.intelligenceEvaluation === 'D' ||
  row.intelligenceEvaluation === 'E';

const gradingOf = (row: NetworkLinkRow) =>
  row.sourceEvaluation && row.intelligenceEvaluation
    ? { source: row.sourceEvaluation, intelligence: row.intelligenceEvaluation }
    : null;

function usable(row: NetworkLinkRow, filters: TieFilters): boolean {
  if (!mayUseRecord(filters.roles, row)) return false;
  if (filters.minGrade && row.intelligenceEvaluation && row.intelligenceEvaluation > filters.minGrade) return false;
  return true;
}

const recordTypeOf = (row: NetworkLinkRow) =>
  row.sourceType === 'assessment' ? [] : ([row.sourceType] as ('intelligence_report' | 'missing_episode')[]);

function linkTie(row: NetworkLinkRow): KeyedTie {
  return {
    key: `link:${row.id}`,
    source: row.fromId,
    target: row.toId,
    endpointTypes: [row.fromType, row.toType],
    type: row.linkType,
    first: row.first,
    last: row.last,
    records: [row.sourceId],
    recordTypes: recordTypeOf(row),
    grading: gradingOf(row),
    weak: weakReliability(row),
  };
}

/**
 * Entities named in one report are tied to each other by it ("co-mentioned"), except pairs the
 * report already links directly: those have their link.
 */
function coMentionTies(rows: readonly NetworkLinkRow[], around: ReadonlySet<string> | null): KeyedTie[] {
  const byReport = new Map<string, NetworkLinkRow[]>();
  for (const row of rows) byReport.set(row.sourceId, [...(byReport.get(row.sourceId) ?? []), row]);
  const ties: KeyedTie[] = [];
  for (const [reportId, links] of byReport) {
    const named = new Map<string, NetworkEntityType>();
    const linked = new Set<string>();
    for (const link of links) {
      named.set(link.fromId, link.fromType);
      named.set(link.toId, link.toType);
      linked.add(pairKey(link.fromId, link.toId));
    }
    const first = links[0] as NetworkLinkRow;
    const date = first.reportDate ?? first.first;
    const ids = [...named.keys()].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [ids[i] as string, ids[j] as string];
        if (linked.has(pairKey(a, b))) continue;
        if (around && !around.has(a) && !around.has(b)) continue;
        ties.push({
          key: `co-mentioned:${reportId}:${a}:${b}`,
          source: a,
          target: b,
          endpointTypes: [named.get(a) as NetworkEntityType, named.get(b) as NetworkEntityType],
          type: 'co-mentioned',
          first: date,
          last: date,
          records: [reportId],
          recordTypes: ['intelligence_report'],
          grading: gradingOf(first),
          weak:
            first.sourceEvaluation === '3' ||
            first.intelligenceEvaluation === 'D' ||
            first.intelligenceEvaluation === 'E',
        });
      }
    }
  }
  return ties;
}

/**
 * Every tie of the view touching `around` (all ties when null) that the caller may see and the
 * filters keep: entity links, co-mentions, episodes found at places of concern and children
 * missing together. When record nodes are asked for, each record is also tied to what it names.
 */
export async function gatherTies(
  tx: Transaction,
  filters: TieFilters,
  around: readonly string[] | null,
): Promise<KeyedTie[]> {
  const [links, mentions, foundAt, coMissing] = await Promise.all([
    networkLinks(tx, filters.period, around),
    coMentionLinks(tx, filters.period, around),
    episodesFoundAtPlaces(tx, filters.period, around, foundAtMetres),
    coMissingEpisodes(tx, filters.period, around, coMissingMetres),
  ]);
  const aroundSet = around ? new Set(around) : null;
  const ties: KeyedTie[] = [
    ...links.filter((row) => usable(row, filters)).map(linkTie),
    ...coMentionTies(
      mentions.filter((row) => usable(row, filters)),
      aroundSet,
    ),
    ...foundAt.map(
      (row): KeyedTie => ({
        key: `found-at:${row.episodeId}:${row.placeId}`,
        source: row.personId,
        target: row.placeId,
        endpointTypes: ['person', 'place'],
        type: 'found-at',
        first: row.first,
        last: row.last,
        records: [row.episodeId],
        recordTypes: ['missing_episode'],
        grading: null,
        weak: false,
      }),
    ),
    ...coMissing.map(
      (row): KeyedTie => ({
        key: `co-missing:${row.episodeIds.join(':')}`,
        source: row.personIds[0],
        target: row.personIds[1],
        endpointTypes: ['person', 'person'],
        type: 'co-missing',
        first: row.first,
        last: row.last,
        records: [...row.episodeIds],
        recordTypes: ['missing_episode', 'missing_episode'],
        grading: null,
        weak: false,
      }),
    ),
  ].filter((tie) => filters.linkTypes === null || filters.linkTypes.includes(tie.type));
  return [...ties, ...recordTies(ties, filters.nodeTypes)];
}

/** Record nodes, when asked for: each report or episode tied to the entities it connects. */
function recordTies(ties: readonly KeyedTie[], nodeTypes: readonly NetworkNodeType[]): KeyedTie[] {
  const wanted = new Set(nodeTypes);
  const out = new Map<string, KeyedTie>();
  for (const tie of ties) {
    tie.records.forEach((record, i) => {
      const recordType = tie.recordTypes[i];
      if (!recordType || !wanted.has(recordType)) return;
      tie.endpointTypes.forEach((endpointType, end) => {
        const entity = end === 0 ? tie.source : tie.target;
        const key = `mentions:${record}:${entity}`;
        if (out.has(key)) return;
        out.set(key, {
          ...tie,
          key,
          source: record,
          target: entity,
          endpointTypes: [recordType, endpointType],
          type: 'mentions',
          records: [record],
          recordTypes: [recordType],
        });
      });
    });
  }
  return [...out.values()];
}
