import { appendAudit } from '@lantern/db';
import type { ProfileEdition } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { editionFor, profileRecordType, readableVersion } from './profile-support.ts';

/** Records that the caller printed a profile version (the web app calls it on Print): audited as an export. */
export async function recordProfilePrint(
  app: AppContext,
  access: Access,
  input: { id: string; version: number; edition?: ProfileEdition | undefined },
) {
  const edition = editionFor(access, input.edition);
  return app.db.prisma.$transaction(async (tx) => {
    const row = await readableVersion(tx, access, input.id, input.version);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'export',
        { type: profileRecordType, ids: [row.profileId] },
        { details: { version: row.version, status: row.status, edition, format: 'print' } },
      ),
    );
    return { ok: true as const };
  });
}
