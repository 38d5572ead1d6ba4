import { listTacticsInput, listTacticsOutput } from '@lantern/domain';
import { listTacticsService } from '../../services/tactics-service.ts';
import { procedure } from '../../trpc.ts';

export const list = procedure
  .input(listTacticsInput)
  .output(listTacticsOutput)
  .query(({ ctx, input }) => listTacticsService(ctx, input));
