import { AlignmentType, Document, Packer, PageNumber, Paragraph, TextRun, Footer, type IParagraphOptions } from 'docx';
import type { Line } from './pdfWriter.js';

/** A4 in twentieths of a point, margins as the PDF's (GB/T 9704-2012). */
const TWIPS_PER_MM = 1440 / 25.4;
const PAGE = { width: 11906, height: 16838, margin: { top: 37, bottom: 35, left: 28, right: 26 } };
/** Word has no embedded font here: it uses the reader's Song face (宋体), as printed forms do. */
const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
/**
 * 宋体 has no character beyond the Basic Multilingual Plane: a name in CJK Extension B (𠀾, 𠮷) is
 * hinted to SimSun-ExtB (宋体-ExtB, Windows' companion face for Extension B), as the PDF falls back
 * to Noto Serif TC / JP for it (cjkFont.ts).
 */
const EXTENSION_FONT = { ascii: 'SimSun-ExtB', eastAsia: 'SimSun-ExtB', hAnsi: 'SimSun-ExtB' };
/** Runs of characters beyond the BMP (the CJK extensions B–H live in planes 2 and 3). */
const SUPPLEMENTARY = /([\u{20000}-\u{3FFFF}]+)/u;
const HALF_POINTS = { title: 44, body: 28 };

/**
 * The same lines as the PDF, as a Word document a mediator completes before printing (the
 * blanks to fill by hand are there to be typed over). It is a working copy: the archived,
 * hashed document remains the PDF.
 */
export async function writeDocx(meta: { title: string; createdAt: Date }, lines: readonly Line[]): Promise<Buffer> {
  const paragraphs = lines.flatMap((line) => paragraphsOf(line));
  const document = new Document({
    title: meta.title,
    creator: 'Jiefen',
    styles: { default: { document: { run: { font: FONT, size: HALF_POINTS.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: Math.round(PAGE.margin.top * TWIPS_PER_MM),
              bottom: Math.round(PAGE.margin.bottom * TWIPS_PER_MM),
              left: Math.round(PAGE.margin.left * TWIPS_PER_MM),
              right: Math.round(PAGE.margin.right * TWIPS_PER_MM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
              }),
            ],
          }),
        },
        children: paragraphs,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function paragraphsOf(line: Line): Paragraph[] {
  const text = (value: string, options: { bold?: boolean; size?: number } = {}) =>
    value
      .split(SUPPLEMENTARY)
      .filter(Boolean)
      .map(
        (part) =>
          new TextRun({
            text: part,
            font: SUPPLEMENTARY.test(part) ? EXTENSION_FONT : FONT,
            size: options.size ?? HALF_POINTS.body,
            bold: options.bold ?? false,
          }),
      );
  const at = (options: IParagraphOptions) => [new Paragraph({ spacing: { after: 120, line: 360 }, ...options })];
  switch (line.style) {
    case 'title':
      return at({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: text(line.text, { bold: true, size: HALF_POINTS.title }),
      });
    case 'heading':
      return at({ children: text(line.text, { bold: true }) });
    case 'right':
      return at({ alignment: AlignmentType.RIGHT, children: text(line.text) });
    case 'centre':
      return at({ alignment: AlignmentType.CENTER, children: text(line.text) });
    case 'indented':
      return at({ indent: { firstLine: 560 }, alignment: AlignmentType.JUSTIFIED, children: text(line.text) });
    case 'signature':
      return at({ spacing: { after: 360 }, children: text(line.text) });
    case 'space':
      return Array.from({ length: line.lines }, () => new Paragraph({}));
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true })];
    case 'row':
      return at({ children: text(line.cells.join('　')) });
    default:
      return at({ children: text(line.text) });
  }
}
