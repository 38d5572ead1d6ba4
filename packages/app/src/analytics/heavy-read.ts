import type { Transaction } from '@lantern/db';
import type { AppContext } from '../context.ts';

/**
 * Heavy read-only work (reports, profiles, hot spots, networks) on the read replica when one is
 * configured and caught up, else on the primary (`Database.read`); run again on the primary if
 * the replica stops answering part-way. Nothing here may write: a standby refuses writes, and an
 * audit event is appended on the primary after. No transaction: at READ COMMITTED one would pin a
 * connection without making the statements' view any more consistent.
 */
export function heavyRead<T>(app: AppContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return app.db.read((reader) => work(reader.prisma));
}
