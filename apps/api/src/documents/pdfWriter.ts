import PDFDocument from 'pdfkit';
import type { CjkFont } from './cjkFont.js';

/** A4 with the margins of GB/T 9704-2012 (公文格式): top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
const MM = 72 / 25.4;
export const PAGE = { size: 'A4' as const, margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } };

/** What a page is drawn with: one paragraph style per kind of line. */
export type Line =
  | { style: 'title'; text: string }
  | { style: 'right' | 'heading' | 'body' | 'indented' | 'signature' | 'centre'; text: string }
  | { style: 'space'; lines: number }
  | { style: 'pageBreak' };

const SIZE = { title: 22, body: 14, small: 12 };

/**
 * Writes lines to an A4 PDF with the embedded CJK font and a page number at the foot of each
 * page (— 1 —). `createdAt` is the document's own date, not the clock, so a re-rendering of the
 * same document and data gives the same bytes.
 */
export function writePdf(font: CjkFont, meta: { title: string; createdAt: Date }, lines: readonly Line[]): Promise<Buffer> {
  // `font: null`: no Helvetica is loaded (its AFM parse cost more than the whole page).
  const doc = new PDFDocument({
    ...PAGE,
    font: null as unknown as string,
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: meta.title, Producer: 'Jiefen', Creator: 'Jiefen', CreationDate: meta.createdAt, ModDate: meta.createdAt },
    lang: 'zh-CN',
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  const regular = font.regular as unknown as string;
  const bold = font.bold as unknown as string;
  doc.font(regular).fontSize(SIZE.body);
  const width = doc.page.width - PAGE.margins.left - PAGE.margins.right;
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const line of lines) {
    if (line.style === 'pageBreak') {
      doc.addPage();
    } else if (line.style === 'space') {
      doc.moveDown(line.lines);
    } else if (line.style === 'title') {
      doc.font(bold).fontSize(SIZE.title).text(line.text, PAGE.margins.left, undefined, { width, align: 'center', characterSpacing: 2 });
      doc.moveDown(0.6);
    } else if (line.style === 'heading') {
      doc.font(bold).fontSize(SIZE.body).text(line.text, PAGE.margins.left, undefined, { width, lineGap: 6 });
    } else if (line.style === 'right') {
      doc.font(regular).fontSize(SIZE.body).text(line.text, PAGE.margins.left, undefined, { width, align: 'right', lineGap: 6 });
    } else if (line.style === 'centre') {
      doc.font(regular).fontSize(SIZE.body).text(line.text, PAGE.margins.left, undefined, { width, align: 'center', lineGap: 6 });
    } else if (line.style === 'signature') {
      doc.font(regular).fontSize(SIZE.body).text(line.text, PAGE.margins.left, undefined, { width, lineGap: 6 });
      doc.moveDown(0.8);
    } else {
      doc.font(regular).fontSize(SIZE.body).text(line.text, PAGE.margins.left, undefined, {
        width,
        lineGap: 6,
        paragraphGap: 4,
        indent: line.style === 'indented' ? SIZE.body * 2 : 0,
        align: 'justify',
      });
    }
  }
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // Writing inside the bottom margin would add a page: lift the margin while writing the number.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(regular).fontSize(SIZE.small).text(`— ${i + 1} —`, 0, doc.page.height - 24 * MM, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
