import { emergingInput, emergingOutput } from '@lantern/domain';
import { emergingService } from '../../services/hotspots-service.ts';
import { procedure } from '../../trpc.ts';

export const emerging = procedure
  .input(emergingInput)
  .output(emergingOutput)
  .query(({ ctx, input }) => emergingService(ctx, ctx.access, input));
