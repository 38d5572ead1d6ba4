import { z } from 'zod';
import { careStatuses, foundLocationTypes, policeRisks, rhiServices } from '../enums.ts';
import { missingReportSchema } from '../missing/missing-report-schema.ts';
import { districtCode, id, instant, isoDate, latitude, limit, longitude, reason, text, version } from './common.ts';
import { person } from './people.ts';

/**
 * The coordinator's missing-children workflow (issue 5): episodes and their return, police risk
 * re-gradings, Return Home Interviews, multi-agency meetings and the admin's MAM thresholds.
 * Instants travel as ISO 8601 with an offset; the browser sends its local offset.
 */
const policeRisk = z.enum(policeRisks);
const rhiService = z.enum(rhiServices);
const point = z.object({ lon: longitude, lat: latitude }).strict();
const factors = z.array(text(200)).max(20, 'must list at most 20 factors');

function notInFuture(field: string) {
  return (value: string, ctx: z.RefinementCtx) => {
    // A minute's grace for clocks that disagree a little.
    if (Date.parse(value) > Date.now() + 60_000) {
      ctx.addIssue({ code: 'custom', message: `${field} must not be in the future (got ${value})` });
    }
  };
}
const pastInstant = (field: string) => instant.superRefine(notInFuture(field));

export const recordEpisodeInput = z
  .object({
    personId: id,
    careStatus: z.enum(careStatuses),
    policeRisk,
    reportedAt: pastInstant('reportedAt'),
    lastSeen: point.nullable().default(null),
  })
  .strict();
export type RecordEpisodeInput = z.infer<typeof recordEpisodeInput>;

export const regradeRiskInput = z
  .object({ id, version, toRisk: policeRisk, gradedAt: pastInstant('gradedAt'), reason: text(500) })
  .strict();
export type RegradeRiskInput = z.infer<typeof regradeRiskInput>;

export const recordReturnInput = z
  .object({
    id,
    version,
    returnedAt: pastInstant('returnedAt'),
    found: point.nullable().default(null),
    foundLocationType: z.enum(foundLocationTypes),
    foundBy: text(200),
    notes: text(2000).nullable().default(null),
    /** The service responsible for the Return Home Interview; null when none is required. */
    rhiService: rhiService.nullable(),
  })
  .strict();
export type RecordReturnInput = z.infer<typeof recordReturnInput>;

export const closeEpisodeInput = z.object({ id, version, closedAt: pastInstant('closedAt') }).strict();
export type CloseEpisodeInput = z.infer<typeof closeEpisodeInput>;

export const getEpisodeInput = z.object({ id, reason }).strict();

export const listEpisodesInput = z
  .object({
    personId: id.optional(),
    /** Only episodes whose child has not yet returned. */
    openOnly: z.boolean().optional(),
    /** Reported on or after this Europe/London date. */
    from: isoDate.optional(),
    /** Reported on or before this Europe/London date. */
    to: isoDate.optional(),
    limit,
  })
  .strict()
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    path: ['to'],
    message: 'must be on or after from',
  });
export type ListEpisodesInput = z.infer<typeof listEpisodesInput>;

export const riskGrading = z.object({
  fromRisk: policeRisk,
  toRisk: policeRisk,
  gradedAt: z.string(),
  gradedBy: z.string().nullable(),
  reason: z.string(),
});

export const rhiFindings = z
  .object({
    sexualExploitation: z.boolean(),
    criminalExploitation: z.boolean(),
    adultsPosingRisk: z.boolean(),
    offending: z.boolean(),
  })
  .strict();

export const returnInterview = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  service: rhiService,
  offeredAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  disclosed: rhiFindings,
  pushFactors: z.array(z.string()),
  pullFactors: z.array(z.string()),
  notes: z.string().nullable(),
  version: z.int(),
});
export type ReturnInterview = z.infer<typeof returnInterview>;

export const mamTriggers = ['duration', 'repeat', 'duration_and_repeat', 'professional_concern'] as const;
export type MamTrigger = (typeof mamTriggers)[number];

export const meeting = z.object({
  id: z.uuid(),
  episodeId: z.uuid().nullable(),
  trigger: z.enum(mamTriggers),
  heldAt: z.string(),
  attendees: z.array(z.string()),
  outcome: z.string(),
  version: z.int(),
});

const lonLat = z.object({ lon: z.number(), lat: z.number() });

export const missingEpisode = z.object({
  id: z.uuid(),
  episodeRef: z.string(),
  child: person,
  careStatus: z.enum(careStatuses),
  policeRisk,
  reportedAt: z.string(),
  returnedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  lastSeen: lonLat.nullable(),
  found: lonLat.nullable(),
  foundLocationType: z.enum(foundLocationTypes).nullable(),
  foundBy: z.string().nullable(),
  returnNotes: z.string().nullable(),
  districtCode: z.string().nullable(),
  rhiService: rhiService.nullable(),
  rhiCompletedAt: z.string().nullable(),
  mamHeldAt: z.string().nullable(),
  version: z.int(),
});
export type MissingEpisode = z.infer<typeof missingEpisode>;

export const missingEpisodeDetail = missingEpisode.extend({
  gradings: z.array(riskGrading),
  interview: returnInterview.nullable(),
  meetings: z.array(meeting),
  philomenaPart2: z.object({ clothing: z.string(), lastSeenDescription: z.string(), version: z.int() }).nullable(),
});
export type MissingEpisodeDetail = z.infer<typeof missingEpisodeDetail>;

