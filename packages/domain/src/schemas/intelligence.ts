import { z } from 'zod';
import { handlingCodes, intelligenceCategories, intelligenceEvaluations, sourceEvaluations } from '../enums.ts';
import { districtCode, instant, isoDate, latitude, limit, longitude, text } from './common.ts';

/** 3x5x2: handling code C needs its conditions recorded; code P has none to record. */
export const submitIntelligenceInput = z
  .object({
    sourceEvaluation: z.enum(sourceEvaluations),
    intelligenceEvaluation: z.enum(intelligenceEvaluations),
    handlingCode: z.enum(handlingCodes),
    handlingConditions: text(2000).optional(),
    category: z.enum(intelligenceCategories),
    body: text(10_000),
    occurredAt: instant.optional(),
    lon: longitude.optional(),
    lat: latitude.optional(),
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
    if ((value.lon === undefined) !== (value.lat === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [value.lon === undefined ? 'lon' : 'lat'],
        message: 'is required with the other coordinate: give both lon and lat, or neither',
      });
    }
  });
export type SubmitIntelligenceInput = z.infer<typeof submitIntelligenceInput>;

/** All a submitter gets back: partners may submit intelligence they are not allowed to read. */
export const intelligenceReceipt = z.object({ id: z.uuid(), reference: z.string(), submittedAt: z.string() }).strict();
export type IntelligenceReceipt = z.infer<typeof intelligenceReceipt>;

export const listIntelligenceInput = z
  .object({
    districtCode: districtCode.optional(),
    category: z.enum(intelligenceCategories).optional(),
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

export const intelligenceReport = z.object({
  id: z.uuid(),
  reference: z.string(),
  sourceEvaluation: z.enum(sourceEvaluations),
  intelligenceEvaluation: z.enum(intelligenceEvaluations),
  handlingCode: z.enum(handlingCodes),
  handlingConditions: z.string().nullable(),
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
