import { appendAudit, auditEventsForRecord, getPerson } from '@lantern/db';
import { AppError, type AuditForRecordInput } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { auditEvent } from './audit-event.ts';

/**
 * Who accessed a person's record. Admins may ask about anyone (they see no person data, only
 * the trail); missing coordinators about the children in their districts. Asking is audited too,
 * under the person's id, so the next report shows who looked at the trail.
 */
export async function listRecordAccess(app: AppContext, access: Access, input: AuditForRecordInput) {
  const admin = requirePrincipal(access).roles.includes('admin');
  return app.db.prisma.$transaction(async (tx) => {
    const person = await getPerson(tx, input.id, access.scope);
    if (admin && !person) throw new AppError('NOT_FOUND', `No person ${input.id}`);
    // One message whether the record is missing, out of scope or an associate: nothing to probe.
    if (!admin && person?.kind !== 'child') throw new AppError('NOT_FOUND', `No child ${input.id} in your districts`);
    const events = await auditEventsForRecord(tx, input.id, input.limit);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'read',
        { type: 'audit', ids: [input.id] },
        { details: { recordType: input.recordType, events: events.length } },
      ),
    );
    return { events };
  });
}
