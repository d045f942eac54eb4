import type { CjkFont } from './cjkFont.js';
import { correctionNoticeText } from './correctionNotice.js';
import type { DocumentData } from './documentData.js';
import type { Block, DocumentTemplate } from './documentTemplate.js';
import { writePdf, type Line } from './pdfWriter.js';
import { fill, lookup, type Labels } from './templateFill.js';
import { templateFile } from './templateRegistry.js';

/**
 * Renders a template with a case's data to PDF. Every text is filled (and its characters checked
 * against the font) before anything is drawn, so a missing glyph refuses the whole document.
 */
export async function renderDocument(
  template: DocumentTemplate,
  data: DocumentData,
  options: { font: CjkFont; labels: Labels; createdAt: Date },
): Promise<Buffer> {
  const lines = documentLines(template, data, options);
  return writePdf(options.font, { title: template.title, createdAt: options.createdAt }, lines);
}

export function documentLines(
  template: DocumentTemplate,
  data: DocumentData,
  options: { font: CjkFont; labels: Labels },
): Line[] {
  const file = templateFile(template);
  const blocks = template.blocks.map((block, index) =>
    blockLines(block, data, template, { ...options, where: `${file} block ${index + 1} (${block.type})` }),
  );
  if (data.correction) {
    // Under the 文号 (or the title when the document has none): what it corrects, and why.
    const at = template.blocks.findIndex((b) => b.type === 'number');
    const after = at >= 0 ? at : template.blocks.findIndex((b) => b.type === 'title');
    const text = fill(correctionNoticeText(data.correction), {
      data,
      labels: options.labels,
      font: options.font,
      where: `${file} correction notice`,
    });
    blocks.splice(after + 1, 0, [{ style: 'body', text }]);
  }
  return blocks.flat();
}

function blockLines(
  block: Block,
  data: DocumentData,
  template: DocumentTemplate,
  context: { font: CjkFont; labels: Labels; where: string },
): Line[] {
  const text = (source: string, scope: object = data) =>
    fill(source, { data: scope, labels: context.labels, font: context.font, where: context.where });
  switch (block.type) {
    case 'title':
      return [{ style: 'title', text: text(block.text ?? template.title) }];
    case 'number':
      return data.document.number ? [{ style: 'right', text: text('{{document.number}}') }] : [];
    case 'heading':
      return [{ style: 'heading', text: text(block.text) }];
    case 'paragraph':
      return [{ style: block.indent === false ? 'body' : 'indented', text: text(block.text) }];
    case 'fields':
      return block.items.map(([label, value]) => ({ style: 'body', text: `${text(label)}：${text(value)}` }));
    case 'parties': {
      const parties = block.roles
        ? data.parties.filter((p) => (block.roles as string[]).includes(p.role))
        : data.parties.filter((p) => p.role !== 'thirdParty');
      return parties.map((party) => ({
        style: 'body',
        text: text(party.kind === 'organization' ? block.organization : block.person, { ...data, party }),
      }));
    }
    case 'each': {
      const items = lookup(data, block.list);
      const list = Array.isArray(items) ? items : [];
      if (!list.length) return block.empty ? [{ style: 'indented', text: text(block.empty) }] : [];
      return list.map((item, i) => ({
        style: 'indented',
        text: `${block.numbered ? `${i + 1}. ` : ''}${text(block.text, { ...data, item, index: i + 1 })}`,
      }));
    }
    case 'signatures': {
      const parties = data.parties.filter((p) => p.role !== 'thirdParty');
      const perParty = block.perParty
        ? parties.map((party) => ({ style: 'signature' as const, text: text(block.perParty!, { ...data, party }) }))
        : [];
      return [
        { style: 'space', lines: 1 },
        ...perParty,
        ...(block.lines ?? []).map((line) => ({ style: 'signature' as const, text: text(line) })),
      ];
    }
    case 'signOff':
      return [
        { style: 'space', lines: 1 },
        ...block.lines.map((line) => ({ style: 'right' as const, text: text(line) })),
      ];
    case 'space':
      return [{ style: 'space', lines: block.lines ?? 1 }];
  }
}
