import { z } from 'zod';
import { id, limit, text, version } from './common.ts';
import { registration } from './intelligence.ts';

/**
 * Vehicles: a registration (as the DVLA prints it, unique) and what is known of the vehicle.
 * No district: a vehicle goes where it is driven, so vehicles are not district-scoped.
 */
const vehicleFields = {
  registration,
  make: text(60).nullable(),
  model: text(60).nullable(),
  colour: text(40).nullable(),
  notes: text(1000).nullable(),
};

export const createVehicleInput = z
  .object({
    ...vehicleFields,
    make: vehicleFields.make.default(null),
    model: vehicleFields.model.default(null),
    colour: vehicleFields.colour.default(null),
    notes: vehicleFields.notes.default(null),
  })
  .strict();
export type CreateVehicleInput = z.infer<typeof createVehicleInput>;

export const updateVehicleInput = z
  .object({
    id,
    version,
    changes: z
      .object(vehicleFields)
      .partial()
      .strict()
      .refine((changes) => Object.keys(changes).length > 0, {
        message: 'must change at least one field',
        when: (payload) => payload.issues.length === 0,
      }),
  })
  .strict();
export type UpdateVehicleInput = z.infer<typeof updateVehicleInput>;

export const getVehicleInput = z.object({ id }).strict();

export const searchVehiclesInput = z
  .object({
    /** Part of a registration, spaces and case ignored ("ab12" finds AB12CDE). */
    registration: z
      .string({ error: 'must be part of a registration, e.g. AB12' })
      .transform((value) => value.replace(/\s+/g, '').toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{1,8}$/, 'must be 1–8 letters and digits of a registration, e.g. AB12'))
      .optional(),
    limit,
  })
  .strict();
export type SearchVehiclesInput = z.infer<typeof searchVehiclesInput>;

export const vehicle = z.object({
  id: z.uuid(),
  registration: z.string(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  colour: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.int(),
});
export type Vehicle = z.infer<typeof vehicle>;

export const searchVehiclesOutput = z.object({ vehicles: z.array(vehicle) });
