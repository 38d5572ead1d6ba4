import { listLinksForEntity } from '@lantern/app';
import { entityLinks, listLinksForEntityInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const listForEntity = procedure
  .input(listLinksForEntityInput)
  .output(entityLinks)
  .query(({ ctx, input }) => listLinksForEntity(ctx, ctx.access, input));
