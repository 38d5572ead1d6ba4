import { type PrismaTx, vehicleByRegistration } from '@lantern/db';
import { AppError } from '@lantern/domain';

export function vehicleNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `No vehicle ${id}`);
}

/** A registration belongs to one vehicle: a second record of it is refused, naming the field. */
export async function assertRegistrationFree(
  tx: PrismaTx,
  registration: string,
  field: string,
  exceptId?: string,
): Promise<void> {
  const holder = await vehicleByRegistration(tx, registration);
  if (holder && holder.id !== exceptId) {
    throw new AppError('BAD_INPUT', `${field}: ${registration} is already recorded as another vehicle`);
  }
}
