import type { CreateVehicleInput, SearchVehiclesInput, UpdateVehicleInput } from '@lantern/domain';
import type { PrismaTx } from './prisma-tx.ts';

/** Vehicles, by registration (unique). No district: vehicles are not district-scoped. */
export interface VehicleRow {
  id: string;
  registration: string;
  make: string | null;
  model: string | null;
  colour: string | null;
  notes: string | null;
  version: number;
}

const vehicleSelect = {
  id: true,
  registration: true,
  make: true,
  model: true,
  colour: true,
  notes: true,
  version: true,
} as const;

export async function getVehicle(prisma: PrismaTx, id: string): Promise<VehicleRow | null> {
  return prisma.vehicle.findUnique({ where: { id }, select: vehicleSelect });
}

/** The vehicle with this registration, if any (registrations are stored normalised: "AB12CDE"). */
export async function vehicleByRegistration(prisma: PrismaTx, registration: string): Promise<VehicleRow | null> {
  return prisma.vehicle.findUnique({ where: { registration }, select: vehicleSelect });
}

/** Vehicles whose registration contains the given part, exact and leading matches first. */
export async function searchVehicles(prisma: PrismaTx, query: SearchVehiclesInput): Promise<VehicleRow[]> {
  const rows = await prisma.vehicle.findMany({
    where: query.registration ? { registration: { contains: query.registration } } : {},
    select: vehicleSelect,
    orderBy: [{ registration: 'asc' }],
    take: query.registration ? 1000 : query.limit,
  });
  if (!query.registration) return rows;
  const part = query.registration;
  const rank = (row: VehicleRow) => (row.registration === part ? 0 : row.registration.startsWith(part) ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b)).slice(0, query.limit);
}

export async function createVehicle(tx: PrismaTx, input: CreateVehicleInput): Promise<VehicleRow> {
  return tx.vehicle.create({ data: input, select: vehicleSelect });
}

export type VehicleUpdateOutcome =
  | { status: 'updated'; vehicle: VehicleRow }
  | { status: 'not-found' }
  | { status: 'conflict'; currentVersion: number };

/** Optimistic concurrency, as for people and places: applies only if the row still has the version read. */
export async function updateVehicle(
  tx: PrismaTx,
  { id, version, changes }: UpdateVehicleInput,
): Promise<VehicleUpdateOutcome> {
  const { count } = await tx.vehicle.updateMany({
    where: { id, version },
    data: { ...changes, version: { increment: 1 }, updatedAt: new Date() },
  });
  const now = await getVehicle(tx, id);
  if (!now) return { status: 'not-found' };
  if (count === 0) return { status: 'conflict', currentVersion: now.version };
  return { status: 'updated', vehicle: now };
}
