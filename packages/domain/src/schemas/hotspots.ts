import { z } from 'zod';
import { intelligenceCategories, placeCategories } from '../enums.ts';
import { districtCode, isoDate, text } from './common.ts';
import { suppressedCount } from './districts.ts';

/**
 * Hot-spot analytics (packages/geo) over one event source. The sources' points: police.uk crime
 * points, intelligence reports' locations, missing episodes' last-seen or found locations, and
 * places of concern. Sources derived from children's records have their small counts suppressed
 * for roles without person-level access.
 */
export const hotspotSources = ['police-uk', 'intelligence', 'missing-found', 'missing-last-seen', 'places'] as const;
export type HotspotSource = (typeof hotspotSources)[number];

/** Sources whose counts are counts about people: missing children's episodes, intelligence about people. */
export const personDerivedHotspotSources: readonly HotspotSource[] = [
  'intelligence',
  'missing-found',
  'missing-last-seen',
];

export const hotspotDefaults = { cellSize: 250, band: 750 } as const;

const source = z.enum(hotspotSources, { error: `must be one of ${hotspotSources.join(', ')}` });

const filterShape = {
  source,
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Default: every district the caller may see (the county's seven and Nottingham City). */
  districtCodes: z.array(districtCode).min(1, 'must name at least one district').max(8).optional(),
  /** police-uk only: one police.uk crime type, e.g. "Burglary". */
  crimeType: text(100).optional(),
  /** intelligence only. */
  category: z.enum(intelligenceCategories).optional(),
  /** places only. */
  placeCategory: z.enum(placeCategories).optional(),
};

const cellSize = z
  .int({ error: 'must be a whole number of metres' })
  .min(50, 'must be at least 50 metres')
  .max(5000, 'must be at most 5000 metres')
  .default(hotspotDefaults.cellSize);
const band = z
  .number({ error: 'must be a number of metres' })
  .min(50, 'must be at least 50 metres')
  .max(20_000, 'must be at most 20000 metres')
  .default(hotspotDefaults.band);

type FilterValue = {
  source: HotspotSource;
  from?: string;
  to?: string;
  crimeType?: string;
  category?: string;
  placeCategory?: string;
  cellSize?: number;
  band?: number;
};

/** Cross-field rules shared by every hotspot input. */
function filterRules(value: FilterValue, ctx: z.RefinementCtx) {
  if (value.from && value.to && value.to < value.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be on or after from (${value.from})` });
  }
  const onlyFor = [
    ['crimeType', 'police-uk'],
    ['category', 'intelligence'],
    ['placeCategory', 'places'],
  ] as const;
  for (const [field, owner] of onlyFor) {
    if (value[field] !== undefined && value.source !== owner) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `applies only to source ${owner} (source is ${value.source})`,
      });
    }
  }
  if (value.band !== undefined && value.cellSize !== undefined && value.band < value.cellSize) {
    ctx.addIssue({
      code: 'custom',
      path: ['band'],
      message: `must be at least the cell size (${value.cellSize} m), or each cell neighbours only itself`,
    });
  }
}

export const hotspotFilterInput = z.object(filterShape).strict().superRefine(filterRules);
export type HotspotFilterInput = z.infer<typeof hotspotFilterInput>;

export const getisOrdInput = z
  .object({
    ...filterShape,
    cellSize,
    band,
    fdr: z.boolean().default(true),
    /** Optional conditional-permutation inference, seeded so the answer is repeatable. */
    permutations: z.int().min(99).max(999).optional(),
    seed: z.int().default(1),
  })
  .strict()
  .superRefine(filterRules);
export type GetisOrdInput = z.infer<typeof getisOrdInput>;

export const hotspotCellOutput = z.object({
  id: z.string(),
  x: z.number(),
  y: z.number(),
  count: suppressedCount,
  z: z.number(),
  p: z.number(),
  bin: z.int().min(-3).max(3),
  pseudoP: z.number().optional(),
});

export const getisOrdOutput = z.object({
  cell: z.number(),
  band: z.number(),
  fdr: z.boolean(),
  events: suppressedCount,
  cells: z.array(hotspotCellOutput),
});
export type GetisOrdOutput = z.infer<typeof getisOrdOutput>;

export const densityInput = z
  .object({
    ...filterShape,
    cellSize,
    /** Quartic kernel search radius in metres; omitted, ArcGIS's spatial Silverman rule. */
    bandwidth: z.number().min(50, 'must be at least 50 metres').max(20_000, 'must be at most 20000 metres').optional(),
  })
  .strict()
  .superRefine(filterRules);
export type DensityInput = z.infer<typeof densityInput>;

export const densityOutput = z.object({
  cell: z.number(),
  bandwidth: z.number(),
  rule: z.enum(['given', 'arcgis-silverman']),
  /** Events analysed: 0 means no data for the filters, not "no hot spot". */
  events: suppressedCount,
  /** Cells with a density above zero, in events per km². */
  cells: z.array(z.object({ id: z.string(), x: z.number(), y: z.number(), density: z.number() })),
});

export const emergingInput = z
  .object({
    ...filterShape,
    /** Required: the months of [from, to] are the time slices (at least 3). */
    from: isoDate,
    to: isoDate,
    cellSize,
    band,
    fdr: z.boolean().default(true),
  })
  .strict()
  .superRefine(filterRules);
export type EmergingInput = z.infer<typeof emergingInput>;

export const emergingPatternNames = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;

export const emergingOutput = z.object({
  cell: z.number(),
  band: z.number(),
  months: z.array(z.string()),
  /** Events analysed over the months: 0 means no data for the filters, not "no pattern". */
  events: suppressedCount,
  /** Only the cells with a pattern. */
  cells: z.array(
    z.object({
      id: z.string(),
      x: z.number(),
      y: z.number(),
      pattern: z.enum(emergingPatternNames),
      kind: z.enum(['hot', 'cold']),
      trendZ: z.number(),
      trendP: z.number(),
      hotSlices: z.int(),
      coldSlices: z.int(),
    }),
  ),
});

export const hotspotCellInput = z
  .object({
    ...filterShape,
    cellSize,
    cellId: z.string().regex(/^E\d{1,7}N\d{1,7}$/, 'must be a cell id such as E457000N339750'),
  })
  .strict()
  .superRefine(filterRules)
  .superRefine((value, ctx) => {
    const [, easting = '0', northing = '0'] = /^E(\d+)N(\d+)$/.exec(value.cellId) ?? [];
    if (Number(easting) % value.cellSize !== 0 || Number(northing) % value.cellSize !== 0) {
      ctx.addIssue({ code: 'custom', path: ['cellId'], message: `is not a corner of the ${value.cellSize} m grid` });
    }
  });
export type HotspotCellInput = z.infer<typeof hotspotCellInput>;

export const hotspotRecordKinds = ['crime', 'intelligence_report', 'missing_episode', 'place'] as const;

export const hotspotCellDetailOutput = z.object({
  id: z.string(),
  /** Where the cell is, as a reader names it ("Central ward, Mansfield, near Westgate"); null when unknown. */
  place: z.string().nullable(),
  count: suppressedCount,
  /** The records in the cell, or null when the role may not see them one by one (then only the count). */
  records: z
    .array(
      z.object({
        kind: z.enum(hotspotRecordKinds),
        id: z.string(),
        date: z.string().nullable(),
        label: z.string().nullable(),
        /** A crime's type or a place's category. */
        type: z.string().nullable(),
      }),
    )
    .nullable(),
});

export const repeatLocationsInput = z
  .object({
    ...filterShape,
    minimum: z.int().min(2).max(1000).default(2),
    limit: z.int().min(1).max(200).default(50),
  })
  .strict()
  .superRefine(filterRules);
export type RepeatLocationsInput = z.infer<typeof repeatLocationsInput>;

export const repeatLocationsOutput = z.object({
  locations: z.array(
    z.object({
      key: z.string(),
      label: z.string().nullable(),
      x: z.number(),
      y: z.number(),
      count: suppressedCount,
      rank: z.int(),
    }),
  ),
});
