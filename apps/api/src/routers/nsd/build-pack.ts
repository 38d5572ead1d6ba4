import { meetingRefInput, nsdPack } from '@lantern/domain';
import { packService } from '../../services/nsd-service.ts';
import { procedure } from '../../trpc.ts';

export const pack = procedure
  .input(meetingRefInput)
  .output(nsdPack)
  .query(({ ctx, input }) => packService(ctx, ctx.access, input.meetingId));
