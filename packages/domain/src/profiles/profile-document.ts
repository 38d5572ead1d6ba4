import { z } from 'zod';
import { isoDate, text } from '../schemas/common.ts';

/**
 * A problem profile (National Intelligence Model): its terms of reference, the figures generated
 * from the records for those terms, and the analyst's writing. The figures are stored with each
 * version, so an approved version reads exactly as it was approved; refreshing recomputes them
 * from the stored queries and shows what changed.
 */

/** PostgreSQL refuses NUL characters in text and JSON: refused here as bad input, not there as a 500. */
const withoutNul = (value: string) => !value.includes('\u0000');

export const profileScopes = ['cse', 'cce', 'county_lines', 'place', 'district', 'network'] as const;
export type ProfileScope = (typeof profileScopes)[number];

export const profileStatuses = ['draft', 'for_review', 'approved'] as const;
export type ProfileStatus = (typeof profileStatuses)[number];

export const profileMarkings = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;

export const recommendationStrands = ['pursue', 'prevent', 'protect', 'prepare'] as const;
export type RecommendationStrand = (typeof recommendationStrands)[number];

export const profileSectionKeys = [
  'summary',
  'scale',
  'victims',
  'offenders',
  'locations',
  'time',
  'methods',
  'intelligence',
  'recommendations',
] as const;
export type ProfileSectionKey = (typeof profileSectionKeys)[number];

export const profileTermsSchema = z
  .strictObject({
    title: text(200),
    scope: z.enum(profileScopes),
    /** ONS district codes; empty means every district the caller may see. */
    districtCodes: z.array(z.string().regex(/^E0[67]\d{6}$/)).max(8),
    /** For scope 'place': the place of concern; for 'network': the entity the network is built around. */
    subjectId: z.uuid().nullable(),
    from: isoDate,
    to: isoDate,
    comparisonFrom: isoDate,
    comparisonTo: isoDate,
    requester: text(200),
    purpose: text(2000),
    marking: z.enum(profileMarkings),
    reviewDate: isoDate,
  })
  .refine((t) => t.from <= t.to, { path: ['to'], message: 'the period ends before it starts' })
  .refine((t) => t.comparisonFrom <= t.comparisonTo, {
    path: ['comparisonTo'],
    message: 'the comparison period ends before it starts',
  });
export type ProfileTerms = z.infer<typeof profileTermsSchema>;

/** A stored query: the name of a figure query and its parameters, so a figure can be recomputed. */
export interface StoredQuery {
  name: string;
  params: Record<string, string | number | boolean | null | readonly string[]>;
}

/** One headline figure, against the comparison period. */
export interface ProfileFigure {
  /** Stable within a profile: `<section>.<name>`, e.g. `scale.children_identified`; summaries cite it as `{{scale.children_identified}}`. */
  key: string;
  label: string;
  /** `null` when there are no data for the period (not the same as 0: nothing found). */
  value: number | null;
  comparison: number | null;
  /** value − comparison, and the change as a whole percent of the comparison (null when it is 0 or unknown). */
  change: number | null;
  changePercent: number | null;
  /** Plain words when a change rests on small numbers, e.g. "small numbers: read the change with care". */
  caution: string | null;
  ratePer1000: number | null;
  /** Counts of people 1–4 shown as "<5" outside the analyst role. */
  countsPeople: boolean;
  query: StoredQuery;
  /** Partner edition only: which of value/comparison were 1–4 people and are shown as "<5" (the number is withheld as null). */
  suppressed?: { value: boolean; comparison: boolean };
}

/** A table of counts (distribution, ranking, grid). Cells are numbers, text, or null for "no data". */
export interface ProfileTable {
  key: string;
  title: string;
  columns: readonly string[];
  rows: readonly { key: string; label: string; cells: readonly (number | string | null)[] }[];
  /** Numeric cells of this table count people (suppressed 1–4 outside the analyst role). */
  countsPeople: boolean;
  /** The table names or identifies people (e.g. associates): left out of the partner edition. */
  namesPeople?: boolean;
  query: StoredQuery;
}

/**
 * A chart the renderers draw: a monthly series, an hour-of-week grid, or bars. In the partner
 * edition a count of 1–4 is withheld: its value reads 0 and `suppressed` marks it ("<5").
 */
export type ProfileChart =
  | {
      kind: 'monthly';
      key: string;
      title: string;
      /** `YYYY-MM`; `partial` marks a month not yet complete at the profile's "as at" time. */
      points: readonly { month: string; value: number; partial: boolean; suppressed?: boolean }[];
    }
  | {
      kind: 'hour_of_week';
      key: string;
      title: string;
      /** cells[day][hour], Monday first, hours 0–23 in London time (BST/GMT). */
      cells: readonly (readonly number[])[];
      /** The partner edition: cells of 1–4 read 0 here and `true` in this grid ("<5"). */
      suppressed?: readonly (readonly boolean[])[];
    }
  | {
      kind: 'bars';
      key: string;
      title: string;
      bars: readonly { label: string; value: number; suppressed?: boolean }[];
    };

/** A map the renderers draw: the area, and points or cells with a weight, in WGS84. */
export interface ProfileMap {
  key: string;
  title: string;
  districtCodes: readonly string[];
  points: readonly {
    lon: number;
    lat: number;
    label: string;
    weight: number;
    kind: 'hotspot' | 'place' | 'event';
    /** The partner edition: a weight of 1–4 reads 0 and shows as "<5". */
    suppressed?: boolean;
  }[];
}

export interface ProfileSectionFigures {
  key: ProfileSectionKey;
  title: string;
  figures: readonly ProfileFigure[];
  tables: readonly ProfileTable[];
  charts: readonly ProfileChart[];
  maps: readonly ProfileMap[];
  /** Plain-words notes the generator adds, e.g. "No crime data for June 2026". */
  notes: readonly string[];
}

/** Everything generated for a profile's terms at one moment. */
export interface ProfileFigures {
  /** ISO instant the figures were computed. */
  asAt: string;
  sections: readonly ProfileSectionFigures[];
}

export const profileRecommendationSchema = z.strictObject({
  strand: z.enum(recommendationStrands),
  text: text(4000),
  owner: z.string().trim().max(200).refine(withoutNul, 'must not contain NUL characters').nullable(),
  disruptionActionId: z.uuid().nullable(),
});
export type ProfileRecommendation = z.infer<typeof profileRecommendationSchema>;

/** The analyst's writing: one assessment per section (the summary is section 'summary'), and recommendations. */
export const profileWritingSchema = z.strictObject({
  assessments: z.partialRecord(
    z.enum(profileSectionKeys),
    z.string().max(20_000).refine(withoutNul, 'must not contain NUL characters'),
  ),
  recommendations: z.array(profileRecommendationSchema).max(100),
});
export type ProfileWriting = z.infer<typeof profileWritingSchema>;

/** A whole profile document as the renderers (web, print, Markdown, DOCX) take it. */
export interface ProfileDocument {
  terms: ProfileTerms;
  figures: ProfileFigures;
  writing: ProfileWriting;
  status: ProfileStatus;
  version: number;
  /** 'full' for the analyst; 'partner': what partners' roles may see, small counts suppressed. */
  edition: 'full' | 'partner';
}
