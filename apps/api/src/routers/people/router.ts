import { router } from '../../trpc.ts';
import { create } from './create-person.ts';
import { duplicates } from './find-person-duplicates.ts';
import { get } from './get-person.ts';
import { duplicateList } from './list-duplicate-people.ts';
import { merge } from './merge-people.ts';
import { search } from './search-people.ts';
import { unmerge } from './unmerge-person.ts';
import { update } from './update-person.ts';

export const peopleRouter = router({ search, get, create, update, duplicates, duplicateList, merge, unmerge });
