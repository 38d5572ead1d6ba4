import { type Database, sealAuditBatch, unsealedAuditWindow, verifyAuditChain } from '@lantern/db';
import type { Io } from '../io.ts';

/**
 * A broken audit chain: the command has found tampering and says where. `run` prints the message
 * as it is (it is the command's whole answer, not an error in the command) and exits 1.
 */
export class AuditChainBroken extends Error {
  override readonly name = 'AuditChainBroken';
}

/**
 * `lantern audit verify`: seals what is waiting to be sealed (a server that stopped without its
 * last round leaves some), then recomputes every hash and signature of the trail in order. Says
 * how many events were unsealed and how long the oldest had waited: the unsealed window.
 */
export async function auditVerify(db: Database, io: Io): Promise<void> {
  const window = await unsealedAuditWindow(db.sql);
  await sealAuditBatch(db.sql);
  const verification = await verifyAuditChain(db.sql);
  if (!verification.ok) {
    throw new AuditChainBroken(`audit chain broken at event ${verification.seq}: ${verification.problem}`);
  }
  io.out(`audit chain intact: ${verification.events} events`);
  io.out(
    window.events === 0
      ? `sealed batches: ${verification.batches}; no event was waiting to be sealed`
      : `sealed batches: ${verification.batches}; ${window.events} events were waiting to be sealed (the oldest for ${(window.oldestSeconds ?? 0).toFixed(1)} s) and are sealed now`,
  );
}
