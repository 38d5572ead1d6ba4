import type { AuditAction, AuditInput, Principal } from '@lantern/db';

/** An audit event about signing in or out (no record involved). */
export function authEvent(
  action: AuditAction,
  procedure: string,
  principal: Principal | null,
  details: Record<string, unknown>,
  userId: string | null = principal?.id ?? null,
): AuditInput {
  return {
    userId,
    role: principal?.roles[0] ?? null,
    action,
    procedure,
    recordType: null,
    recordIds: [],
    reason: null,
    details,
  };
}
