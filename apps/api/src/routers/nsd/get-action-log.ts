import { getActionLog } from '@lantern/app';
import { actionLogOutput, meetingRefInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const actionLog = procedure
  .input(meetingRefInput)
  .output(actionLogOutput)
  .query(({ ctx, input }) => getActionLog(ctx, ctx.access, input.meetingId));
