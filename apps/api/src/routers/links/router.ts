import { router } from '../../trpc.ts';
import { create } from './create-link.ts';
import { listForEntity } from './list-links-for-entity.ts';

export const linksRouter = router({ create, listForEntity });
