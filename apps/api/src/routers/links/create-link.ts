import { createLink } from '@lantern/app';
import { createLinkInput, link } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const create = procedure
  .input(createLinkInput)
  .output(link)
  .mutation(({ ctx, input }) => createLink(ctx, ctx.access, input));
