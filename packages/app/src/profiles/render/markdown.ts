import type { ProfileChart, ProfileDocument, ProfileSectionFigures } from '@lantern/domain';
import {
  cellText,
  dayNames,
  figureColumns,
  figureRow,
  monthText,
  numberedTitle,
  strandNames,
  termsRows,
  withFigures,
} from './text.ts';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function markdownTable(columns: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${columns.map(cell).join(' | ')} |`,
    `| ${columns.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

function chartLines(chart: ProfileChart): string[] {
  if (chart.kind === 'monthly') {
    return [
      `**${chart.title}**`,
      '',
      ...markdownTable(
        ['Month', 'Count'],
        chart.points.map((p) => [
          `${monthText(p.month)}${p.partial ? ' (partial)' : ''}`,
          p.suppressed ? '<5' : p.value.toLocaleString('en-GB'),
        ]),
      ),
    ];
  }
  if (chart.kind === 'bars') {
    return [
      `**${chart.title}**`,
      '',
      ...markdownTable(
        ['', 'Count'],
        chart.bars.map((b) => [b.label, b.suppressed ? '<5' : b.value.toLocaleString('en-GB')]),
      ),
    ];
  }
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  return [
    `**${chart.title}**`,
    '',
    ...markdownTable(
      ['Day', ...hours],
      chart.cells.map((row, day) => [
        dayNames[day] ?? '',
        ...row.map((n, hour) => (chart.suppressed?.[day]?.[hour] ? '<5' : String(n))),
      ]),
    ),
  ];
}

function sectionLines(doc: ProfileDocument, section: ProfileSectionFigures, index: number): string[] {
  const lines = [`## ${numberedTitle(section, index)}`, ''];
  const assessment = doc.writing.assessments[section.key];
  if (assessment?.trim()) lines.push(withFigures(assessment.trim(), doc.figures), '');
  if (section.figures.length > 0) lines.push(...markdownTable(figureColumns, section.figures.map(figureRow)), '');
  for (const table of section.tables) {
    lines.push(`**${table.title}**`, '');
    if (table.rows.length === 0) lines.push('Nothing found.', '');
    else
      lines.push(
        ...markdownTable(
          ['', ...table.columns],
          table.rows.map((row) => [row.label, ...row.cells.map(cellText)]),
        ),
        '',
      );
  }
  for (const chart of section.charts) lines.push(...chartLines(chart), '');
  for (const map of section.maps) {
    lines.push(
      `**${map.title}**: ${map.points.length.toLocaleString('en-GB')} points (the map is drawn in the DOCX).`,
      '',
    );
  }
  if (section.key === 'recommendations') {
    for (const strand of ['pursue', 'prevent', 'protect', 'prepare'] as const) {
      const items = doc.writing.recommendations.filter((r) => r.strand === strand);
      if (items.length === 0) continue;
      lines.push(`### ${strandNames[strand]}`, '');
      for (const item of items)
        lines.push(`- ${item.text.replaceAll('\n', ' ')}${item.owner ? ` (owner: ${item.owner})` : ''}`);
      lines.push('');
    }
  }
  for (const note of section.notes) lines.push(`> ${note}`);
  if (section.notes.length > 0) lines.push('');
  return lines;
}

/** A profile as Markdown: the marking first and last, the terms, then each section in order. */
export function renderProfileMarkdown(doc: ProfileDocument): string {
  const marking = `**${doc.terms.marking}**`;
  const lines = [
    marking,
    '',
    `# ${doc.terms.title}`,
    '',
    ...markdownTable(['Terms of reference', ''], termsRows(doc)),
    '',
    ...doc.figures.sections.flatMap((section, index) => sectionLines(doc, section, index)),
    marking,
  ];
  return `${lines.join('\n')}\n`;
}
