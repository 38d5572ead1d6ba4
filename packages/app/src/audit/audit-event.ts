import type { AuditAction, AuditInput } from '@lantern/db';
import type { Access } from '../access/access.ts';

/** An audit event for the current caller and procedure. */
export function auditEvent(
  access: Access,
  action: AuditAction,
  record: { type: string | null; ids: readonly string[] },
  extra: EventExtra = {},
): AuditInput {
  return { ...eventWithoutIds(access, action, record.type, extra), recordIds: record.ids };
}

type EventExtra = { reason?: string | null | undefined; details?: Record<string, unknown> };

/** An audit event whose record ids the statement that reads the records fills in (`queryWithAudit`). */
export function eventWithoutIds(
  access: Access,
  action: AuditAction,
  recordType: string | null,
  extra: EventExtra = {},
): Omit<AuditInput, 'recordIds'> {
  return {
    userId: access.principal?.id ?? null,
    role: access.role,
    action,
    procedure: access.procedure,
    recordType,
    reason: extra.reason ?? null,
    details: extra.details ?? {},
  };
}

/** The audit event of an update: which fields changed (names only, never the values). */
export function updateEvent(
  access: Access,
  record: { type: string; id: string },
  changes: Record<string, unknown>,
): AuditInput {
  return auditEvent(
    access,
    'update',
    { type: record.type, ids: [record.id] },
    { details: { fields: Object.keys(changes).sort() } },
  );
}
