import { z } from 'zod';
import { roles } from '../enums.ts';
import { id } from './common.ts';

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
