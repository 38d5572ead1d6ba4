import { appendAudit, getMissingThresholds, setMissingThresholds } from '@lantern/db';
import type { SetThresholdsInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { mamThresholdsOf, toThresholds } from './meeting-support.ts';

/**
 * Changes the multi-agency meeting thresholds (administrators); the old and new values are
 * audited.
 */
export async function setThresholds(app: AppContext, access: Access, input: SetThresholdsInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const before = await getMissingThresholds(tx);
    const after = await setMissingThresholds(tx, input, access.principal?.id ?? null);
    if (!after) {
      throw staleVersion('the thresholds', input.version, before.version, 'were changed');
    }
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'missing_settings', ids: ['1'] },
        { details: { before: mamThresholdsOf(before), after: mamThresholdsOf(after) } },
      ),
    );
    return toThresholds(after);
  });
}
