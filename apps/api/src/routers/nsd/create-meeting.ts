import { createMeeting as createMeetingUseCase } from '@lantern/app';
import { createMeetingInput, nsdMeeting } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const createMeeting = procedure
  .input(createMeetingInput)
  .output(nsdMeeting)
  .mutation(({ ctx, input }) => createMeetingUseCase(ctx, ctx.access, input));
