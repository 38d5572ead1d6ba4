import { getAttachment } from '@lantern/app';
import { attachmentOutput, getAttachmentInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const attachment = procedure
  .input(getAttachmentInput)
  .output(attachmentOutput)
  .query(({ ctx, input }) => getAttachment(ctx, ctx.access, input));
