import { router } from '../../trpc.ts';
import { list } from './list-districts.ts';

export const districtsRouter = router({ list });
