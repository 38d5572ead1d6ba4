import { listIntelligenceQueue } from '@lantern/app';
import { intelligenceQueueInput, intelligenceQueueOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const queue = procedure
  .input(intelligenceQueueInput)
  .output(intelligenceQueueOutput)
  .query(({ ctx, input }) => listIntelligenceQueue(ctx, ctx.access, input));
