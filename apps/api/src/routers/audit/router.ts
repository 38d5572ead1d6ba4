import { router } from '../../trpc.ts';
import { forRecord } from './list-record-access.ts';

export const auditRouter = router({ forRecord });
