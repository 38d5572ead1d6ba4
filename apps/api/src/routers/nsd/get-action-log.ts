import { actionLogOutput, meetingRefInput } from '@lantern/domain';
import { actionLogService } from '../../services/nsd-service.ts';
import { procedure } from '../../trpc.ts';

export const actionLog = procedure
  .input(meetingRefInput)
  .output(actionLogOutput)
  .query(({ ctx, input }) => actionLogService(ctx, ctx.access, input.meetingId));
