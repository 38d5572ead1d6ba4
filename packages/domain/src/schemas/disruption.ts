import { z } from 'zod';
import {
  disruptionOutcomes,
  disruptionStatuses,
  disruptionTargetTypes,
  tacticThemes,
} from '../disruption/vocabulary.ts';
import { agencyKinds, placeCategories } from '../enums.ts';
import { districtCode, id, limit, plannedDate, text, version } from './common.ts';
import { suppressedCount } from './districts.ts';
import { person } from './people.ts';

const status = z.enum(disruptionStatuses);
const outcome = z.enum(disruptionOutcomes);
const targetType = z.enum(disruptionTargetTypes);

/**
 * The target of an action. `id` is a Lantern record: a place of concern for place, premises and
 * business targets, a person (an associate) for person targets, a vehicle for vehicle targets.
 * `name` names a business or an online account that is not a Lantern record.
 */
export const disruptionTargetInput = z
  .object({ type: targetType, id: id.optional(), name: text(200).optional() })
  .strict()
  .superRefine((target, ctx) => {
    if (target.type === 'online' && target.id !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'an online target is named, not a Lantern record' });
    }
    if (target.type === 'online' || target.type === 'business') {
      if (target.id === undefined && target.name === undefined) {
        ctx.addIssue({ code: 'custom', path: ['name'], message: `is required for a ${target.type} target without id` });
      }
    } else if (target.id === undefined) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `is required for a ${target.type} target` });
    }
  });
export type DisruptionTargetInput = z.infer<typeof disruptionTargetInput>;

const dateFields = {
  on: plannedDate.optional(),
  inForceFrom: plannedDate.optional(),
  reviewOn: plannedDate.optional(),
  expiresOn: plannedDate.optional(),
};

export const createDisruptionInput = z
  .object({
    tacticId: id,
    target: disruptionTargetInput,
    /** Required when the target has no place of its own (a person, vehicle or online account). */
    districtCode: districtCode.optional(),
    /** The agency that holds the power. Default: the caller's own agency. */
    holderAgencyId: id.optional(),
    /** Default: the caller. */
    ownerId: id.optional(),
    proposedOn: plannedDate.optional(),
    notes: text(4000).optional(),
    /** Record an action already agreed or in force: the steps are taken and logged in order. */
    startAs: z.enum(['proposed', 'agreed', 'in_force']).default('proposed'),
    reason: text(500).optional(),
    ...dateFields,
  })
  .strict();
export type CreateDisruptionInput = z.infer<typeof createDisruptionInput>;

export const transitionDisruptionInput = z
  .object({ id, version, to: status, reason: text(500), outcome: outcome.optional(), ...dateFields })
  .strict();
export type TransitionDisruptionInput = z.infer<typeof transitionDisruptionInput>;

export const getDisruptionInput = z.object({ id }).strict();

export const listDisruptionInput = z
  .object({
    districtCode: districtCode.optional(),
    ownerId: id.optional(),
    placeId: id.optional(),
    status: z.array(status).max(7).optional(),
    /** Only actions in force whose review (or expiry, or either) falls within `withinDays` of today. */
    due: z.enum(['review', 'expiry', 'either']).optional(),
    withinDays: z.int().min(0).max(365).default(28),
    limit,
  })
  .strict();
export type ListDisruptionInput = z.infer<typeof listDisruptionInput>;

export const disruptionEffectInput = z
  .object({
    id,
    distanceMetres: z.int({ error: 'must be a whole number of metres' }).min(25).max(2000).default(250),
    months: z.int({ error: 'must be a whole number of months' }).min(1).max(12).default(3),
    /** police.uk crime types to count (e.g. "Drugs"); empty: every type. */
    crimeTypes: z.array(text(100)).max(20).default([]),
  })
  .strict();
export type DisruptionEffectInput = z.infer<typeof disruptionEffectInput>;

