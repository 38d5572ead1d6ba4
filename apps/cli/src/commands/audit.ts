import { type Database, verifyAuditChain } from '@lantern/db';
import type { Io } from '../io.ts';

/**
 * A broken audit chain: the command has found tampering and says where. `run` prints the message
 * as it is (it is the command's whole answer, not an error in the command) and exits 1.
 */
export class AuditChainBroken extends Error {
  override readonly name = 'AuditChainBroken';
}

/** `lantern audit verify`: recomputes every hash of the audit trail in order. */
export async function auditVerify(db: Database, io: Io): Promise<void> {
  const verification = await verifyAuditChain(db.sql);
  if (!verification.ok) {
    throw new AuditChainBroken(`audit chain broken at event ${verification.seq}: ${verification.problem}`);
  }
  io.out(`audit chain intact: ${verification.events} events`);
}
