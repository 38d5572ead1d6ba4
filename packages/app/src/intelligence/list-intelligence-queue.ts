import { appendAudit, intelligenceQueue, intelligenceQueueByDistrict } from '@lantern/db';
import type { IntelligenceQueueInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';

/** The analyst's queue: reports nothing has been decided on, oldest first, with counts by district. */
export async function listIntelligenceQueue(app: AppContext, access: Access, input: IntelligenceQueueInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const rows = await intelligenceQueue(tx, input, access.scope);
    const byDistrict = await intelligenceQueueByDistrict(tx, access.scope);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'search',
        { type: 'intelligence_report', ids: rows.map((row) => row.id) },
        {
          details: { criteria: { queue: true, ...(input.districtCode ? { districtCode: input.districtCode } : {}) } },
        },
      ),
    );
    return {
      items: rows.map(({ districtCode, districtName, ...row }) => ({
        ...row,
        district: districtCode && districtName ? { code: districtCode, name: districtName } : null,
      })),
      byDistrict,
      total: byDistrict.reduce((sum, row) => sum + row.count, 0),
    };
  });
}
