import { appendAudit, getPeople, getPerson, getPersonMerge, listMergesInto } from '@lantern/db';
import {
  AppError,
  DUPLICATE_THRESHOLD,
  type PersonDuplicatesInput,
  type PersonDuplicatesResult,
} from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { duplicateSearchTransaction, mergeSummary, scoredDuplicatePairs } from './duplicate-support.ts';
import { present } from './present-person.ts';

/**
 * Possible duplicates of one person (the person page), with what was merged into them or what
 * they were merged into. Only for people the caller sees in full; the read is audited with every
 * person shown.
 */
export async function findPersonDuplicates(
  app: AppContext,
  access: Access,
  input: PersonDuplicatesInput,
): Promise<PersonDuplicatesResult> {
  return app.db.prisma.$transaction(async (tx) => {
    const row = await getPerson(tx, input.id, access.scope);
    if (!row || access.view(row.kind) !== 'full')
      throw new AppError('NOT_FOUND', `No person ${input.id} in your districts`);
    const pairs = await scoredDuplicatePairs(tx, access, { personId: row.id, minScore: input.minScore });
    const candidates = pairs.map((pair) => ({
      person: present(access, pair.left.id === row.id ? pair.right : pair.left),
      score: pair.score,
      reasons: pair.reasons,
    }));
    const mergedAway = await getPersonMerge(tx, row.id);
    const mergesIn = await listMergesInto(tx, row.id);
    const related = new Map(
      (
        await getPeople(
          tx,
          [...(mergedAway ? [mergedAway.survivorId] : []), ...mergesIn.map((merge) => merge.mergedId)],
          access.scope,
        )
      ).map((person) => [person.id, person]),
    );
    const survivor = mergedAway ? related.get(mergedAway.survivorId) : undefined;
    const mergedInto = mergedAway
      ? { ...mergeSummary(mergedAway), survivor: survivor ? present(access, survivor) : null }
      : null;
    const mergedFrom = mergesIn.flatMap((merge) => {
      const merged = related.get(merge.mergedId);
      return merged ? [{ ...mergeSummary(merge), merged: present(access, merged) }] : [];
    });
    const shown = [row.id, ...candidates.map((candidate) => candidate.person.id), ...related.keys()];
    await appendAudit(
      tx,
      auditEvent(access, 'read', { type: 'person', ids: shown }, { details: { duplicates: true } }),
    );
    return {
      person: present(access, row),
      threshold: input.minScore ?? DUPLICATE_THRESHOLD,
      candidates,
      mergedInto,
      mergedFrom,
    };
  }, duplicateSearchTransaction);
}
