import { router } from '../../trpc.ts';
import { create } from './create-disruption.ts';
import { get } from './get-disruption.ts';
import { list } from './list-disruption.ts';
import { forMap } from './list-for-map.ts';
import { effect } from './measure-effect.ts';
import { transition } from './transition-disruption.ts';

export const disruptionRouter = router({ create, transition, list, get, effect, forMap });
