import { saveProfileWriting } from '@lantern/app';
import { profileVersionState, saveProfileWritingInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const saveWriting = procedure
  .input(saveProfileWritingInput)
  .output(profileVersionState)
  .mutation(({ ctx, input }) => saveProfileWriting(ctx, ctx.access, input));
