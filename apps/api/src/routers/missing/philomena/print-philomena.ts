import { printPhilomena } from '@lantern/app';
import { philomenaPrintOutput, printPhilomenaInput } from '@lantern/domain';
import { procedure } from '../../../trpc.ts';

/** A query would be cached and re-fetched by the browser: each print is one audited export. */
export const print = procedure
  .input(printPhilomenaInput)
  .output(philomenaPrintOutput)
  .mutation(({ ctx, input }) => printPhilomena(ctx, ctx.access, input));
