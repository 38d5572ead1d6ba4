import { listProfiles } from '@lantern/app';
import { listProfilesInput, listProfilesOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const list = procedure
  .input(listProfilesInput)
  .output(listProfilesOutput)
  .query(({ ctx, input }) => listProfiles(ctx, ctx.access, input));
