import {
  appendAudit,
  getPerson,
  getPlace,
  type StoredAttachment,
  submitIntelligence as submitIntelligenceInDb,
} from '@lantern/db';
import {
  AppError,
  attachmentMaxBytes,
  type IntelligenceReceipt,
  type SubmitIntelligenceInput,
  sniffMediaType,
} from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';

/**
 * The bytes decide an attachment's type: a file that is not the image or PDF it claims to be
 * is refused, as is one over the size limit.
 */
function decodeAttachments(input: SubmitIntelligenceInput): StoredAttachment[] {
  return input.attachments.map((attachment, index) => {
    const bytes = new Uint8Array(Buffer.from(attachment.base64, 'base64'));
    if (bytes.length === 0) throw new AppError('BAD_INPUT', `attachments.${index}.base64: the file is empty`);
    if (bytes.length > attachmentMaxBytes) {
      throw new AppError(
        'BAD_INPUT',
        `attachments.${index}.base64: ${attachment.fileName} is ${bytes.length} bytes; at most ${attachmentMaxBytes}`,
      );
    }
    const actual = sniffMediaType(bytes);
    if (actual === null) {
      throw new AppError(
        'BAD_INPUT',
        `attachments.${index}.base64: ${attachment.fileName} is not a JPEG, PNG, WebP or GIF image or a PDF`,
      );
    }
    if (actual !== attachment.mediaType) {
      throw new AppError(
        'BAD_INPUT',
        `attachments.${index}.mediaType: ${attachment.fileName} is ${actual}, not ${attachment.mediaType}`,
      );
    }
    return { fileName: attachment.fileName, mediaType: actual, bytes };
  });
}

/**
 * Intelligence: any partner may submit, ungraded (the police grade it), and gets back only a
 * receipt; submitting does not let them read it back. A place or person named must be one the
 * caller may see. Stored with its audit event in one transaction.
 */
export async function submitIntelligence(
  app: AppContext,
  access: Access,
  input: SubmitIntelligenceInput,
): Promise<IntelligenceReceipt> {
  const principal = requirePrincipal(access);
  const attachments = decodeAttachments(input);
  return app.db.prisma.$transaction(async (tx) => {
    if (input.placeId !== undefined && !(await getPlace(tx, input.placeId, access.scope))) {
      throw new AppError('NOT_FOUND', `placeId: no place of concern ${input.placeId} in your districts`);
    }
    const named: string[] = [];
    for (const [index, subject] of input.subjects.entries()) {
      if (subject.personId === undefined) continue;
      const person = await getPerson(tx, subject.personId, access.scope);
      if (!person || access.view(person.kind) === 'hidden') {
        throw new AppError('NOT_FOUND', `subjects.${index}.personId: no person ${subject.personId} you may see`);
      }
      named.push(person.id);
    }
    const receipt = await submitIntelligenceInDb(
      tx,
      input,
      { agencyId: principal.agencyId, userId: principal.id },
      attachments,
    );
    await appendAudit(
      tx,
      auditEvent(
        access,
        'create',
        { type: 'intelligence_report', ids: [receipt.id, ...named] },
        {
          details: {
            reference: receipt.reference,
            category: input.category,
            subjects: input.subjects.length,
            vehicles: input.vehicles.length,
            attachments: attachments.length,
          },
        },
      ),
    );
    return receipt;
  });
}
