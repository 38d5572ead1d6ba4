import { listMeetingsNeeded } from '@lantern/app';
import { meetingsNeededInput, meetingsNeededOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const meetingsNeeded = procedure
  .input(meetingsNeededInput)
  .output(meetingsNeededOutput)
  .query(({ ctx, input }) => listMeetingsNeeded(ctx, ctx.access, input));
