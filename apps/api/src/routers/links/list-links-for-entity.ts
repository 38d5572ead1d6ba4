import { entityLinks, listLinksForEntityInput } from '@lantern/domain';
import { listLinksForEntityService } from '../../services/links-service.ts';
import { procedure } from '../../trpc.ts';

export const listForEntity = procedure
  .input(listLinksForEntityInput)
  .output(entityLinks)
  .query(({ ctx, input }) => listLinksForEntityService(ctx, ctx.access, input));
