export { type Access, accessFor, authorize, requirePrincipal } from './access/access.ts';
export { auditEvent, updateEvent } from './audit/audit-event.ts';
export { staleVersion } from './concurrency/stale-version.ts';
export type { AppContext } from './context.ts';
