import { router } from '../../trpc.ts';
import { forRecord } from './list-record-access.ts';
import { search } from './search-audit.ts';
import { verify } from './verify-audit.ts';

export const auditRouter = router({ forRecord, search, verify });
