import { randomUUID } from 'node:crypto';
import { createVehicleRecord } from './domain-factories.ts';
import type { ProcedureFixture } from './fixture-types.ts';

/**
 * Fixtures of the vehicles.* procedures (issue 14). Vehicles have no district, so both cells of
 * the matrix act on the same kind of record and succeed for every role the policy admits.
 */
const freshRegistration = () => `MX${randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`;

export function vehicleFixtures(): Record<string, ProcedureFixture> {
  return {
    'vehicles.search': {
      build: async (world) => {
        const vehicle = await createVehicleRecord(world.db);
        const input = { registration: vehicle.registration, limit: 10 };
        return { inScope: { input, ids: [vehicle.id] }, outOfScope: { input, ids: [vehicle.id] } };
      },
    },
    'vehicles.get': {
      build: async (world) => {
        const vehicle = await createVehicleRecord(world.db);
        return {
          inScope: { input: { id: vehicle.id }, ids: [vehicle.id] },
          outOfScope: { input: { id: vehicle.id }, ids: [vehicle.id] },
        };
      },
    },
    'vehicles.create': {
      build: async () => ({
        inScope: { input: { registration: freshRegistration(), colour: 'blue' }, ids: [] },
        outOfScope: { input: { registration: freshRegistration(), colour: 'blue' }, ids: [] },
      }),
      everyField: async () => ({
        registration: freshRegistration(),
        make: 'Vauxhall',
        model: 'Corsa',
        colour: 'silver',
        notes: 'seen outside the takeaway after midnight',
      }),
    },
    'vehicles.update': {
      build: async (world) => {
        const first = await createVehicleRecord(world.db);
        const second = await createVehicleRecord(world.db);
        const change = (id: string) => ({ id, version: 1, changes: { colour: 'black' } });
        return {
          inScope: { input: change(first.id), ids: [first.id] },
          outOfScope: { input: change(second.id), ids: [second.id] },
        };
      },
      everyField: async (world) => ({
        id: (await createVehicleRecord(world.db)).id,
        version: 1,
        changes: {
          registration: freshRegistration(),
          make: 'Ford',
          model: 'Fiesta',
          colour: 'red',
          notes: 'tinted rear windows',
        },
      }),
    },
  };
}
