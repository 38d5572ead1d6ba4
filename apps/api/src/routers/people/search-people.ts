import { searchPeople } from '@lantern/app';
import { personSearchResult, searchPeopleInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const search = procedure
  .input(searchPeopleInput)
  .output(personSearchResult)
  .query(({ ctx, input }) => searchPeople(ctx, ctx.access, input));
