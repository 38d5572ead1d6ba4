import { router } from '../../trpc.ts';
import { orientation } from './get-orientation.ts';
import { layers } from './list-layers.ts';
import { places } from './list-places.ts';
import { streetNames } from './list-street-names.ts';

export const mapRouter = router({ layers, places, orientation, streetNames });
