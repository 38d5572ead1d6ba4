import type { AuditAction, AuditInput } from '@lantern/db';
import type { Access } from '../access/access.ts';

/** An audit event for the current caller and procedure. */
export function auditEvent(
  access: Access,
  action: AuditAction,
  record: { type: string | null; ids: readonly string[] },
  extra: { reason?: string | null | undefined; details?: Record<string, unknown> } = {},
): AuditInput {
  return {
    userId: access.principal?.id ?? null,
    role: access.role,
    action,
    procedure: access.procedure,
    recordType: record.type,
    recordIds: record.ids,
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
