import { router } from '../../trpc.ts';
import { list } from './list-tactics.ts';
import { update } from './update-tactic.ts';

export const tacticsRouter = router({ list, update });
