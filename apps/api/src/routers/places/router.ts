import { router } from '../../trpc.ts';
import { create } from './create-place.ts';
import { get } from './get-place.ts';
import { list } from './list-places.ts';
import { history } from './place-history.ts';
import { update } from './update-place.ts';

export const placesRouter = router({ list, get, create, update, history });
