import { auditSigningKey, sealAuditBatch } from './audit.ts';
import { runPeriodically } from './periodic.ts';
import type { TransactionalSql } from './sql.ts';

export interface AuditSealer {
  /** Stops the timer and seals what is still pending. */
  stop(): Promise<void>;
}

/**
 * Seals pending audit events now (what a crash left behind) and then every `intervalMs`, one
 * round at a time: a round that overruns the interval delays the next rather than overlapping it.
 */
export async function startAuditSealer(
  sql: TransactionalSql,
  options: { intervalMs: number; key?: string; onError: (error: unknown) => void },
): Promise<AuditSealer> {
  const key = options.key ?? auditSigningKey();
  await sealAuditBatch(sql, key);
  const rounds = runPeriodically(() => sealAuditBatch(sql, key), options);
  return {
    async stop() {
      await rounds.stop();
      await sealAuditBatch(sql, key).catch(options.onError);
    },
  };
}
