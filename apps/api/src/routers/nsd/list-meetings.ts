import { listMeetingsInput, listMeetingsOutput } from '@lantern/domain';
import { listMeetingsService } from '../../services/nsd-service.ts';
import { procedure } from '../../trpc.ts';

export const listMeetings = procedure
  .input(listMeetingsInput)
  .output(listMeetingsOutput)
  .query(({ ctx, input }) => listMeetingsService(ctx, ctx.access, input));
