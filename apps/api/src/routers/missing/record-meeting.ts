import { meeting, recordMeetingInput } from '@lantern/domain';
import { recordMeetingService } from '../../services/missing-meetings-service.ts';
import { procedure } from '../../trpc.ts';

export const recordMeeting = procedure
  .input(recordMeetingInput)
  .output(meeting)
  .mutation(({ ctx, input }) => recordMeetingService(ctx, ctx.access, input));
