import { z } from 'zod';
import { disruptionTargetTypes, tacticThemes } from '../disruption/vocabulary.ts';
import { agencyKinds } from '../enums.ts';
import { id, text, version } from './common.ts';

/** The tactic catalogue: data, seeded from the toolkit by the migration, edited by administrators. */
const theme = z.enum(tacticThemes);
const targetType = z.enum(disruptionTargetTypes);
const agencyKind = z.enum(agencyKinds);
/** For `changes` objects: an update must change something (unknown keys are reported first). */
export const atLeastOneChange = [
  (changes: object) => Object.keys(changes).length > 0,
  {
    message: 'must change at least one field',
    when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0,
  },
] as const;

const unique = <T>(values: readonly T[]) => new Set(values).size === values.length;

export const tactic = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  theme,
  legalBasis: z.string(),
  holderAgencyKinds: z.array(agencyKind),
  targetTypes: z.array(targetType),
  needsConviction: z.boolean(),
  needsCourt: z.boolean(),
  maxDurationDays: z.int().nullable(),
  guidance: z.string(),
  version: z.int(),
});
export type Tactic = z.infer<typeof tactic>;

export const listTacticsInput = z
  .object({
    theme: theme.optional(),
    targetType: targetType.optional(),
    /** Only tactics whose power an agency of this kind holds. */
    heldBy: agencyKind.optional(),
  })
  .strict();
export type ListTacticsInput = z.infer<typeof listTacticsInput>;
export const listTacticsOutput = z.object({ tactics: z.array(tactic) });

/** The agencies that may hold a tactic's power: those of a kind the tactic names (for the holder picker). */
export const tacticHoldersInput = z.object({ tacticId: id }).strict();
export type TacticHoldersInput = z.infer<typeof tacticHoldersInput>;
export const tacticHoldersOutput = z.object({
  agencies: z.array(z.object({ id: z.uuid(), name: z.string(), kind: agencyKind })),
});

/** The editable fields of a tactic, for creating one and changing one. */
const tacticFields = {
  name: text(200),
  theme,
  legalBasis: text(500),
  holderAgencyKinds: z
    .array(agencyKind)
    .min(1, 'must name at least one kind of agency')
    .refine(unique, 'must not repeat a kind of agency'),
  targetTypes: z
    .array(targetType)
    .min(1, 'must name at least one target type')
    .refine(unique, 'must not repeat a target type'),
  needsConviction: z.boolean({ error: 'must be true or false' }),
  needsCourt: z.boolean({ error: 'must be true or false' }),
  maxDurationDays: z.int({ error: 'must be a whole number of days' }).min(1).max(3660).nullable(),
  guidance: text(4000),
};

export const updateTacticInput = z
  .object({
    id,
    version,
    changes: z
      .object(tacticFields)
      .partial()
      .strict()
      .refine(...atLeastOneChange),
  })
  .strict();
export type UpdateTacticInput = z.infer<typeof updateTacticInput>;

/**
 * A new tactic (administrators). The code is its stable name in the toolkit and in data
 * (lower case, digits and underscores); it cannot be changed later.
 */
export const createTacticInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(
        /^[a-z][a-z0-9_]{1,59}$/,
        'must be 2–60 lower-case letters, digits or underscores, starting with a letter',
      ),
    ...tacticFields,
  })
  .strict();
export type CreateTacticInput = z.infer<typeof createTacticInput>;
