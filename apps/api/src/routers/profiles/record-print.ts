import { recordProfilePrint } from '@lantern/app';
import { recordProfilePrintInput, recordProfilePrintOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const recordPrint = procedure
  .input(recordProfilePrintInput)
  .output(recordProfilePrintOutput)
  .mutation(({ ctx, input }) => recordProfilePrint(ctx, ctx.access, input));
