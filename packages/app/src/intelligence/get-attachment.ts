import { appendAudit, getAttachment as getAttachmentInDb } from '@lantern/db';
import { AppError } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';

/** One attachment of a report, as base64 (analysts); the read is audited against the report. */
export async function getAttachment(app: AppContext, access: Access, input: { id: string }) {
  return app.db.prisma.$transaction(async (tx) => {
    const attachment = await getAttachmentInDb(tx, input.id);
    if (!attachment) throw new AppError('NOT_FOUND', `id: there is no attachment ${input.id}`);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'read',
        { type: 'intelligence_report', ids: [attachment.reportId] },
        {
          details: { attachment: attachment.id },
        },
      ),
    );
    return {
      id: attachment.id,
      fileName: attachment.fileName,
      mediaType: attachment.mediaType,
      sizeBytes: attachment.sizeBytes,
      base64: Buffer.from(attachment.content).toString('base64'),
    };
  });
}
