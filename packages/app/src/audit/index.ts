export { listRecordAccess } from './list-record-access.ts';
export { searchAudit } from './search-audit.ts';
export { verifyAudit } from './verify-audit.ts';
