export { listRecordAccess } from './list-record-access.ts';
