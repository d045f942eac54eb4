import { extractText, getDocumentProxy } from 'unpdf';
import { cjkFont } from '../src/documents/cjkFont.js';
import { writePdf, type Line } from '../src/documents/pdfWriter.js';

/**
 * A heading is kept with what it heads (seen on a printed agreement: "履行协议的方式、地点、期限" alone
 * at the foot of page 1, its text on page 2). The body lines before it are counted so that the
 * heading falls on the last line of page 1 when nothing keeps it.
 */
const font = cjkFont();

async function pagesOf(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)));
  return (text as string[]).map((page) => page.replace(/\s+/g, ''));
}

/** The number of body lines that fill page 1 exactly, found by rendering. */
async function linesFillingPageOne(): Promise<number> {
  for (let n = 10; n < 60; n++) {
    const body = Array.from({ length: n + 1 }, (_, i): Line => ({ style: 'body', text: `第${i + 1}行` }));
    const pages = await pagesOf(await writePdf(font, { title: 't', createdAt: new Date(0) }, body));
    if (pages.length > 1) return n;
  }
  throw new Error('page 1 never filled');
}

it('keeps a heading with the lines it heads: none is left alone at the foot of a page', async () => {
  const fill = await linesFillingPageOne();
  const before = Array.from({ length: fill - 1 }, (_, i): Line => ({ style: 'body', text: `第${i + 1}行` }));
  const lines: Line[] = [
    ...before,
    { style: 'heading', text: '履行协议的方式、地点、期限' },
    { style: 'body', text: '分两期付清' },
  ];
  const pages = await pagesOf(await writePdf(font, { title: 't', createdAt: new Date(0) }, lines));
  expect(pages).toHaveLength(2);
  expect(pages[0]).toContain(`第${fill - 1}行`);
  expect(pages[0]).not.toContain('履行协议的方式');
  expect(pages[1]).toContain('履行协议的方式、地点、期限分两期付清');
});

it('leaves a heading where it is when it and the lines after it fit', async () => {
  const lines: Line[] = [
    { style: 'body', text: '第1行' },
    { style: 'heading', text: '履行协议的方式、地点、期限' },
    { style: 'body', text: '分两期付清' },
  ];
  const pages = await pagesOf(await writePdf(font, { title: 't', createdAt: new Date(0) }, lines));
  expect(pages).toEqual([expect.stringContaining('第1行履行协议的方式、地点、期限分两期付清')]);
});
