import { appendAudit, getPerson, lockPeopleForMerge, type MergeLockRow, mergePersonRows } from '@lantern/db';
import { AppError, inScope, type MergePeopleInput } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { mergeSummary } from './duplicate-support.ts';
import { present } from './present-person.ts';

function lockedInScope(access: Access, locked: readonly MergeLockRow[], id: string): MergeLockRow {
  const row = locked.find((person) => person.id === id);
  if (!row || !inScope(access.scope, row.homeDistrictCode))
    throw new AppError('NOT_FOUND', `No person ${id} in your districts`);
  return row;
}

/**
 * Merges `mergedId` into `survivorId` (analysts, never automatic): every record that names the
 * merged-away person moves to the survivor, the merged-away person is kept and hidden, and what
 * moved is recorded so that `unmergePerson` can undo it exactly. Both versions must be current.
 */
export async function mergePeople(app: AppContext, access: Access, input: MergePeopleInput) {
  const principal = requirePrincipal(access);
  return app.db.prisma.$transaction(async (tx) => {
    const locked = await lockPeopleForMerge(tx, [input.survivorId, input.mergedId]);
    const survivor = lockedInScope(access, locked, input.survivorId);
    const merged = lockedInScope(access, locked, input.mergedId);
    if (survivor.version !== input.survivorVersion) {
      throw staleVersion(`person ${survivor.id}`, input.survivorVersion, survivor.version);
    }
    if (merged.version !== input.mergedVersion) {
      throw staleVersion(`person ${merged.id}`, input.mergedVersion, merged.version);
    }
    if (merged.mergedIntoId !== null) {
      throw new AppError('CONFLICT', `mergedId: person ${merged.id} is already merged into ${merged.mergedIntoId}`);
    }
    if (survivor.mergedIntoId !== null) {
      throw new AppError(
        'BAD_INPUT',
        `survivorId: person ${survivor.id} is merged into ${survivor.mergedIntoId}; merge into that record instead`,
      );
    }
    if (survivor.kind !== merged.kind) {
      throw new AppError(
        'BAD_INPUT',
        `mergedId: person ${merged.id} is a ${merged.kind} and person ${survivor.id} a ${survivor.kind}; only records of one kind can be merged`,
      );
    }
    const merge = await mergePersonRows(tx, {
      survivorId: survivor.id,
      mergedId: merged.id,
      reason: input.reason,
      mergedById: principal.id,
    });
    const summary = mergeSummary(merge);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'person', ids: [survivor.id, merged.id] },
        { reason: input.reason, details: { operation: 'merge', mergeId: merge.id, moved: merge.moved } },
      ),
    );
    const [survivorRow, mergedRow] = await Promise.all([
      getPerson(tx, survivor.id, 'all'),
      getPerson(tx, merged.id, 'all'),
    ]);
    if (!survivorRow || !mergedRow) throw new Error('a merged person vanished inside the merge');
    return { merge: summary, survivor: present(access, survivorRow), merged: present(access, mergedRow) };
  });
}
