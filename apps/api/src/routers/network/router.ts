import { router } from '../../trpc.ts';
import { exportView } from './export-network.ts';
import { paths } from './find-network-paths.ts';
import { district } from './view-district-network.ts';
import { ego } from './view-ego-network.ts';

export const networkRouter = router({ district, ego, paths, export: exportView });
