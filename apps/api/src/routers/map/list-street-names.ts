import { listStreetNames } from '@lantern/app';
import { streetNamesInput, streetNamesOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const streetNames = procedure
  .input(streetNamesInput)
  .output(streetNamesOutput)
  .query(({ ctx, input }) => listStreetNames(ctx, input));
