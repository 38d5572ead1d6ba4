import { appendAudit, getVehicle, updateVehicle as updateVehicleInDb } from '@lantern/db';
import type { UpdateVehicleInput, Vehicle } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { updateEvent } from '../audit/audit-event.ts';
import { staleVersionWithLastChange } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { assertRegistrationFree, vehicleNotFound } from './present-vehicle.ts';

/** Changes a vehicle; a stale version is a CONFLICT naming who changed it and when. */
export async function updateVehicle(app: AppContext, access: Access, input: UpdateVehicleInput): Promise<Vehicle> {
  const { id, changes } = input;
  return app.db.prisma.$transaction(async (tx) => {
    if (!(await getVehicle(tx, id))) throw vehicleNotFound(id);
    if (changes.registration !== undefined) {
      await assertRegistrationFree(tx, changes.registration, 'changes.registration', id);
    }
    const outcome = await updateVehicleInDb(tx, input);
    if (outcome.status === 'not-found') throw vehicleNotFound(id);
    if (outcome.status === 'conflict') {
      throw await staleVersionWithLastChange(tx, id, `vehicle ${id}`, input.version, outcome.currentVersion);
    }
    await appendAudit(tx, updateEvent(access, { type: 'vehicle', id }, changes));
    return outcome.vehicle;
  });
}
