import { appendAudit, getPerson, getPersonMerge, lockPeopleForMerge, undoPersonMerge } from '@lantern/db';
import { AppError, inScope, type UnmergePersonInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { present } from './present-person.ts';

/**
 * Undoes a merge exactly (analysts): the rows the merge moved go back to the merged-away person,
 * who reappears as they were. `version` is the merged-away person's version as the caller read it.
 */
export async function unmergePerson(app: AppContext, access: Access, input: UnmergePersonInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const [locked] = await lockPeopleForMerge(tx, [input.mergedId]);
    if (!locked || !inScope(access.scope, locked.homeDistrictCode)) {
      throw new AppError('NOT_FOUND', `No person ${input.mergedId} in your districts`);
    }
    if (locked.version !== input.version) throw staleVersion(`person ${locked.id}`, input.version, locked.version);
    const merge = await getPersonMerge(tx, locked.id);
    if (!merge) {
      throw new AppError('CONFLICT', `mergedId: person ${locked.id} is not merged into another record; reload it`);
    }
    const [survivor] = await lockPeopleForMerge(tx, [merge.survivorId]);
    if (survivor?.mergedIntoId) {
      throw new AppError(
        'CONFLICT',
        `mergedId: person ${merge.survivorId}, which ${locked.id} was merged into, has since been merged into ${survivor.mergedIntoId}; undo that merge first`,
      );
    }
    await undoPersonMerge(tx, merge);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'person', ids: [merge.survivorId, merge.mergedId] },
        { reason: input.reason, details: { operation: 'unmerge', mergeId: merge.id, moved: merge.moved } },
      ),
    );
    const [restored, survivorRow] = await Promise.all([
      getPerson(tx, merge.mergedId, 'all'),
      getPerson(tx, merge.survivorId, 'all'),
    ]);
    if (!restored || !survivorRow) throw new Error('a person vanished while undoing a merge');
    return { restored: present(access, restored), survivor: present(access, survivorRow) };
  });
}