const bbox = z
  .tuple([z.number(), z.number(), z.number(), z.number()], { error: 'must be [west, south, east, north] in degrees' })
  .refine(([w, s, e, n]) => w < e && s < n, 'must be [west, south, east, north] with west < east and south < north');

export const disruptionForMapInput = z
  .object({ districtCode: districtCode.optional(), bbox: bbox.optional() })
  .strict();
export type DisruptionForMapInput = z.infer<typeof disruptionForMapInput>;

const districtRef = z.object({ code: z.string(), name: z.string() });

export const tacticSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  theme: z.enum(tacticThemes),
  needsCourt: z.boolean(),
  maxDurationDays: z.int().nullable(),
});

export const disruptionTarget = z.object({
  type: targetType,
  place: z
    .object({ id: z.uuid(), name: z.string(), category: z.enum(placeCategories), lon: z.number(), lat: z.number() })
    .nullable(),
  person: person.nullable(),
  vehicle: z.object({ id: z.uuid(), registration: z.string() }).nullable(),
  name: z.string().nullable(),
  /** How to name the target in one line, as the caller may see it. */
  label: z.string(),
});

export const disruptionAction = z.object({
  id: z.uuid(),
  tactic: tacticSummary,
  target: disruptionTarget,
  holderAgency: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(agencyKinds) }),
  owner: z.object({ id: z.uuid(), displayName: z.string() }),
  district: districtRef,
  status,
  outcome: outcome.nullable(),
  proposedOn: z.string(),
  agreedOn: z.string().nullable(),
  inForceFrom: z.string().nullable(),
  reviewOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.int(),
});
export type DisruptionAction = z.infer<typeof disruptionAction>;

export const disruptionStatusChange = z.object({
  from: status.nullable(),
  to: status,
  changedBy: z.string().nullable(),
  reason: z.string(),
  changedAt: z.string(),
});

export const disruptionDetail = disruptionAction.extend({
  history: z.array(disruptionStatusChange),
  /** The statuses this action may move to next. */
  next: z.array(status),
});
export type DisruptionDetail = z.infer<typeof disruptionDetail>;

export const listDisruptionOutput = z.object({
  actions: z.array(disruptionAction),
  /** In-force actions with a review or an expiry within `withinDays`, per district and owner. */
  due: z.array(
    z.object({
      district: districtRef,
      owner: z.object({ id: z.uuid(), displayName: z.string() }),
      reviewsDue: z.int().min(0),
      expiring: z.int().min(0),
    }),
  ),
});

const effectCountSchema = z.object({
  before: z.int(),
  after: z.int(),
  change: z.int(),
  percentChange: z.int().nullable(),
});
const suppressibleEffectCount = z.object({
  before: suppressedCount,
  after: suppressedCount,
  change: z.int().nullable(),
  percentChange: z.int().nullable(),
});

export const disruptionEffect = z.object({
  actionId: z.uuid(),
  distanceMetres: z.int(),
  months: z.int(),
  periods: z.object({
    before: z.object({ from: z.string(), to: z.string() }),
    after: z.object({ from: z.string(), to: z.string() }),
    excludedMonth: z.string(),
  }),
  complete: z.boolean(),
  crimeTypes: z.array(z.string()),
  crime: effectCountSchema,
  intelligence: effectCountSchema,
  /** Where missing children were found: counts of 1–4 read "<5" without person-level access. */
  missingFound: suppressibleEffectCount,
  caution: z.array(z.string()),
});
export type DisruptionEffect = z.infer<typeof disruptionEffect>;

export const disruptionMapFeature = z.object({
  actionId: z.uuid(),
  tacticCode: z.string(),
  tacticName: z.string(),
  status,
  placeId: z.uuid(),
  placeName: z.string(),
  lon: z.number(),
  lat: z.number(),
  districtCode: z.string(),
  inForceFrom: z.string(),
  expiresOn: z.string().nullable(),
});
export type DisruptionMapFeature = z.infer<typeof disruptionMapFeature>;
export const disruptionForMapOutput = z.object({ actions: z.array(disruptionMapFeature) });