export const listEpisodesOutput = z.object({ episodes: z.array(missingEpisode) });

export const recordInterviewInput = z
  .object({
    episodeId: id,
    /** The interview's version; omit when recording the first thing about it. */
    version: version.optional(),
    offeredAt: pastInstant('offeredAt').nullable().optional(),
    acceptedAt: pastInstant('acceptedAt').nullable().optional(),
    declinedAt: pastInstant('declinedAt').nullable().optional(),
    completedAt: pastInstant('completedAt').nullable().optional(),
    disclosed: rhiFindings.optional(),
    pushFactors: factors.optional(),
    pullFactors: factors.optional(),
    notes: text(4000).nullable().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.declinedAt && value.completedAt) {
      ctx.addIssue({ code: 'custom', path: ['completedAt'], message: 'must be empty when the interview was declined' });
    }
    if (value.declinedAt && value.acceptedAt) {
      ctx.addIssue({ code: 'custom', path: ['acceptedAt'], message: 'must be empty when the interview was declined' });
    }
  });
export type RecordInterviewInput = z.infer<typeof recordInterviewInput>;

export const recordInterviewOutput = z.object({
  interview: returnInterview,
  /** The child's exploitation flags this interview raised (none when already flagged). */
  raisedFlags: z.array(z.enum(['cse', 'cce'])),
});

export const interviewsDueInput = z
  .object({
    /** Also list interviews overdue for up to this many days past their due time. */
    overdueWithinDays: z.int().min(1).max(365).default(28),
  })
  .strict();
export type InterviewsDueInput = z.infer<typeof interviewsDueInput>;

export const dueInterview = z.object({
  episodeId: z.uuid(),
  episodeRef: z.string(),
  child: person,
  service: rhiService,
  returnedAt: z.string(),
  dueAt: z.string(),
  state: z.enum(['due_soon', 'overdue']),
  offeredAt: z.string().nullable(),
});
export type DueInterview = z.infer<typeof dueInterview>;

export const interviewsDueOutput = z.object({
  asOf: z.string(),
  services: z.array(z.object({ service: rhiService, dueSoon: z.array(dueInterview), overdue: z.array(dueInterview) })),
});
export type InterviewsDueOutput = z.infer<typeof interviewsDueOutput>;

export const meetingsNeededInput = z.object({ withinDays: z.int().min(1).max(365).default(90) }).strict();
export type MeetingsNeededInput = z.infer<typeof meetingsNeededInput>;

export const meetingNeeded = z.object({
  episodeId: z.uuid(),
  episodeRef: z.string(),
  child: person,
  reportedAt: z.string(),
  returnedAt: z.string().nullable(),
  byDuration: z.boolean(),
  byRepeat: z.boolean(),
  episodesInWindow: z.int(),
  triggeredAt: z.string(),
});
export const meetingsNeededOutput = z.object({ asOf: z.string(), meetings: z.array(meetingNeeded) });

export const recordMeetingInput = z
  .object({
    episodeId: id,
    trigger: z.enum(mamTriggers),
    heldAt: pastInstant('heldAt'),
    attendees: z.array(text(200)).min(1, 'must name at least one attendee').max(40),
    outcome: text(4000),
  })
  .strict();
export type RecordMeetingInput = z.infer<typeof recordMeetingInput>;

export const missingThresholds = z
  .object({
    mamDurationHours: z.int().min(1).max(720),
    mamRepeatCount: z.int().min(2).max(50),
    mamWindowDays: z.int().min(1).max(730),
  })
  .strict();
export type MissingThresholds = z.infer<typeof missingThresholds>;

export const thresholdsOutput = missingThresholds.extend({ version: z.int(), updatedAt: z.string() });
export const setThresholdsInput = missingThresholds.extend({ version }).strict();
export type SetThresholdsInput = z.infer<typeof setThresholdsInput>;

export const quarterlyFiguresInput = z
  .object({
    /** The last quarter shown is the one containing this Europe/London date (default today). */
    asOf: isoDate.optional(),
    /** One district's children only (default: every district in the caller's scope). */
    districtCode: districtCode.optional(),
  })
  .strict();
export type QuarterlyFiguresInput = z.infer<typeof quarterlyFiguresInput>;

export const quarterFigures = z.object({
  /** The county's financial-year quarter, e.g. "2025/26 Q3" (Q1 is April to June). */
  label: z.string(),
  from: z.string(),
  to: z.string(),
  /** The quarter has not ended yet: its figures are so far. */
  partial: z.boolean(),
  report: missingReportSchema,
});
export type QuarterFigures = z.infer<typeof quarterFigures>;
export const quarterlyFiguresOutput = z.object({ quarters: z.array(quarterFigures) });

export const multipleMissingInput = z
  .object({ from: isoDate, to: isoDate, limit: z.int().min(1).max(100).default(20) })
  .strict()
  .refine((value) => value.from <= value.to, { path: ['to'], message: 'must be on or after from' });
export type MultipleMissingInput = z.infer<typeof multipleMissingInput>;

export const multipleMissingOutput = z.object({
  children: z.array(
    z.object({
      child: person,
      episodes: z.int(),
      lastReportedAt: z.string(),
      foundLocationTypes: z.array(z.object({ type: z.enum(foundLocationTypes), count: z.int() })),
    }),
  ),
  foundPlaces: z.array(
    z.object({
      lon: z.number(),
      lat: z.number(),
      episodes: z.int(),
      children: z.int(),
      commonestType: z.enum(foundLocationTypes).nullable(),
    }),
  ),
});
