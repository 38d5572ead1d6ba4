import { z } from 'zod';
import { rhiServices } from '../enums.ts';

const count = z.int().min(0);
const percent = z.int().min(0);
const children = z.strictObject({ individuals: count, episodes: count });
const serviceFigures = z.strictObject({
  required: count,
  /** % of all episodes requiring an RHI that fall to this service. */
  requiredShare: percent,
  completed: count,
  /** % of this service's required RHIs that were completed. */
  completedPct: percent,
  /** Completed no later than 72 hours after the return (a count). */
  completedWithin72h: count,
});

/**
 * `lantern report missing --format json`, exactly as docs/ARCHITECTURE.md specifies it: counts exact,
 * percentages whole numbers (halves up) from unrounded counts, 0 where the whole is 0; ages
 * `null` when no child in the period has a date of birth.
 */
export const missingReportSchema = z.strictObject({
  period: z.strictObject({ from: z.iso.date(), to: z.iso.date() }),
  notifications: count,
  individuals: count,
  sexRatio: z.strictObject({ male: percent, female: percent }),
  ageRange: z.strictObject({ p25: count.nullable(), p75: count.nullable() }),
  fromHome: children,
  fromCareCounty: children,
  fromCareOtherLA: children,
  returnInterviews: z.strictObject({
    required: count,
    requiredPct: percent,
    byService: z.strictObject(
      Object.fromEntries(rhiServices.map((service) => [service, serviceFigures])) as Record<
        (typeof rhiServices)[number],
        typeof serviceFigures
      >,
    ),
  }),
  multiAgencyMeetings: z.strictObject({ required: count, requiredPct: percent, held: count, heldPct: percent }),
});

export type MissingReport = z.infer<typeof missingReportSchema>;
export type MissingReportServiceFigures = z.infer<typeof serviceFigures>;
