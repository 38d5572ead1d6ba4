import { appendAudit, searchAuditEvents } from '@lantern/db';
import { addDays, londonMidnight, type SearchAuditInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { auditEvent } from './audit-event.ts';

/**
 * The audit viewer (administrators): who did what to which record, and when, newest first, a page
 * at a time. Dates are London days, both inclusive. Looking is itself audited, with the filters.
 */
export async function searchAudit(app: AppContext, access: Access, input: SearchAuditInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const rows = await searchAuditEvents(tx, {
      recordType: input.recordType,
      recordId: input.recordId,
      userId: input.userId,
      action: input.action,
      since: input.from ? londonMidnight(input.from) : undefined,
      until: input.to ? londonMidnight(addDays(input.to, 1)) : undefined,
      before: input.before,
      // One more than a page tells whether there is a next one.
      limit: input.limit + 1,
    });
    const events = rows.slice(0, input.limit);
    const filters = Object.fromEntries(Object.entries(input).filter(([key]) => key !== 'limit'));
    await appendAudit(
      tx,
      auditEvent(
        access,
        'search',
        { type: 'audit', ids: input.recordId ? [input.recordId] : [] },
        { details: { filters, events: events.length } },
      ),
    );
    const last = events.at(-1);
    return { events, nextBefore: rows.length > input.limit && last ? last.seq : null };
  });
}
