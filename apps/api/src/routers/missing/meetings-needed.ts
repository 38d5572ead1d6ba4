import { meetingsNeededInput, meetingsNeededOutput } from '@lantern/domain';
import { meetingsNeededService } from '../../services/missing-meetings-service.ts';
import { procedure } from '../../trpc.ts';

export const meetingsNeeded = procedure
  .input(meetingsNeededInput)
  .output(meetingsNeededOutput)
  .query(({ ctx, input }) => meetingsNeededService(ctx, ctx.access, input));
