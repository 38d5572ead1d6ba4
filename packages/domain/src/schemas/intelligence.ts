import { z } from 'zod';
import {
  handlingCodes,
  intelligenceCategories,
  intelligenceEvaluations,
  intelligenceStatuses,
  linkReliabilities,
  sourceEvaluations,
} from '../enums.ts';
import { attachmentMaxBytes, attachmentMediaTypes, attachmentsPerReport } from '../intelligence/attachments.ts';
import { birthDate, districtCode, id, instant, isoDate, latitude, limit, longitude, text, version } from './common.ts';
import { linkTypeName } from './links.ts';
import { createPersonInput, person } from './people.ts';
import { createPlaceInput } from './places.ts';

/** A vehicle registration as people write it ("ab12 cde") stored as the DVLA prints it ("AB12CDE"). */
export const registration = z
  .string({ error: 'must be a registration, e.g. AB12CDE' })
  .transform((value) => value.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{2,8}$/, 'must be a registration of 2–8 letters and digits, e.g. AB12CDE'));

/** Someone a partner saw: free text (a name, an age, a description) or a Lantern person they may see. */
export const submittedSubject = z
  .object({
    name: text(200).optional(),
    approximateAge: z.int({ error: 'must be a whole number of years' }).min(0).max(120).optional(),
    dateOfBirth: birthDate.optional(),
    description: text(1000).optional(),
    personId: id.optional(),
  })
  .strict()
  .refine((value) => value.name !== undefined || value.personId !== undefined, {
    message: 'give a name (or what they are called) or choose a person',
  });
export type SubmittedSubject = z.infer<typeof submittedSubject>;

const attachmentBase64Max = Math.ceil(attachmentMaxBytes / 3) * 4;
export const attachmentInput = z
  .object({
    fileName: text(200),
    mediaType: z.enum(attachmentMediaTypes, { error: `must be one of ${attachmentMediaTypes.join(', ')}` }),
    base64: z
      .base64({ error: 'must be the file as base64' })
      .max(attachmentBase64Max, `must be at most ${attachmentMaxBytes} bytes`),
  })
  .strict();

/**
 * A partner's submission (every partner role): what was seen, when, where, who, which vehicles,
 * the category, how they know it, and up to three attachments. No grading: the police grade.
 * Where: a point (lon and lat), a place of concern (placeId), both, or neither ("no location").
 */
export const submitIntelligenceInput = z
  .object({
    category: z.enum(intelligenceCategories),
    body: text(10_000),
    occurredAt: instant.optional(),
    lon: longitude.optional(),
    lat: latitude.optional(),
    placeId: id.optional(),
    subjects: z.array(submittedSubject).max(20, 'must list at most 20').default([]),
    vehicles: z.array(registration).max(20, 'must list at most 20').default([]),
    submitterView: text(2000).optional(),
    attachments: z
      .array(attachmentInput)
      .max(attachmentsPerReport, `must be at most ${attachmentsPerReport}`)
      .default([]),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.lon === undefined) !== (value.lat === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [value.lon === undefined ? 'lon' : 'lat'],
        message: 'is required with the other coordinate: give both lon and lat, or neither',
      });
    }
    const seen = new Set<string>();
    value.vehicles.forEach((registration, index) => {
      if (seen.has(registration)) {
        ctx.addIssue({ code: 'custom', path: ['vehicles', index], message: `repeats ${registration}` });
      }
      seen.add(registration);
    });
  });
export type SubmitIntelligenceInput = z.infer<typeof submitIntelligenceInput>;
export type SubmitIntelligenceRequest = z.input<typeof submitIntelligenceInput>;

/** All a submitter gets back: partners may submit intelligence they are not allowed to read. */
export const intelligenceReceipt = z.object({ id: z.uuid(), reference: z.string(), submittedAt: z.string() }).strict();
export type IntelligenceReceipt = z.infer<typeof intelligenceReceipt>;

