import { findEarlyIdentification } from '@lantern/app';
import { earlyIdentificationInput, earlyIdentificationOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const earlyIdentification = procedure
  .input(earlyIdentificationInput)
  .output(earlyIdentificationOutput)
  .query(({ ctx, input }) => findEarlyIdentification(ctx, ctx.access, input));
