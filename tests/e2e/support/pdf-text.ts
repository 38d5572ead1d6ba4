import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of each page of a PDF, read with pdf.js (no poppler needed), so a test can count a
 * printout's pages and check what each one says.
 */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      // Items are runs of text (a ligature such as "fi" can be a run of its own): join them as
      // they were set, with a space where a line ended.
      const runs = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : ''));
      pages.push(runs.join('').replace(/\s+/g, ' '));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
