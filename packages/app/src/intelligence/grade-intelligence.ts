import { appendAudit, changeIntelligence, recordGrading } from '@lantern/db';
import { type GradeIntelligenceInput, type IntelligenceDetail, nextIntelligenceStatus } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { reportDetail, reportToChange } from './intelligence-support.ts';

/**
 * Grades a report 3x5x2 (or re-grades it): the report takes the new grading, the history keeps
 * every one with who, when and why; grading a received report starts its evaluation.
 */
export async function gradeIntelligence(
  app: AppContext,
  access: Access,
  input: GradeIntelligenceInput,
): Promise<IntelligenceDetail> {
  const principal = requirePrincipal(access);
  return app.db.prisma.$transaction(async (tx) => {
    const state = await reportToChange(tx, input.id, input.version);
    const status = nextIntelligenceStatus(state.status, 'grade', state.graded);
    const grading = {
      sourceEvaluation: input.sourceEvaluation,
      intelligenceEvaluation: input.intelligenceEvaluation,
      handlingCode: input.handlingCode,
      handlingConditions: input.handlingConditions ?? null,
    };
    await changeIntelligence(tx, state.id, state.version, { status, grading });
    await recordGrading(tx, state.id, { ...grading, reason: input.reason ?? null }, principal.id);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'intelligence_report', ids: [state.id] },
        {
          reason: input.reason ?? null,
          details: {
            grading: `${input.sourceEvaluation}${input.intelligenceEvaluation}${input.handlingCode}`,
            regrading: state.graded,
            status,
          },
        },
      ),
    );
    return (await reportDetail(tx, access, state.id)).detail;
  });
}
