import {
  districts,
  figureText,
  type ProfileDocument,
  type ProfileFigure,
  type ProfileFigures,
  type ProfileScope,
  type ProfileSectionFigures,
  readableDate,
} from '@lantern/domain';

/** Words and numbers shared by the Markdown and DOCX renderers. */

export const scopeNames: Record<ProfileScope, string> = {
  cse: 'Child sexual exploitation',
  cce: 'Child criminal exploitation',
  county_lines: 'County lines',
  place: 'A place',
  district: 'A district',
  network: 'A network',
};

export const strandNames = { pursue: 'Pursue', prevent: 'Prevent', protect: 'Protect', prepare: 'Prepare' } as const;

export function districtNames(codes: readonly string[]): string {
  if (codes.length === 0) return 'Every district in scope';
  return codes.map((code) => districts.find((d) => d.code === code)?.name ?? code).join(', ');
}

export function periodText(from: string, to: string): string {
  return `${readableDate(from)} to ${readableDate(to)}`;
}

export function asAtText(iso: string): string {
  return readableDate(new Date(iso).toISOString().slice(0, 10));
}

export function changeText(figure: ProfileFigure): string {
  if (figure.change === null) return '–';
  const sign = figure.change > 0 ? '+' : '';
  const percent =
    figure.changePercent === null ? '' : ` (${figure.changePercent > 0 ? '+' : ''}${figure.changePercent}%)`;
  return `${sign}${figure.change.toLocaleString('en-GB')}${percent}`;
}

export function cellText(cell: number | string | null): string {
  if (cell === null) return 'no data';
  return typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell;
}

export const figureColumns = ['Measure', 'Period', 'Comparison', 'Change', 'Note'] as const;

export function figureRow(figure: ProfileFigure): string[] {
  return [
    figure.label,
    figureText(figure, 'value'),
    figureText(figure, 'comparison'),
    changeText(figure),
    figure.caution ?? '',
  ];
}

/** An assessment with `{{section.name}}` references replaced by the figure's value as shown. */
export function withFigures(text: string, figures: ProfileFigures): string {
  const all = figures.sections.flatMap((section) => section.figures);
  return text.replace(/\{\{\s*([a-z_]+\.[a-z_0-9]+)\s*\}\}/g, (whole, key: string) => {
    const figure = all.find((f) => f.key === key);
    return figure ? figureText(figure) : whole;
  });
}

export const dayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export function monthText(month: string): string {
  return readableDate(`${month}-01`).replace(/^1 /, '');
}

export function termsRows(doc: ProfileDocument): [string, string][] {
  const t = doc.terms;
  return [
    ['Problem', scopeNames[t.scope]],
    ['Area', districtNames(t.districtCodes)],
    ['Period', periodText(t.from, t.to)],
    ['Compared with', periodText(t.comparisonFrom, t.comparisonTo)],
    ['Requested by', t.requester],
    ['Purpose', t.purpose],
    ['Review date', readableDate(t.reviewDate)],
    ['Figures as at', asAtText(doc.figures.asAt)],
    [
      'Version',
      `${doc.version} (${doc.status.replace('_', ' ')})${doc.edition === 'partner' ? ', partner edition' : ''}`,
    ],
  ];
}

export function numberedTitle(section: ProfileSectionFigures, index: number): string {
  return `${index + 1}. ${section.title}`;
}
