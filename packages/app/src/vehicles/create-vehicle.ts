import { appendAudit, createVehicle as createVehicleInDb } from '@lantern/db';
import type { CreateVehicleInput, Vehicle } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { assertRegistrationFree } from './present-vehicle.ts';

/** Records a vehicle by its registration (one record per registration). */
export async function createVehicle(app: AppContext, access: Access, input: CreateVehicleInput): Promise<Vehicle> {
  return app.db.prisma.$transaction(async (tx) => {
    await assertRegistrationFree(tx, input.registration, 'registration');
    const row = await createVehicleInDb(tx, input);
    await appendAudit(tx, auditEvent(access, 'create', { type: 'vehicle', ids: [row.id] }));
    return row;
  });
}
