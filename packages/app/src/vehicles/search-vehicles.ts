import { appendAudit, searchVehicles as searchVehiclesInDb } from '@lantern/db';
import type { SearchVehiclesInput, Vehicle } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';

/** Vehicles by part of their registration; the search and what it found are audited. */
export async function searchVehicles(
  app: AppContext,
  access: Access,
  input: SearchVehiclesInput,
): Promise<{ vehicles: Vehicle[] }> {
  return app.db.prisma.$transaction(async (tx) => {
    const rows = await searchVehiclesInDb(tx, input);
    const { limit: _limit, ...criteria } = input;
    await appendAudit(
      tx,
      auditEvent(access, 'search', { type: 'vehicle', ids: rows.map((row) => row.id) }, { details: { criteria } }),
    );
    return { vehicles: rows };
  });
}
