import { router } from '../../trpc.ts';
import { compute } from './compute-hotspots.ts';
import { density } from './estimate-density.ts';
import { emerging } from './find-emerging.ts';
import { cell } from './get-cell.ts';
import { repeatLocations } from './rank-repeat-locations.ts';

export const hotspotsRouter = router({ compute, density, emerging, cell, repeatLocations });
