import { countOpenIntelligence } from '@lantern/app';
import { intelligenceQueueCountInput, intelligenceQueueCountOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const queueCount = procedure
  .input(intelligenceQueueCountInput)
  .output(intelligenceQueueCountOutput)
  .query(({ ctx }) => countOpenIntelligence(ctx, ctx.access));
