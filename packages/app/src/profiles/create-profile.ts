import { appendAudit, insertProblemProfile, insertProfileVersion } from '@lantern/db';
import type { ProfileTerms } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { computeFigures, profileRecordType, versionState } from './profile-support.ts';

/** Starts a problem profile: computes the figures for its terms and stores them as version 1, a draft. */
export async function createProfile(app: AppContext, access: Access, input: { terms: ProfileTerms }) {
  const principal = requirePrincipal(access);
  const figures = await computeFigures(app, access, input.terms);
  return app.db.prisma.$transaction(async (tx) => {
    const id = await insertProblemProfile(tx, {
      title: input.terms.title,
      scope: input.terms.scope,
      districtCodes: input.terms.districtCodes,
      createdById: principal.id,
    });
    await insertProfileVersion(tx, {
      profileId: id,
      version: 1,
      terms: input.terms,
      figures,
      previousFigures: null,
      writing: { assessments: {}, recommendations: [] },
      createdById: principal.id,
    });
    await appendAudit(
      tx,
      auditEvent(
        access,
        'create',
        { type: profileRecordType, ids: [id] },
        { details: { version: 1, scope: input.terms.scope } },
      ),
    );
    return versionState(id, 1, 1, 'draft');
  });
}
