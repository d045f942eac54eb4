import { chinaDateOf } from '@jiefen/legal-time';
import { PDFDocument } from 'pdf-lib';
import type { CjkFont } from './cjkFont.js';
import type { DocumentData } from './documentData.js';
import type { StoredDocument } from './documentStore.js';
import type { DossierTemplate } from './dossierTemplate.js';
import { writePdf, type Line } from './pdfWriter.js';
import { chineseDate, fill, type Labels } from './templateFill.js';

/** A document in the dossier, in binding order, with where it starts. */
export interface BoundDocument extends StoredDocument {
  dossierOrder: number;
  /** The decrypted, checked bytes. */
  content: Buffer;
}

/** Index rows (ROW_HEIGHT each) that fit an A4 page under the title and the header row. */
const INDEX_ROWS_PER_PAGE = 10;
const INDEX_COLUMNS = [0.07, 0.33, 0.31, 0.2, 0.09];

/**
 * 一案一卷: the cover (卷号, mediator, dates, retention), the index (卷内目录) with each document's
 * 文号, date, first page and SHA-256, the stored documents themselves — the archived bytes, not a
 * re-rendering — and the back cover (备考表). Pages are copied with pdf-lib, which can import pages;
 * cover, index and back cover are drawn with the same font as the documents.
 */
export async function bindDossier(
  documents: readonly BoundDocument[],
  data: DocumentData,
  options: {
    template: DossierTemplate;
    font: CjkFont;
    labels: Labels;
    compiledBy: string;
    compiledOn: string;
    createdAt: Date;
  },
): Promise<Buffer> {
  const ordered = [...documents].sort((a, b) => a.dossierOrder - b.dossierOrder || a.eventSeq - b.eventSeq);
  const loaded = await Promise.all(ordered.map((d) => PDFDocument.load(d.content)));
  const indexPages = Math.max(1, Math.ceil(ordered.length / INDEX_ROWS_PER_PAGE));
  const frontPages = 1 + indexPages;
  let page = frontPages + 1;
  const starts = loaded.map((pdf) => {
    const start = page;
    page += pdf.getPageCount();
    return start;
  });
  const pageCount = page; // the back cover is the last page
  const t = options.template;
  const scope = {
    ...data,
    dossier: {
      retention: t.retention,
      compiledBy: options.compiledBy,
      compiledOn: options.compiledOn,
      documentCount: ordered.length,
      pageCount,
      note: '',
    },
  };
  const text = (source: string, where: string) =>
    fill(source, { data: scope, labels: options.labels, font: options.font, where: `dossier.json ${where}` });

  const front: Line[] = [
    { style: 'space', lines: 4 },
    { style: 'title', text: text(t.coverTitle, 'coverTitle') },
    { style: 'space', lines: 3 },
    ...t.coverFields.map(([label, value], i) => ({
      style: 'body' as const,
      text: `${text(label, `coverFields ${i + 1}`)}：${text(value, `coverFields ${i + 1}`)}`,
    })),
    { style: 'pageBreak' },
    ...ordered.flatMap((d, i): Line[] => {
      const header: Line[] =
        i % INDEX_ROWS_PER_PAGE === 0
          ? [
              ...(i > 0 ? [{ style: 'pageBreak' } as const] : []),
              { style: 'title', text: text(t.indexTitle, 'indexTitle') },
              {
                style: 'row',
                header: true,
                widths: INDEX_COLUMNS,
                cells: ['序号', '文书名称', '文号', '日期', '页号'],
              },
            ]
          : [];
      const cells = [String(i + 1), d.title, d.number ?? '—', chineseDate(chinaDateOf(d.orderedAt)), String(starts[i])];
      cells.forEach((cell, c) => options.font.assertCovers(cell, `dossier index row ${i + 1} column ${c + 1}`));
      return [...header, { style: 'row', widths: INDEX_COLUMNS, cells, note: `SHA-256 ${d.sha256}` }];
    }),
    ...(ordered.length
      ? []
      : [
          { style: 'title', text: text(t.indexTitle, 'indexTitle') } as const,
          { style: 'body', text: '（本卷尚无已签发的文书）' } as const,
        ]),
  ];
  const back: Line[] = [
    { style: 'title', text: text(t.backCoverTitle, 'backCoverTitle') },
    ...t.backCoverLines.map((line, i) => ({ style: 'body' as const, text: text(line, `backCoverLines ${i + 1}`) })),
  ];
  const [frontPdf, backPdf] = await Promise.all([
    writePdf(options.font, { title: `${data.case.number} 卷宗`, createdAt: options.createdAt }, front).then((b) =>
      PDFDocument.load(b),
    ),
    writePdf(options.font, { title: `${data.case.number} 封底`, createdAt: options.createdAt }, back).then((b) =>
      PDFDocument.load(b),
    ),
  ]);

  if (frontPdf.getPageCount() !== frontPages)
    throw new Error(
      `the dossier's cover and index took ${frontPdf.getPageCount()} pages, not ${frontPages}: ` +
        `the index's page numbers would be wrong`,
    );
  const dossier = await PDFDocument.create();
  dossier.setTitle(`${data.case.number} 卷宗`);
  dossier.setProducer('Jiefen');
  dossier.setCreationDate(options.createdAt);
  dossier.setModificationDate(options.createdAt);
  for (const part of [frontPdf, ...loaded, backPdf]) {
    for (const copied of await dossier.copyPages(part, part.getPageIndices())) dossier.addPage(copied);
  }
  return Buffer.from(await dossier.save());
}
