import { z } from 'zod';

/**
 * A count as a caller may see it: exact, or "<5" when it counts 1–4 people and the caller has no
 * person-level access (see `suppressSmallCount`).
 */
export const suppressedCount = z.union([z.int().min(0), z.literal('<5')]);

export const districtSummary = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['district', 'unitary']),
  counts: z.object({
    /** Places of concern whose concern is active today. Not about people: always exact. */
    places: z.int().min(0),
    /** Every intelligence report located in the district. Not about people: always exact. */
    intelligenceReports: z.int().min(0),
    /** Missing episodes reported in the last 12 months. */
    missingEpisodes: suppressedCount,
    /** Children living in the district with a CSE or CCE risk other than none. */
    childrenFlagged: suppressedCount,
  }),
});
export type DistrictSummary = z.infer<typeof districtSummary>;

export const listDistrictsOutput = z.object({ districts: z.array(districtSummary) });
