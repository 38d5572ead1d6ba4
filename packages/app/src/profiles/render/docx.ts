import type { ProfileDocument, ProfileSectionFigures } from '@lantern/domain';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { svgToPng } from './png.ts';
import { chartSvg, type DistrictOutline, mapSvg } from './svg.ts';
import { cellText, figureColumns, figureRow, numberedTitle, strandNames, termsRows, withFigures } from './text.ts';

export interface DocxOptions {
  /** District outlines for the maps (WGS84); without them a map shows its points only. */
  outlines?: readonly DistrictOutline[];
}

/** Page content width in twips (A4, 2 cm margins), and the images' width in pixels. */
const IMAGE_WIDTH = 600;

const border = { style: BorderStyle.SINGLE, size: 4, color: '9AA5B1' };
const borders = { top: border, bottom: border, left: border, right: border };

function textCell(text: string, header = false, right = false): TableCell {
  return new TableCell({
    borders,
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EDF3' } } : {}),
    children: [
      new Paragraph({
        ...(right ? { alignment: AlignmentType.RIGHT } : {}),
        children: [new TextRun({ text, bold: header, size: 20 })],
      }),
    ],
  });
}

function table(columns: readonly string[], rows: readonly (readonly string[])[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => textCell(c, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((c, i) => textCell(c, false, i > 0)) })),
    ],
  });
}

function image(svg: string, altText: string): Paragraph {
  const { png, width, height } = svgToPng(svg);
  const ratio = IMAGE_WIDTH / width;
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: IMAGE_WIDTH, height: Math.round(height * ratio) },
        altText: { name: altText, title: altText, description: altText },
      }),
    ],
  });
}

function caption(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 200, after: 80 }, children: [new TextRun({ text, bold: true })] });
}

function paragraphs(text: string): Paragraph[] {
  return text
    .split(/\n{2,}/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun(para.replaceAll('\n', ' '))] }));
}

function sectionBlocks(
  doc: ProfileDocument,
  section: ProfileSectionFigures,
  index: number,
  options: DocxOptions,
): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(numberedTitle(section, index))] }),
  ];
  const assessment = doc.writing.assessments[section.key];
  if (assessment?.trim()) blocks.push(...paragraphs(withFigures(assessment, doc.figures)));
  if (section.figures.length > 0) blocks.push(table(figureColumns, section.figures.map(figureRow)));
  for (const t of section.tables) {
    blocks.push(caption(t.title));
    if (t.rows.length === 0) blocks.push(new Paragraph('Nothing found.'));
    else
      blocks.push(
        table(
          ['', ...t.columns],
          t.rows.map((row) => [row.label, ...row.cells.map(cellText)]),
        ),
      );
  }
  for (const chart of section.charts) blocks.push(image(chartSvg(chart), chart.title));
  for (const map of section.maps) blocks.push(image(mapSvg(map, options.outlines ?? []), map.title));
  if (section.key === 'recommendations') {
    for (const strand of ['pursue', 'prevent', 'protect', 'prepare'] as const) {
      const items = doc.writing.recommendations.filter((r) => r.strand === strand);
      if (items.length === 0) continue;
      blocks.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(strandNames[strand])] }));
      for (const item of items) {
        blocks.push(
          new Paragraph({
            bullet: { level: 0 },
            children: [
              new TextRun(item.text.replaceAll('\n', ' ')),
              ...(item.owner ? [new TextRun({ text: ` (owner: ${item.owner})`, italics: true })] : []),
            ],
          }),
        );
      }
    }
  }
  for (const note of section.notes) {
    blocks.push(new Paragraph({ children: [new TextRun({ text: note, italics: true, size: 18 })] }));
  }
  return blocks;
}

function marking(text: string, withPage: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({ text, bold: true }),
      ...(withPage
        ? [new TextRun({ children: ['    Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })]
        : []),
    ],
  });
}

/**
 * A profile as a Word document: the handling marking in the header and footer of every page
 * (the footer with "Page n of N"), the terms, each section's heading, assessment, figures and
 * tables, and its charts and map as PNG images.
 */
export async function renderProfileDocx(doc: ProfileDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const document = new Document({
    title: doc.terms.title,
    creator: 'Lantern',
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        headers: { default: new Header({ children: [marking(doc.terms.marking, false)] }) },
        footers: { default: new Footer({ children: [marking(doc.terms.marking, true)] }) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.terms.title)] }),
          table(['Terms of reference', ''], termsRows(doc)),
          ...doc.figures.sections.flatMap((section, index) => sectionBlocks(doc, section, index, options)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
