import { router } from '../../trpc.ts';
import { create } from './create-vehicle.ts';
import { get } from './get-vehicle.ts';
import { search } from './search-vehicles.ts';
import { update } from './update-vehicle.ts';

export const vehiclesRouter = router({ search, get, create, update });
