import { listRecordAccess } from '@lantern/app';
import { auditForRecordInput, auditForRecordOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const forRecord = procedure
  .input(auditForRecordInput)
  .output(auditForRecordOutput)
  .query(({ ctx, input }) => listRecordAccess(ctx, ctx.access, input));
