import { appendAudit, getPerson, updatePerson as updatePersonInDb } from '@lantern/db';
import { AppError, type UpdatePersonInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { updateEvent } from '../audit/audit-event.ts';
import { staleVersionWithLastChange } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { assertMayRecord, present } from './present-person.ts';

/** Changes a person; a stale version is a CONFLICT. */
export async function updatePerson(app: AppContext, access: Access, input: UpdatePersonInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const current = await getPerson(tx, input.id, access.scope);
    if (!current) throw new AppError('NOT_FOUND', `No person ${input.id} in your districts`);
    assertMayRecord(access, current.kind, input.changes.homeDistrictCode);
    if (current.kind === 'associate' && input.changes.careStatus) {
      throw new AppError('BAD_INPUT', 'changes.careStatus: applies to children only');
    }
    const outcome = await updatePersonInDb(tx, input, access.scope);
    if (outcome.status === 'not-found') throw new AppError('NOT_FOUND', `No person ${input.id} in your districts`);
    if (outcome.status === 'conflict') {
      throw await staleVersionWithLastChange(tx, input.id, `person ${input.id}`, input.version, outcome.currentVersion);
    }
    await appendAudit(tx, updateEvent(access, { type: 'person', id: input.id }, input.changes));
    return present(access, outcome.person);
  });
}
