import { personSearchResult, searchPeopleInput } from '@lantern/domain';
import { searchPeopleService } from '../../services/people-service.ts';
import { procedure } from '../../trpc.ts';

export const search = procedure
  .input(searchPeopleInput)
  .output(personSearchResult)
  .query(({ ctx, input }) => searchPeopleService(ctx, ctx.access, input));
