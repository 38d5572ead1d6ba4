import { z } from 'zod';
import { districtCode, id, isoDate, limit, plannedDate, text, version } from '../schemas/common.ts';
import { person } from '../schemas/people.ts';

/**
 * Contextual Safeguarding (issue 15): assessments of contexts (a place, a peer group), the
 * "names without actions" warning and the explainable early-identification list.
 */

const locationFields = {
  timesOfConcern: text(2000),
  guardianship: text(4000),
  unsafeFactors: text(4000),
  plan: text(4000),
  owner: text(200),
  reviewOn: plannedDate,
};

export const createLocationAssessmentInput = z.object({ placeId: id, ...locationFields }).strict();
export type CreateLocationAssessmentInput = z.infer<typeof createLocationAssessmentInput>;

export const updateLocationAssessmentInput = z
  .object({
    id,
    version,
    ...locationFields,
    /** The update records a review of the assessment (the review date moves on). */
    reviewed: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .strict();
export type UpdateLocationAssessmentInput = z.infer<typeof updateLocationAssessmentInput>;

const memberIds = z
  .array(id)
  .min(2, 'must name at least two members')
  .max(50, 'must name at most 50 members')
  .refine((ids) => new Set(ids).size === ids.length, 'must not name a member twice');
const placeIds = z
  .array(id)
  .max(20, 'must name at most 20 places')
  .refine((ids) => new Set(ids).size === ids.length, 'must not name a place twice');

const peerGroupFields = {
  name: text(200),
  memberIds,
  sharedPlaceIds: placeIds.default([]),
  dynamics: text(4000),
  safetyPlan: text(4000),
  owner: text(200),
  reviewOn: plannedDate,
};

export const createPeerGroupAssessmentInput = z.object({ districtCode, ...peerGroupFields }).strict();
export type CreatePeerGroupAssessmentInput = z.infer<typeof createPeerGroupAssessmentInput>;

export const updatePeerGroupAssessmentInput = z
  .object({ id, version, ...peerGroupFields, reviewed: z.boolean({ error: 'must be true or false' }).default(false) })
  .strict();
export type UpdatePeerGroupAssessmentInput = z.infer<typeof updatePeerGroupAssessmentInput>;

export const assessmentRefInput = z.object({ id }).strict();

export const contextualAssessmentTypes = ['location', 'peer_group'] as const;
export type ContextualAssessmentType = (typeof contextualAssessmentTypes)[number];

const placeRef = z.object({ id: z.uuid(), name: z.string(), districtCode: z.string().nullable() });

const reviewEntry = z.object({
  version: z.int(),
  reviewed: z.boolean(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
});

export const locationAssessment = z.object({
  id: z.uuid(),
  place: placeRef,
  districtCode: z.string(),
  timesOfConcern: z.string(),
  guardianship: z.string(),
  unsafeFactors: z.string(),
  plan: z.string(),
  owner: z.string(),
  reviewOn: z.string(),
  lastReviewedOn: z.string().nullable(),
  version: z.int(),
  history: z.array(reviewEntry),
});
export type LocationAssessment = z.infer<typeof locationAssessment>;

export const peerGroupAssessment = z.object({
  id: z.uuid(),
  name: z.string(),
  districtCode: z.string(),
  members: z.array(person),
  /** Members the caller may not see (outside their districts), counted, never named. */
  membersNotShown: z.int(),
  sharedPlaces: z.array(placeRef),
  dynamics: z.string(),
  safetyPlan: z.string(),
  owner: z.string(),
  reviewOn: z.string(),
  lastReviewedOn: z.string().nullable(),
  version: z.int(),
  history: z.array(reviewEntry),
});
export type PeerGroupAssessment = z.infer<typeof peerGroupAssessment>;

export const listAssessmentsInput = z
  .object({
    districtCode: districtCode.optional(),
    type: z.enum(contextualAssessmentTypes, { error: 'must be location or peer_group' }).optional(),
    limit,
  })
  .strict();
export type ListAssessmentsInput = z.infer<typeof listAssessmentsInput>;

export const listDueAssessmentsInput = z
  .object({ districtCode: districtCode.optional(), asOf: isoDate.optional(), limit })
  .strict();
export type ListDueAssessmentsInput = z.infer<typeof listDueAssessmentsInput>;

/** One assessment in a list: no members' identities, only how many. */
export const assessmentSummary = z.object({
  id: z.uuid(),
  type: z.enum(contextualAssessmentTypes),
  title: z.string(),
  districtCode: z.string(),
  place: placeRef.nullable(),
  memberCount: z.int(),
  owner: z.string(),
  reviewOn: z.string(),
  lastReviewedOn: z.string().nullable(),
  due: z.boolean(),
  version: z.int(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummary>;
export const assessmentList = z.object({ assessments: z.array(assessmentSummary) });

// Names without actions.
export const namesWithoutActionsInput = z.object({ districtCode: districtCode.optional(), limit }).strict();
export type NamesWithoutActionsInput = z.infer<typeof namesWithoutActionsInput>;

export const nameWithoutAction = z.object({
  subject: z.discriminatedUnion('type', [
    z.object({ type: z.literal('person'), person }),
    z.object({ type: z.literal('place'), place: placeRef }),
  ]),
  /** The children at high risk it is linked to, as the caller may see them. */
  linkedChildren: z.array(person),
  links: z.array(z.object({ id: z.uuid(), linkType: z.string(), lastSeen: z.string(), childId: z.uuid() })),
});
export type NameWithoutAction = z.infer<typeof nameWithoutAction>;
export const namesWithoutActionsOutput = z.object({ entries: z.array(nameWithoutAction) });

// Early identification.
export const earlyIdentificationInput = z
  .object({ districtCode: districtCode.optional(), asOf: isoDate.optional(), limit })
  .strict();
export type EarlyIdentificationInput = z.infer<typeof earlyIdentificationInput>;

export const earlySignalKinds = [
  'repeat_missing',
  'found_at_place_of_concern',
  'linked_to_network_associate',
  'named_in_intelligence',
  'rhi_disclosure',
] as const;
export type EarlySignalKind = (typeof earlySignalKinds)[number];

export const signalRecord = z.object({
  type: z.enum(['missing_episode', 'place', 'entity_link', 'person', 'intelligence_report', 'return_home_interview']),
  id: z.uuid(),
  reference: z.string(),
  date: z.string().nullable(),
  description: z.string(),
});
export type SignalRecord = z.infer<typeof signalRecord>;

export const earlySignal = z.object({
  kind: z.enum(earlySignalKinds),
  label: z.string(),
  records: z.array(signalRecord),
});
export type EarlySignal = z.infer<typeof earlySignal>;

const sexCounts = z.object({ F: z.int(), M: z.int(), X: z.int(), U: z.int() });
export type SexCounts = z.infer<typeof sexCounts>;

export const earlyIdentificationOutput = z.object({
  asOf: z.string(),
  since: z.string(),
  /** How many signals at once put a child on the list. */
  minimumSignals: z.int(),
  entries: z.array(z.object({ person, signals: z.array(earlySignal) })),
  /** Children listed who are not shown because the list stops at `limit`. */
  more: z.int(),
  representation: z.object({ listed: sexCounts, allChildren: sexCounts }),
});
export type EarlyIdentification = z.infer<typeof earlyIdentificationOutput>;
