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
  | { style: 'pageBreak' }
  /** A ruled table row: cells across `widths` (fractions of the text width), and an optional small note under them. */
  | { style: 'row'; cells: string[]; widths: number[]; header?: boolean; note?: string };

/** The height of a table row: two lines of 11 pt, then a band for the note. */
export const ROW_HEIGHT = 52;
const NOTE_BAND = 12;

const SIZE = { title: 22, body: 14, small: 12 };

/**
 * Writes lines to an A4 PDF with the embedded CJK font and a page number at the foot of each
 * page (— 1 —). `createdAt` is the document's own date, not the clock, so a re-rendering of the
 * same document and data gives the same bytes.
 */
export function writePdf(
  font: CjkFont,
  meta: { title: string; createdAt: Date },
  lines: readonly Line[],
): Promise<Buffer> {
  // `font: null`: no Helvetica is loaded (its AFM parse cost more than the whole page).
  const doc = new PDFDocument({
    ...PAGE,
    font: null as unknown as string,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: meta.title,
      Producer: 'Jiefen',
      Creator: 'Jiefen',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
    lang: 'zh-CN',
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  // Registered by name: pdfkit caches a named font, where a font object passed each time is
  // opened again and compared by its name table (a third of a render).
  doc.registerFont('song', font.regular as unknown as string);
  doc.registerFont('songBold', font.bold as unknown as string);
  const regular = 'song';
  doc.font(regular).fontSize(SIZE.body);
  const write = writer(doc, font);
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
    } else if (line.style === 'row') {
      drawRow(doc, line, write, width);
    } else if (line.style === 'space') {
      doc.moveDown(line.lines);
    } else if (line.style === 'title') {
      doc.fontSize(SIZE.title);
      write('bold', line.text, PAGE.margins.left, undefined, { width, align: 'center', characterSpacing: 2 });
      doc.moveDown(0.6);
    } else if (line.style === 'heading') {
      doc.fontSize(SIZE.body);
      keepWithNext(doc, HEADING_KEEP_LINES);
      write('bold', line.text, PAGE.margins.left, undefined, { width, lineGap: 6 });
    } else if (line.style === 'right') {
      doc.fontSize(SIZE.body);
      write('regular', line.text, PAGE.margins.left, undefined, { width, align: 'right', lineGap: 6 });
    } else if (line.style === 'centre') {
      doc.fontSize(SIZE.body);
      write('regular', line.text, PAGE.margins.left, undefined, { width, align: 'center', lineGap: 6 });
    } else if (line.style === 'signature') {
      doc.fontSize(SIZE.body);
      write('regular', line.text, PAGE.margins.left, undefined, { width, lineGap: 6 });
      doc.moveDown(0.8);
    } else {
      doc.fontSize(SIZE.body);
      write('regular', line.text, PAGE.margins.left, undefined, {
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
    doc
      .font(regular)
      .fontSize(SIZE.small)
      .text(`— ${i + 1} —`, 0, doc.page.height - 24 * MM, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** A heading and the first two lines of what it heads: a heading is never the last line of a page. */
const HEADING_KEEP_LINES = 3;

/** Starts a new page unless `lines` lines of body text still fit above the bottom margin. */
function keepWithNext(doc: PDFKit.PDFDocument, lines: number): void {
  const lineHeight = doc.currentLineHeight(true) + 6;
  if (doc.y + lines * lineHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function drawRow(doc: PDFKit.PDFDocument, row: Extract<Line, { style: 'row' }>, write: Write, width: number): void {
  const left = PAGE.margins.left;
  const y = doc.y;
  const cellHeight = row.note ? ROW_HEIGHT - NOTE_BAND : ROW_HEIGHT;
  let x = left;
  doc
    .lineWidth(0.5)
    .rect(left, y, width, row.note ? ROW_HEIGHT : cellHeight)
    .stroke();
  row.cells.forEach((cell, i) => {
    const w = width * row.widths[i]!;
    if (i > 0)
      doc
        .moveTo(x, y)
        .lineTo(x, y + cellHeight)
        .stroke();
    doc.fontSize(11);
    write(row.header ? 'bold' : 'regular', cell, x + 3, y + 4, {
      width: w - 6,
      height: cellHeight - 3,
      ellipsis: true,
      lineGap: 0,
    });
    x += w;
  });
  if (row.note) {
    doc
      .moveTo(left, y + cellHeight)
      .lineTo(left + width, y + cellHeight)
      .stroke();
    doc.fontSize(7);
    write('regular', row.note, left + 3, y + cellHeight + 3, { width: width - 6, lineBreak: false });
  }
  doc.x = left;
  doc.y = y + (row.note ? ROW_HEIGHT : cellHeight);
}

type Write = (
  weight: 'regular' | 'bold',
  text: string,
  x: number | undefined,
  y: number | undefined,
  options: PDFKit.Mixins.TextOptions,
) => void;

/**
 * Draws a text in the primary face, switching to a fallback face (cjkFont.ts) for the characters
 * the primary lacks — a name in CJK Extension B — as runs of one paragraph (`continued`), so the line
 * wraps and aligns as one. A text the primary face covers is one call, as before the fallbacks.
 */
function writer(doc: PDFKit.PDFDocument, font: CjkFont): Write {
  const registered = new Set([0]);
  const fontName = (face: number, weight: 'regular' | 'bold') => {
    if (!registered.has(face)) {
      const f = font.face(face);
      doc.registerFont(`song${face}`, f.regular as unknown as string);
      doc.registerFont(`song${face}Bold`, f.bold as unknown as string);
      registered.add(face);
    }
    if (face === 0) return weight === 'bold' ? 'songBold' : 'song';
    return weight === 'bold' ? `song${face}Bold` : `song${face}`;
  };
  return (weight, text, x, y, options) => {
    const runs = font.runs(text);
    if (runs.length === 1) {
      doc.font(fontName(runs[0]!.face, weight)).text(text, x, y, options);
      return;
    }
    // pdfkit centres or right-aligns each `continued` run on its own (they overlap): place them by hand.
    if (options.align === 'center' || options.align === 'right') {
      const named = runs.map((run) => ({ ...run, name: fontName(run.face, weight) }));
      return writeAligned(doc, named, x ?? doc.x, y, { ...options, align: options.align });
    }
    runs.forEach((run, i) => {
      doc.font(fontName(run.face, weight));
      const continued = i < runs.length - 1;
      if (i === 0) doc.text(run.text, x, y, { ...options, continued });
      else doc.text(run.text, { ...options, continued });
    });
  };
}

/**
 * A centred or right-aligned text of several faces: cut into lines by measured width (a CJK line may
 * break between any two characters), each line's runs placed one after the other from the offset that
 * aligns the whole line.
 */
function writeAligned(
  doc: PDFKit.PDFDocument,
  runs: { name: string; text: string }[],
  left: number,
  top: number | undefined,
  options: PDFKit.Mixins.TextOptions & { align: 'center' | 'right' },
): void {
  const width = options.width ?? doc.page.width - left - doc.page.margins.right;
  const spacing = { characterSpacing: options.characterSpacing ?? 0 };
  const measure = (name: string, text: string) => doc.font(name).widthOfString(text, spacing);
  const lines: { name: string; text: string; width: number }[][] = [[]];
  let used = 0;
  for (const run of runs) {
    for (const char of run.text) {
      const w = measure(run.name, char);
      if (used + w > width && used > 0) {
        lines.push([]);
        used = 0;
      }
      const line = lines.at(-1)!;
      const last = line.at(-1);
      if (last?.name === run.name) {
        last.text += char;
        last.width += w;
      } else line.push({ name: run.name, text: char, width: w });
      used += w;
    }
  }
  if (top !== undefined) doc.y = top;
  for (const line of lines) {
    const height = doc.font(line[0]!.name).currentLineHeight(true) + (options.lineGap ?? 0);
    if (doc.y + height > doc.page.maxY()) doc.addPage();
    const y = doc.y;
    const total = line.reduce((sum, run) => sum + run.width, 0);
    let x = options.align === 'center' ? left + (width - total) / 2 : left + width - total;
    for (const run of line) {
      doc.font(run.name).text(run.text, x, y, { ...spacing, lineBreak: false });
      x += run.width;
    }
    doc.x = left;
    doc.y = y + height;
  }
}
