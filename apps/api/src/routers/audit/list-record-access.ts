import { auditForRecordInput, auditForRecordOutput } from '@lantern/domain';
import { auditForRecordService } from '../../services/audit-service.ts';
import { procedure } from '../../trpc.ts';

export const forRecord = procedure
  .input(auditForRecordInput)
  .output(auditForRecordOutput)
  .query(({ ctx, input }) => auditForRecordService(ctx, ctx.access, input));
