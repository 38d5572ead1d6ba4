import { appendAudit, mySubmissions } from '@lantern/db';
import type { MySubmission } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';

/**
 * The caller's own submissions with their status (received, being evaluated, developed, no
 * further action, withdrawn), never the police grading or what they were linked to.
 */
export async function listMySubmissions(
  app: AppContext,
  access: Access,
  input: { limit: number },
): Promise<{ submissions: MySubmission[] }> {
  const principal = requirePrincipal(access);
  return app.db.prisma.$transaction(async (tx) => {
    const submissions = await mySubmissions(tx, principal.id, input.limit);
    await appendAudit(
      tx,
      auditEvent(access, 'search', { type: 'intelligence_report', ids: submissions.map((s) => s.id) }),
    );
    return { submissions };
  });
}
