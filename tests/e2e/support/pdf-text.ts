import { createCanvas } from '@napi-rs/canvas';
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

/**
 * One page of a PDF drawn as a PNG by pdf.js on @napi-rs/canvas (prebuilt in its npm package, so
 * no poppler from apt), for a person to look at. `dpi` as a printer would count it.
 */
export async function pdfPagePng(pdf: Uint8Array, pageNumber: number, dpi = 80): Promise<Buffer> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  try {
    const page = await document.getPage(pageNumber);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    // @napi-rs/canvas implements the part of the DOM canvas pdf.js draws with.
    type Target = Parameters<typeof page.render>[0];
    await page.render({
      canvas: canvas as unknown as Target['canvas'],
      canvasContext: context as unknown as Target['canvasContext'],
      viewport,
    }).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await document.destroy();
  }
}

/** A page's size in points, width first: a landscape page is wider than it is tall. */
export async function pdfPageSize(pdf: Uint8Array, pageNumber: number): Promise<[number, number]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  try {
    const { width, height } = (await document.getPage(pageNumber)).getViewport({ scale: 1 });
    return [width, height];
  } finally {
    await document.destroy();
  }
}
