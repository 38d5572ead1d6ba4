import { z } from 'zod';
import { duplicateReasonKinds } from '../duplicates/score-duplicate.ts';
import { districtCode, id, limit, text, version } from './common.ts';
import { person } from './people.ts';

/** Duplicate people (issue 14): candidates with their score and reasons, merge and undo. */
const minScore = z.number().min(0.5, 'must be between 0.5 and 1').max(1, 'must be between 0.5 and 1');

export const personDuplicatesInput = z.object({ id, minScore: minScore.optional() }).strict();
export type PersonDuplicatesInput = z.infer<typeof personDuplicatesInput>;

export const duplicateListInput = z
  .object({ districtCode: districtCode.optional(), minScore: minScore.optional(), limit })
  .strict();
export type DuplicateListInput = z.infer<typeof duplicateListInput>;

export const duplicateReason = z.object({ kind: z.enum(duplicateReasonKinds), detail: z.string() });

export const duplicateCandidate = z.object({
  person,
  score: z.number(),
  reasons: z.array(duplicateReason),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

/** A merge in force: who was merged into whom, why, by whom, and how many rows of each kind moved. */
export const personMergeSummary = z.object({
  id: z.uuid(),
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  reason: z.string(),
  mergedAt: z.string(),
  mergedBy: z.string().nullable(),
  moved: z.record(z.string(), z.int()),
});
export type PersonMergeSummary = z.infer<typeof personMergeSummary>;

export const personDuplicatesResult = z.object({
  /** The person asked about, as the caller sees them. */
  person,
  threshold: z.number(),
  candidates: z.array(duplicateCandidate),
  /** Set when this person was merged into another: the page offers "Undo merge". */
  mergedInto: personMergeSummary.extend({ survivor: person.nullable() }).nullable(),
  /** The records merged into this person. */
  mergedFrom: z.array(personMergeSummary.extend({ merged: person })),
});
export type PersonDuplicatesResult = z.infer<typeof personDuplicatesResult>;

export const duplicateListResult = z.object({
  threshold: z.number(),
  /** Candidate pairs above the threshold in the caller's districts, before `limit` cut them. */
  total: z.int(),
  pairs: z.array(z.object({ left: person, right: person, score: z.number(), reasons: z.array(duplicateReason) })),
});
export type DuplicateListResult = z.infer<typeof duplicateListResult>;

export const mergePeopleInput = z
  .object({
    survivorId: id,
    survivorVersion: version,
    mergedId: id,
    mergedVersion: version,
    reason: text(500),
  })
  .strict()
  .refine((input) => input.survivorId !== input.mergedId, {
    path: ['mergedId'],
    message: 'must not be the survivor itself',
  });
export type MergePeopleInput = z.infer<typeof mergePeopleInput>;

export const mergePeopleResult = z.object({ merge: personMergeSummary, survivor: person, merged: person });

export const unmergePersonInput = z.object({ mergedId: id, version, reason: text(500) }).strict();
export type UnmergePersonInput = z.infer<typeof unmergePersonInput>;

export const unmergePersonResult = z.object({ restored: person, survivor: person });
