import { appendAudit, listProblemProfiles } from '@lantern/db';
import type { ProfileStatus } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { isAnalyst, profileRecordType } from './profile-support.ts';

/**
 * Problem profiles the caller may read: analysts every profile at its latest version; partners
 * the latest approved version of profiles whose districts lie within their scope. Audited as a read.
 */
export async function listProfiles(app: AppContext, access: Access, input: { status?: ProfileStatus } | undefined) {
  const analyst = isAnalyst(access);
  return app.db.prisma.$transaction(async (tx) => {
    const profiles = await listProblemProfiles(tx, {
      approvedOnly: !analyst,
      districtCodes: analyst || access.scope === 'all' ? null : access.scope,
      status: input?.status,
    });
    await appendAudit(
      tx,
      auditEvent(access, 'read', { type: profileRecordType, ids: profiles.map((profile) => profile.id) }),
    );
    return { profiles };
  });
}