/** The submitter's own submissions: the status and nothing the police added (no grading, no links). */
export const mySubmissionsInput = z.object({ limit }).strict();
export const mySubmission = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    category: z.enum(intelligenceCategories),
    submittedAt: z.string(),
    occurredAt: z.string().nullable(),
    district: z.string().nullable(),
    status: z.enum(intelligenceStatuses),
    version: z.int(),
  })
  .strict();
export type MySubmission = z.infer<typeof mySubmission>;
export const mySubmissionsOutput = z.object({ submissions: z.array(mySubmission) }).strict();

export const withdrawIntelligenceInput = z.object({ id, version, reason: text(500) }).strict();
export type WithdrawIntelligenceInput = z.infer<typeof withdrawIntelligenceInput>;

export const listIntelligenceInput = z
  .object({
    districtCode: districtCode.optional(),
    category: z.enum(intelligenceCategories).optional(),
    status: z.enum(intelligenceStatuses).optional(),
    /** Submitted on or after this date (Europe/London). */
    from: isoDate.optional(),
    /** Submitted on or before this date (Europe/London). */
    to: isoDate.optional(),
    limit,
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.to < value.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be on or after from (${value.from})` });
    }
  });
export type ListIntelligenceInput = z.infer<typeof listIntelligenceInput>;

const grading = {
  sourceEvaluation: z.enum(sourceEvaluations).nullable(),
  intelligenceEvaluation: z.enum(intelligenceEvaluations).nullable(),
  handlingCode: z.enum(handlingCodes).nullable(),
  handlingConditions: z.string().nullable(),
};

export const intelligenceReport = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(intelligenceStatuses),
  ...grading,
  category: z.enum(intelligenceCategories),
  body: z.string(),
  occurredAt: z.string().nullable(),
  submittedAt: z.string(),
  location: z.object({ lon: z.number(), lat: z.number() }).nullable(),
  district: z.object({ code: z.string(), name: z.string() }).nullable(),
  agency: z.string(),
});
export type IntelligenceReport = z.infer<typeof intelligenceReport>;

export const listIntelligenceOutput = z.object({ reports: z.array(intelligenceReport) });

/** The analyst's queue: reports nothing has been decided on, oldest first, with counts by district. */
export const intelligenceQueueInput = z
  .object({ districtCode: districtCode.optional(), limit: z.int().min(1).max(200).default(100) })
  .strict();
export type IntelligenceQueueInput = z.infer<typeof intelligenceQueueInput>;
export const intelligenceQueueItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(intelligenceStatuses),
  category: z.enum(intelligenceCategories),
  submittedAt: z.string(),
  district: z.object({ code: z.string(), name: z.string() }).nullable(),
  agency: z.string(),
  graded: z.boolean(),
  subjects: z.int(),
  attachments: z.int(),
});
export type IntelligenceQueueItem = z.infer<typeof intelligenceQueueItem>;
export const intelligenceQueueOutput = z.object({
  items: z.array(intelligenceQueueItem),
  /** Open reports per district (null: no location or outside the county), oldest first. */
  byDistrict: z.array(
    z.object({
      districtCode: z.string().nullable(),
      districtName: z.string().nullable(),
      count: z.int(),
      oldest: z.string(),
    }),
  ),
  total: z.int(),
});
export const intelligenceQueueCountInput = z.object({}).strict();
export const intelligenceQueueCountOutput = z.object({ open: z.int() }).strict();

export const getIntelligenceInput = z.object({ id }).strict();
export type GetIntelligenceInput = z.infer<typeof getIntelligenceInput>;

export const intelligenceGrading = z.object({
  sourceEvaluation: z.enum(sourceEvaluations),
  intelligenceEvaluation: z.enum(intelligenceEvaluations),
  handlingCode: z.enum(handlingCodes),
  handlingConditions: z.string().nullable(),
  reason: z.string().nullable(),
  gradedBy: z.string().nullable(),
  gradedAt: z.string(),
});

/** One report as the police analyst works on it: the original text and everything added. */
export const intelligenceDetail = intelligenceReport.extend({
  version: z.int(),
  sanitisedBody: z.string().nullable(),
  submitterView: z.string().nullable(),
  statusReason: z.string().nullable(),
  place: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  gradings: z.array(intelligenceGrading),
  subjects: z.array(
    z.object({
      id: z.uuid(),
      position: z.int(),
      name: z.string().nullable(),
      approximateAge: z.int().nullable(),
      dateOfBirth: z.string().nullable(),
      description: z.string().nullable(),
      namedPerson: person.nullable(),
      person: person.nullable(),
      resolution: z.enum(['matched', 'created']).nullable(),
    }),
  ),
  vehicles: z.array(z.object({ registration: z.string(), vehicleId: z.uuid().nullable() })),
  attachments: z.array(z.object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.int() })),
  links: z.array(
    z.object({
      id: z.uuid(),
      linkType: z.string(),
      from: z.object({ type: z.string(), id: z.uuid(), label: z.string() }),
      to: z.object({ type: z.string(), id: z.uuid(), label: z.string() }),
    }),
  ),
});
export type IntelligenceDetail = z.infer<typeof intelligenceDetail>;

/** 3x5x2: handling code C needs its conditions recorded; code P has none to record. */
export const gradeIntelligenceInput = z
  .object({
    id,
    version,
    sourceEvaluation: z.enum(sourceEvaluations),
    intelligenceEvaluation: z.enum(intelligenceEvaluations),
    handlingCode: z.enum(handlingCodes),
    handlingConditions: text(2000).optional(),
    reason: text(500).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.handlingCode === 'C' && value.handlingConditions === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['handlingConditions'],
        message: 'is required when handlingCode is "C": say who may receive it and on what terms',
      });
    }
    if (value.handlingCode === 'P' && value.handlingConditions !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['handlingConditions'],
        message: 'must not be given when handlingCode is "P" (use "C" to share with conditions)',
      });
    }
  });
export type GradeIntelligenceInput = z.infer<typeof gradeIntelligenceInput>;

export const sanitiseIntelligenceInput = z.object({ id, version, sanitisedBody: text(10_000) }).strict();
export type SanitiseIntelligenceInput = z.infer<typeof sanitiseIntelligenceInput>;

export const closeIntelligenceInput = z.object({ id, version, reason: text(500) }).strict();
export type CloseIntelligenceInput = z.infer<typeof closeIntelligenceInput>;

/** One end of a link the development makes: a subject, the report's place, a vehicle, or any record. */
export const developEndpoint = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('subject'), position: z.int().min(0).max(19) }).strict(),
    z.object({ kind: z.literal('place') }).strict(),
    z.object({ kind: z.literal('vehicle'), registration }).strict(),
    z.object({ kind: z.literal('record'), type: z.enum(['person', 'place', 'vehicle']), id }).strict(),
  ],
  {
    error:
      'must be {kind: "subject", position}, {kind: "place"}, {kind: "vehicle", registration} or {kind: "record", type, id}',
  },
);
export type DevelopEndpoint = z.infer<typeof developEndpoint>;

/**
 * Develop a graded report in one step (all or nothing): each free-text subject matched to a
 * person or recorded as a new one, the place matched or recorded, the vehicles matched or
 * recorded by registration, and the links the report supports, each citing it.
 */
export const developIntelligenceInput = z
  .object({
    id,
    version,
    subjects: z
      .array(
        z.union([
          z.object({ position: z.int().min(0).max(19), personId: id }).strict(),
          z.object({ position: z.int().min(0).max(19), create: createPersonInput }).strict(),
        ]),
      )
      .max(20)
      .default([]),
    place: z.union([z.object({ placeId: id }).strict(), z.object({ create: createPlaceInput }).strict()]).optional(),
    vehicles: z.array(registration).max(20).default([]),
    links: z
      .array(
        z
          .object({
            from: developEndpoint,
            to: developEndpoint,
            linkType: linkTypeName,
            reliability: z.enum(linkReliabilities).default('unverified'),
          })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict();
export type DevelopIntelligenceInput = z.infer<typeof developIntelligenceInput>;
export type DevelopIntelligenceRequest = z.input<typeof developIntelligenceInput>;

export const getAttachmentInput = z.object({ id }).strict();
export const attachmentOutput = z
  .object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.int(), base64: z.string() })
  .strict();
