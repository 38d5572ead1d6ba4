import { createLinkInput, link } from '@lantern/domain';
import { createLinkService } from '../../services/links-service.ts';
import { procedure } from '../../trpc.ts';

export const create = procedure
  .input(createLinkInput)
  .output(link)
  .mutation(({ ctx, input }) => createLinkService(ctx, ctx.access, input));
