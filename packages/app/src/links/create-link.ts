import { appendAudit, createLink as createLinkInDb, findLinkable, sourceExists } from '@lantern/db';
import { AppError, type CreateLinkInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { noun } from './link-support.ts';

/**
 * Links two records, citing the source record that supports the link; both ends and the source
 * must exist.
 */
export async function createLink(app: AppContext, access: Access, input: CreateLinkInput) {
  const sourceType = input.source.type;
  if (sourceType === 'assessment') {
    throw new AppError('BAD_INPUT', 'source.type: assessment records are not available yet');
  }
  return app.db.prisma.$transaction(async (tx) => {
    if (!(await sourceExists(tx, sourceType, input.source.id))) {
      throw new AppError('NOT_FOUND', `source.id: there is no ${noun(sourceType)} ${input.source.id}`);
    }
    for (const end of ['from', 'to'] as const) {
      const ref = input[end];
      if (!(await findLinkable(tx, ref, 'all'))) {
        throw new AppError('NOT_FOUND', `${end}.id: there is no ${noun(ref.type)} ${ref.id}`);
      }
    }
    const link = await createLinkInDb(tx, input);
    // The ends' ids are recorded too, so the access report of a person shows who linked them.
    await appendAudit(
      tx,
      auditEvent(
        access,
        'create',
        { type: 'link', ids: [link.id, input.from.id, input.to.id] },
        { details: { linkType: input.linkType, from: input.from, to: input.to, source: input.source } },
      ),
    );
    return link;
  });
}
