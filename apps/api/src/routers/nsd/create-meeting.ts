import { createMeetingInput, nsdMeeting } from '@lantern/domain';
import { createMeetingService } from '../../services/nsd-service.ts';
import { procedure } from '../../trpc.ts';

export const createMeeting = procedure
  .input(createMeetingInput)
  .output(nsdMeeting)
  .mutation(({ ctx, input }) => createMeetingService(ctx, ctx.access, input));
