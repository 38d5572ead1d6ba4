import { exportNetwork } from '@lantern/app';
import { networkExport, networkExportInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

// A mutation: an export is an act the audit trail records, not a cacheable read.
export const exportView = procedure
  .input(networkExportInput)
  .output(networkExport)
  .mutation(({ ctx, input }) => exportNetwork(ctx, ctx.access, input));
