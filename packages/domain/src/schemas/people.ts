import { z } from 'zod';
import { careStatuses, exploitationRisks, personKinds, sexes } from '../enums.ts';
import { ageBands } from '../redaction.ts';
import { birthDate, districtCode, id, limit, plannedDate, reason, text, version } from './common.ts';

/** The editable fields, without defaults: an update must change only what it names. */
const personFields = {
  givenName: text(100),
  familyName: text(100),
  aliases: z.array(text(100)).max(20),
  dateOfBirth: birthDate.nullable(),
  sex: z.enum(sexes),
  careStatus: z.enum(careStatuses).nullable(),
  responsibleAuthority: text(200).nullable(),
  homeDistrictCode: districtCode,
  cseRisk: z.enum(exploitationRisks),
  cseFlaggedAt: plannedDate.nullable(),
  cceRisk: z.enum(exploitationRisks),
  cceFlaggedAt: plannedDate.nullable(),
};

/** A new record: what is not given takes its default. */
const newPersonFields = {
  ...personFields,
  aliases: personFields.aliases.default([]),
  dateOfBirth: personFields.dateOfBirth.default(null),
  sex: personFields.sex.default('U'),
  careStatus: personFields.careStatus.default(null),
  responsibleAuthority: personFields.responsibleAuthority.default(null),
  cseRisk: personFields.cseRisk.default('none'),
  cseFlaggedAt: personFields.cseFlaggedAt.default(null),
  cceRisk: personFields.cceRisk.default('none'),
  cceFlaggedAt: personFields.cceFlaggedAt.default(null),
};

type FlagFields = { cseRisk?: string; cseFlaggedAt?: string | null; cceRisk?: string; cceFlaggedAt?: string | null };
function flagsNeedDates(value: FlagFields, ctx: z.RefinementCtx) {
  for (const kind of ['cse', 'cce'] as const) {
    const risk = value[`${kind}Risk`];
    if (risk !== undefined && risk !== 'none' && !value[`${kind}FlaggedAt`]) {
      ctx.addIssue({
        code: 'custom',
        path: [`${kind}FlaggedAt`],
        message: `is required when ${kind}Risk is "${risk}"`,
      });
    }
  }
}

export const createPersonInput = z
  .object({ kind: z.enum(personKinds), ...newPersonFields })
  .strict()
  .superRefine((value, ctx) => {
    flagsNeedDates(value, ctx);
    if (value.kind === 'associate' && value.careStatus !== null) {
      ctx.addIssue({ code: 'custom', path: ['careStatus'], message: 'applies to children only' });
    }
  });
export type CreatePersonInput = z.infer<typeof createPersonInput>;

export const updatePersonInput = z.object({
  id,
  version,
  changes: z
    .object(personFields)
    .partial()
    .strict()
    .superRefine(flagsNeedDates)
    .refine((changes) => Object.keys(changes).length > 0, 'must change at least one field'),
});
export type UpdatePersonInput = z.infer<typeof updatePersonInput>;

export const searchPeopleInput = z
  .object({
    name: text(100).optional(),
    dateOfBirth: birthDate.optional(),
    districtCode: districtCode.optional(),
    kind: z.enum(personKinds).optional(),
    cseFlagged: z.boolean().optional(),
    cceFlagged: z.boolean().optional(),
    limit,
    /** Results to skip: the next page starts at the previous offset plus its limit. */
    offset: z.int().min(0, 'must be 0 or more').max(10_000, 'must be at most 10000').optional(),
  })
  .strict()
  .refine(
    (q) => q.name || q.dateOfBirth || q.districtCode || q.cseFlagged !== undefined || q.cceFlagged !== undefined,
    'give at least one of name, dateOfBirth, districtCode, cseFlagged, cceFlagged',
  );
export type SearchPeopleInput = z.infer<typeof searchPeopleInput>;

export const getPersonInput = z.object({ id, reason }).strict();

export const fullPerson = z.object({
  view: z.literal('full'),
  id: z.uuid(),
  kind: z.enum(personKinds),
  pseudonymRef: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  aliases: z.array(z.string()),
  dateOfBirth: z.string().nullable(),
  sex: z.enum(sexes),
  careStatus: z.enum(careStatuses).nullable(),
  responsibleAuthority: z.string().nullable(),
  homeDistrictCode: z.string().nullable(),
  cseRisk: z.enum(exploitationRisks),
  cseFlaggedAt: z.string().nullable(),
  cceRisk: z.enum(exploitationRisks),
  cceFlaggedAt: z.string().nullable(),
  version: z.int(),
});
export type FullPerson = z.infer<typeof fullPerson>;

/** What district officers and NSD attendees see of a child: never a name or a date of birth. */
export const pseudonymisedPerson = z
  .object({
    view: z.literal('pseudonymised'),
    id: z.uuid(),
    kind: z.enum(personKinds),
    pseudonymRef: z.string(),
    initials: z.string().max(2),
    ageBand: z.enum(ageBands),
    homeDistrictCode: z.string().nullable(),
  })
  .strict();
export type PseudonymisedPerson = z.infer<typeof pseudonymisedPerson>;

export const person = z.discriminatedUnion('view', [fullPerson, pseudonymisedPerson]);
export type Person = z.infer<typeof person>;

export const personSearchResult = z.object({
  people: z.array(z.object({ person, score: z.number().nullable() })),
  /** Where this page starts, and whether more results lie beyond it (the search stopped at its limit). */
  offset: z.int().min(0),
  more: z.boolean(),
});
