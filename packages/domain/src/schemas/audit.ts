import { z } from 'zod';
import { roles } from '../enums.ts';
import { id, isoDate, text } from './common.ts';

export const auditForRecordInput = z
  .object({
    recordType: z.literal('person', { error: 'must be "person": access is reported for people’s records' }),
    id,
    limit: z
      .int({ error: 'must be a whole number' })
      .min(1, 'must be at least 1')
      .max(500, 'must be at most 500')
      .default(100),
  })
  .strict();
export type AuditForRecordInput = z.infer<typeof auditForRecordInput>;

export const recordAccessEvent = z.object({
  seq: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  role: z.enum(roles).nullable(),
  action: z.string(),
  procedure: z.string().nullable(),
  reason: z.string().nullable(),
});
export type RecordAccessEvent = z.infer<typeof recordAccessEvent>;

export const auditForRecordOutput = z.object({ events: z.array(recordAccessEvent) });

/** The audit trail's actions, as `audit_event.action` stores them. */
export const auditActions = [
  'login',
  'login_failed',
  'logout',
  'read',
  'search',
  'create',
  'update',
  'export',
  'denied',
] as const;

/**
 * The audit viewer (issue 18, administrators): events newest first, filtered by the record they
 * name, who acted, what they did and when (London dates, both inclusive), a page at a time:
 * `before` is the `seq` of the last event of the previous page.
 */
export const searchAuditInput = z
  .object({
    recordType: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(60, 'must be at most 60 characters')
      .regex(/^[a-z_]+$/, 'must be a record type such as person, place or user')
      .optional(),
    recordId: text(200).optional(),
    userId: id.optional(),
    action: z.enum(auditActions, { error: `must be one of ${auditActions.join(', ')}` }).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    before: z
      .string()
      .regex(/^[1-9]\d{0,18}$/, 'must be the seq of an audit event')
      .optional(),
    limit: z
      .int({ error: 'must be a whole number' })
      .min(1, 'must be at least 1')
      .max(200, 'must be at most 200')
      .default(50),
  })
  .strict()
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: 'must not be before from',
    path: ['to'],
  });
export type SearchAuditInput = z.infer<typeof searchAuditInput>;

export const auditEventRow = recordAccessEvent.extend({
  recordType: z.string().nullable(),
  recordIds: z.array(z.string()),
});
export type AuditEventRow = z.infer<typeof auditEventRow>;
export const searchAuditOutput = z.object({
  events: z.array(auditEventRow),
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: z.string().nullable(),
});

/** `lantern audit verify`'s answer, for the audit viewer. */
export const verifyAuditOutput = z.object({
  ok: z.boolean(),
  events: z.int().min(0),
  /** The first broken event and what is wrong with it, when the chain is broken. */
  brokenAt: z.string().nullable(),
  problem: z.string().nullable(),
  checkedAt: z.string(),
});
export type VerifyAuditOutput = z.infer<typeof verifyAuditOutput>;
