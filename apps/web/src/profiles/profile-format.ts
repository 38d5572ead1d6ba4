import type { ProfileDocument, ProfileFigure, ProfileFigures, ProfileScope } from '@lantern/domain';

/** How each scope of a profile reads on screen. */
export const scopeNames: Record<ProfileScope, string> = {
  cse: 'Child sexual exploitation (CSE)',
  cce: 'Child criminal exploitation (CCE)',
  county_lines: 'County lines',
  place: 'A place of concern',
  district: 'A district',
  network: 'A network',
};

export const statusNames = { draft: 'Draft', for_review: 'For review', approved: 'Approved' } as const;

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** Whether a count of people is small enough (1–4) to be shown only as "<5" in this edition. */
export function suppressed(
  value: number | string | null,
  countsPeople: boolean,
  edition: ProfileDocument['edition'],
): boolean {
  if (typeof value === 'string') return true;
  return edition === 'partner' && countsPeople && value !== null && value >= 1 && value <= 4;
}

/** A figure's value as read: "no data" when nothing was found (never 0), "<5" for a small count in the partner edition. */
export function figureValueText(
  value: number | string | null,
  countsPeople: boolean,
  edition: ProfileDocument['edition'],
): string {
  if (value === null) return 'no data';
  // The API's partner edition may carry a small count already suppressed, as "<5".
  if (typeof value === 'string') return value;
  if (suppressed(value, countsPeople, edition)) return '<5';
  return numberFormat.format(value);
}

/**
 * One side of a figure as read: "<5" where the API's partner edition withheld a small count
 * (`suppressed`), else as `figureValueText` reads the number.
 */
export function figureSideText(
  figure: ProfileFigure,
  which: 'value' | 'comparison',
  edition: ProfileDocument['edition'],
): string {
  if (figure.suppressed?.[which]) return '<5';
  return figureValueText(figure[which], figure.countsPeople, edition);
}

/**
 * The change against the comparison period in words: "+12 (+20%)", "no change", or nothing when
 * either side is unknown or suppressed (a difference of two small counts would give them away).
 */
export function figureChangeText(figure: ProfileFigure, edition: ProfileDocument['edition']): string | null {
  if (figure.suppressed?.value || figure.suppressed?.comparison) return null;
  if (figure.change === null || figure.value === null || figure.comparison === null) return null;
  if (
    suppressed(figure.value, figure.countsPeople, edition) ||
    suppressed(figure.comparison, figure.countsPeople, edition)
  )
    return null;
  if (figure.change === 0) return 'no change';
  const sign = figure.change > 0 ? '+' : '−';
  const amount = `${sign}${numberFormat.format(Math.abs(figure.change))}`;
  if (figure.changePercent === null) return amount;
  const percentSign = figure.changePercent > 0 ? '+' : figure.changePercent < 0 ? '−' : '';
  return `${amount} (${percentSign}${Math.abs(figure.changePercent)}%)`;
}

/** A cell of a table: a number (suppressed as a figure is), text, or "no data". */
export function tableCellText(
  cell: number | string | null,
  countsPeople: boolean,
  edition: ProfileDocument['edition'],
): string {
  if (typeof cell === 'string') return cell;
  return figureValueText(cell, countsPeople, edition);
}

/** Every figure of a profile by key, for references `{{section.name}}` in the writing. */
export function figuresByKey(figures: ProfileFigures): Map<string, ProfileFigure> {
  return new Map(figures.sections.flatMap((section) => section.figures.map((figure) => [figure.key, figure] as const)));
}

const reference = /\{\{\s*([a-z_]+\.[a-z0-9_]+)\s*\}\}/g;

export type WritingPart =
  | { kind: 'text'; text: string }
  | { kind: 'figure'; key: string; text: string; known: boolean };

/** An assessment split into its text and its figure references, each reference read as the figure's value. */
export function writingParts(
  text: string,
  figures: ReadonlyMap<string, ProfileFigure>,
  edition: ProfileDocument['edition'],
): WritingPart[] {
  const parts: WritingPart[] = [];
  let last = 0;
  for (const match of text.matchAll(reference)) {
    const key = match[1] ?? '';
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    const figure = figures.get(key);
    parts.push(
      figure
        ? { kind: 'figure', key, text: figureSideText(figure, 'value', edition), known: true }
        : { kind: 'figure', key, text: `[unknown figure ${key}]`, known: false },
    );
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** What changed since the figures last stored: "was 12" beside a figure whose value moved. */
export function changedSince(
  figure: ProfileFigure,
  previous: ProfileFigure | undefined,
  edition: ProfileDocument['edition'],
): string | null {
  if (!previous) return null;
  const before = figureSideText(previous, 'value', edition);
  const now = figureSideText(figure, 'value', edition);
  return before === now ? null : `was ${before}`;
}
