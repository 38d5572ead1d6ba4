import { router } from '../../trpc.ts';
import { list } from './list-intelligence.ts';
import { submit } from './submit-intelligence.ts';

export const intelligenceRouter = router({ submit, list });
