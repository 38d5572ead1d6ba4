import { findDuplicatePairs, getPeople, type PersonMergeRow, type PersonRow } from '@lantern/db';
import {
  DUPLICATE_THRESHOLD,
  type DuplicateReason,
  type PersonKind,
  type PersonMergeSummary,
  personKinds,
  scoreDuplicate,
} from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';

/**
 * The county-wide comparison reads every candidate pair in one transaction (about 3–4 s on the
 * county seed, more on a busy machine): Prisma's 5 s default would abort it half-way.
 */
export const duplicateSearchTransaction = { timeout: 60_000 } as const;

type Tx = Parameters<Parameters<AppContext['db']['prisma']['$transaction']>[0]>[0];

/** Duplicate detection compares names and dates of birth: only the kinds the caller sees in full. */
export function comparableKinds(access: Access): PersonKind[] {
  return personKinds.filter((kind) => access.view(kind) === 'full');
}

export interface ScoredPair {
  left: PersonRow;
  right: PersonRow;
  score: number;
  reasons: DuplicateReason[];
}

/** The candidate pairs of the blocking query, scored by the domain's rule, best first, at or above `minScore`. */
export async function scoredDuplicatePairs(
  tx: Tx,
  access: Access,
  query: { personId?: string; districtCode?: string | undefined; minScore?: number | undefined },
): Promise<ScoredPair[]> {
  const kinds = comparableKinds(access);
  const pairs = await findDuplicatePairs(tx, { ...query, kinds }, access.scope);
  const ids = [...new Set(pairs.flatMap((pair) => [pair.leftId, pair.rightId]))];
  const people = new Map((await getPeople(tx, ids, access.scope)).map((row) => [row.id, row]));
  const threshold = query.minScore ?? DUPLICATE_THRESHOLD;
  const scored: ScoredPair[] = [];
  for (const pair of pairs) {
    const left = people.get(pair.leftId);
    const right = people.get(pair.rightId);
    if (!left || !right) continue;
    const { score, reasons } = scoreDuplicate(left, right, {
      places: pair.sharedPlaces,
      associates: pair.sharedAssociates,
    });
    if (score >= threshold) scored.push({ left, right, score, reasons });
  }
  return scored.sort(
    (a, b) => b.score - a.score || a.left.id.localeCompare(b.left.id) || a.right.id.localeCompare(b.right.id),
  );
}

/** A merge as the API reports it: counts of moved rows by table and column, never their ids. */
export function mergeSummary(merge: PersonMergeRow): PersonMergeSummary {
  const moved: Record<string, number> = {};
  for (const reference of merge.moved) {
    if (reference.keys.length > 0) {
      const name = `${reference.table}.${reference.column}`;
      moved[name] = (moved[name] ?? 0) + reference.keys.length;
    }
  }
  return {
    id: merge.id,
    survivorId: merge.survivorId,
    mergedId: merge.mergedId,
    reason: merge.reason,
    mergedAt: new Date(merge.mergedAt).toISOString(),
    mergedBy: merge.mergedByName,
    moved,
  };
}
