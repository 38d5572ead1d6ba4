import { appendAudit } from '@lantern/db';
import type { ProfileEdition } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { editionFor, profileRecordType, profileView, readableVersion } from './profile-support.ts';

/**
 * One version of a profile (the latest the caller may read when none is named) with its meta and
 * what changed since the figures it is compared with. Partners get the partner edition of
 * approved versions only. Audited as a read.
 */
export async function getProfile(
  app: AppContext,
  access: Access,
  input: { id: string; version?: number | undefined; edition?: ProfileEdition | undefined },
) {
  const edition = editionFor(access, input.edition);
  return app.db.prisma.$transaction(async (tx) => {
    const row = await readableVersion(tx, access, input.id, input.version);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'read',
        { type: profileRecordType, ids: [row.profileId] },
        { details: { version: row.version, edition } },
      ),
    );
    return profileView(tx, access, row, edition);
  });
}
