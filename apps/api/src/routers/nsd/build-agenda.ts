import { getMeetingAgenda } from '@lantern/app';
import { meetingRefInput, nsdAgenda } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const agenda = procedure
  .input(meetingRefInput)
  .output(nsdAgenda)
  .query(({ ctx, input }) => getMeetingAgenda(ctx, ctx.access, input.meetingId));
