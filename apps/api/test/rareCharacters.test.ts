import { writeFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { cjkFont } from '../src/documents/cjkFont.js';
import { documentLines, renderDocument } from '../src/documents/documentRenderer.js';
import { writeDocx } from '../src/documents/docxWriter.js';
import { PAGE, writePdf } from '../src/documents/pdfWriter.js';
import { MissingGlyphError } from '../src/documents/missingGlyphError.js';
import { TemplateRegistry } from '../src/documents/templateRegistry.js';
import { aDocumentData } from './support/documentFacts.js';
import { zipEntry } from './support/zipEntry.js';

/**
 * Names in CJK Extension B (issue 15): a character Noto Serif SC lacks is drawn with a fallback
 * face (Noto Serif TC, then Noto Serif JP), embedded as a subset; a character no face has is still
 * refused, naming it. With JIEFEN_PROOF_DIR set, the rendered PDF is kept there to look at
 * (`pdftoppm -png rare.pdf`): the glyphs, not boxes.
 */
const registry = TemplateRegistry.load();
const font = cjkFont();

async function render(applicantName: string): Promise<Buffer> {
  const template = registry.find('people-mediation', 1, 'acceptanceNotice', {})!;
  const data = aDocumentData({ title: template.title, applicantName, number: '（2026）玄梅人调字第3号' });
  return renderDocument(template, data, { font, labels: registry.labels, createdAt: new Date(0) });
}

async function textOf(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, '');
}

it('draws 𠀾 (U+2003E) and 𠮷 (U+20BB7) in a party’s name with the fallback faces, embedded as subsets', async () => {
  const pdf = await render('张𠀾𠮷');
  if (process.env.JIEFEN_PROOF_DIR) writeFileSync(`${process.env.JIEFEN_PROOF_DIR}/rare.pdf`, pdf);
  expect(await textOf(pdf)).toContain('张𠀾𠮷');
  const raw = pdf.toString('latin1');
  expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC/);
  expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifTC/); // 𠀾
  expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifJP/); // 𠮷 (not in TC)
  expect(pdf.length).toBeLessThan(200_000);
});

it('leaves a document whose characters Noto Serif SC covers in that face alone', async () => {
  const raw = (await render('王㛃')).toString('latin1');
  expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC/);
  expect(raw).not.toMatch(/NotoSerifTC|NotoSerifJP/);
});

it('refuses a character no face has (𪛖 U+2A6D6), naming it, where it stands and the faces tried', async () => {
  const error = await render('张𪛖').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MissingGlyphError);
  expect((error as Error).message).toContain('𪛖 (U+2A6D6)');
  expect((error as Error).message).toContain('{{partyNames.applicants}}');
  expect((error as Error).message).toContain('Noto Serif SC, Noto Serif TC, Noto Serif JP');
});

it('renders the same rare name to the same bytes (the fallback subsets are deterministic)', async () => {
  expect((await render('张𠀾')).equals(await render('张𠀾'))).toBe(true);
});

it('hints Word to SimSun-ExtB for a name’s Extension B characters in the .docx copy, 宋体 for the rest', async () => {
  const template = registry.find('people-mediation', 1, 'acceptanceNotice', {})!;
  const data = aDocumentData({ title: template.title, applicantName: '张𠀾𠮷' });
  const lines = documentLines(template, data, { font, labels: registry.labels });
  const xml = zipEntry(
    await writeDocx({ title: template.title, createdAt: new Date(0) }, lines),
    'word/document.xml',
  ).toString('utf8');
  const runOf = (text: string) =>
    new RegExp(`<w:r>(?:(?!</w:r>).)*<w:t[^>]*>[^<]*${text}</w:t>`, 's').exec(xml)?.[0] ?? '';
  expect(runOf('𠀾𠮷')).toContain('w:eastAsia="SimSun-ExtB"');
  expect(runOf('调解张')).toContain('w:eastAsia="宋体"');
});

it('centres and right-aligns a line of several faces as one line (runs side by side, not overlapping)', async () => {
  const pdf = await writePdf(font, { title: 't', createdAt: new Date(0) }, [
    { style: 'centre', text: '居中：张𠀾与𠮷田' },
    { style: 'right', text: '右对齐：张𠀾与𠮷田' },
  ]);
  const page = await (await getDocumentProxy(new Uint8Array(pdf))).getPage(1);
  const items = (await page.getTextContent()).items as { str: string; transform: number[]; width: number }[];
  const lineOf = (first: string) => {
    const y = items.find((i) => i.str.startsWith(first))!.transform[5];
    return items.filter((i) => i.str && i.transform[5] === y).sort((a, b) => a.transform[4]! - b.transform[4]!);
  };
  const [left, right] = [PAGE.margins.left, page.view[2]! - PAGE.margins.right];
  for (const [first, align] of [
    ['居中', 'centre'],
    ['右对齐', 'right'],
  ] as const) {
    const runs = lineOf(first);
    expect(runs.map((r) => r.str).join('')).toBe(`${first}：张𠀾与𠮷田`);
    runs.slice(1).forEach((run, i) => expect(run.transform[4]).toBeCloseTo(runs[i]!.transform[4]! + runs[i]!.width, 0));
    const start = runs[0]!.transform[4]!;
    const end = runs.at(-1)!.transform[4]! + runs.at(-1)!.width;
    if (align === 'centre') expect(start - left).toBeCloseTo(right - end, 0);
    else expect(end).toBeCloseTo(right, 0);
  }
});
