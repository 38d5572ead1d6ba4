import { appendAudit } from '@lantern/db';
import type { Access } from '../../access/access.ts';
import { auditEvent } from '../../audit/audit-event.ts';
import type { AppContext } from '../../context.ts';
import { childInCare, philomenaView } from './philomena-support.ts';

/** A child in care's Philomena profile (the latest version) and its history (audited). */
export async function getPhilomena(app: AppContext, access: Access, personId: string, reason?: string) {
  return app.db.prisma.$transaction(async (tx) => {
    const child = await childInCare(tx, access, personId);
    await appendAudit(tx, auditEvent(access, 'read', { type: 'philomena_profile', ids: [personId] }, { reason }));
    return philomenaView(tx, access, child);
  });
}
