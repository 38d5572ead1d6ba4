import { searchAudit } from '@lantern/app';
import { searchAuditInput, searchAuditOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const search = procedure
  .input(searchAuditInput)
  .output(searchAuditOutput)
  .query(({ ctx, input }) => searchAudit(ctx, ctx.access, input));
