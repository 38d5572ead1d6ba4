import { recordMeeting as recordMeetingUseCase } from '@lantern/app';
import { meeting, recordMeetingInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const recordMeeting = procedure
  .input(recordMeetingInput)
  .output(meeting)
  .mutation(({ ctx, input }) => recordMeetingUseCase(ctx, ctx.access, input));
