import { buildPack } from '@lantern/app';
import { meetingRefInput, nsdPack } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const pack = procedure
  .input(meetingRefInput)
  .output(nsdPack)
  .query(({ ctx, input }) => buildPack(ctx, ctx.access, input.meetingId));
