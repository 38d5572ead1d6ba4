import { router } from '../../trpc.ts';
import { create } from './create-person.ts';
import { get } from './get-person.ts';
import { search } from './search-people.ts';
import { update } from './update-person.ts';

export const peopleRouter = router({ search, get, create, update });
