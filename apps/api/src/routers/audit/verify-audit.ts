import { verifyAudit } from '@lantern/app';
import { verifyAuditOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const verify = procedure.output(verifyAuditOutput).query(({ ctx }) => verifyAudit(ctx, ctx.access));
