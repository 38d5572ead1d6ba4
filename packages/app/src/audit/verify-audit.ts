import { appendAudit, verifyAuditChain } from '@lantern/db';
import type { VerifyAuditOutput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { auditEvent } from './audit-event.ts';

/**
 * `lantern audit verify` for the audit viewer: walks the whole hash chain and names the first
 * broken event. The check is recorded after it, so it does not verify its own event.
 */
export async function verifyAudit(app: AppContext, access: Access): Promise<VerifyAuditOutput> {
  const verification = await verifyAuditChain(app.db.sql);
  const result: VerifyAuditOutput = {
    ok: verification.ok,
    events: verification.events,
    brokenAt: verification.ok ? null : verification.seq,
    problem: verification.ok ? null : verification.problem,
    checkedAt: new Date().toISOString(),
  };
  await app.db.prisma.$transaction((tx) =>
    appendAudit(
      tx,
      auditEvent(
        access,
        'read',
        { type: 'audit', ids: [] },
        { details: { verified: result.ok, events: result.events, brokenAt: result.brokenAt } },
      ),
    ),
  );
  return result;
}
