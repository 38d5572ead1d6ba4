import { router } from '../../trpc.ts';
import { layers } from './list-layers.ts';
import { places } from './list-places.ts';

export const mapRouter = router({ layers, places });
