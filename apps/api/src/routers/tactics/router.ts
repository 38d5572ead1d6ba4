import { router } from '../../trpc.ts';
import { create } from './create-tactic.ts';
import { list } from './list-tactics.ts';
import { update } from './update-tactic.ts';

export const tacticsRouter = router({ list, create, update });
