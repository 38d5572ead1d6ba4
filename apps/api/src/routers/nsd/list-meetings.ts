import { listMeetings as listMeetingsUseCase } from '@lantern/app';
import { listMeetingsInput, listMeetingsOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const listMeetings = procedure
  .input(listMeetingsInput)
  .output(listMeetingsOutput)
  .query(({ ctx, input }) => listMeetingsUseCase(ctx, ctx.access, input));
