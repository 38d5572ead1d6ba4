import { router } from '../../trpc.ts';
import { create } from './create-tactic.ts';
import { holders } from './list-holders.ts';
import { list } from './list-tactics.ts';
import { update } from './update-tactic.ts';

export const tacticsRouter = router({ list, holders, create, update });
