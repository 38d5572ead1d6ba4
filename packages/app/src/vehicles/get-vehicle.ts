import { appendAudit, getVehicle as getVehicleInDb } from '@lantern/db';
import type { Vehicle } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { vehicleNotFound } from './present-vehicle.ts';

/** One vehicle; the read is audited (a registration can identify its keeper). */
export async function getVehicle(app: AppContext, access: Access, id: string): Promise<Vehicle> {
  return app.db.prisma.$transaction(async (tx) => {
    const row = await getVehicleInDb(tx, id);
    if (!row) throw vehicleNotFound(id);
    await appendAudit(tx, auditEvent(access, 'read', { type: 'vehicle', ids: [id] }));
    return row;
  });
}
