import { meetingRefInput, nsdAgenda } from '@lantern/domain';
import { agendaService } from '../../services/nsd-service.ts';
import { procedure } from '../../trpc.ts';

export const agenda = procedure
  .input(meetingRefInput)
  .output(nsdAgenda)
  .query(({ ctx, input }) => agendaService(ctx, ctx.access, input.meetingId));
