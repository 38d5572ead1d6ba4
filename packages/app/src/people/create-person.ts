import { appendAudit, createPerson as createPersonInDb } from '@lantern/db';
import { type CreatePersonInput, newPseudonymRef } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { assertMayRecord, present } from './present-person.ts';

/** Records a person: children by coordinators and analysts, associates by analysts. */
export async function createPerson(app: AppContext, access: Access, input: CreatePersonInput) {
  assertMayRecord(access, input.kind, input.homeDistrictCode);
  return app.db.prisma.$transaction(async (tx) => {
    const row = await createPersonInDb(tx, input, newPseudonymRef(input.kind));
    await appendAudit(tx, auditEvent(access, 'create', { type: 'person', ids: [row.id] }));
    return present(access, row);
  });
}
