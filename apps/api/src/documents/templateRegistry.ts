import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { BLOCK_TYPES, type DocumentTemplate } from './documentTemplate.js';
import type { Labels } from './templateFill.js';

/**
 * The templates directory: `src/documents/templates`, read as data by the sources and the build
 * alike (both sit two levels below apps/api), so editing a template needs no rebuild.
 */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../src/documents/templates/', import.meta.url));

/** Every template, by flow; loaded and checked once, so a broken file stops the service at boot, not at the first document. */
export class TemplateRegistry {
  private constructor(
    readonly templates: readonly DocumentTemplate[],
    readonly labels: Labels,
    /** The dossier's cover, index and back cover (`templates/dossier.json`). */
    readonly dossier: DossierTemplate,
  ) {}

  static load(dir = TEMPLATES_DIR): TemplateRegistry {
    const templates: DocumentTemplate[] = [];
    for (const flow of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      for (const file of readdirSync(join(dir, flow.name))
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        templates.push(checked(JSON.parse(readFileSync(join(dir, flow.name, file), 'utf8')), `${flow.name}/${file}`));
      }
    }
    const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Labels;
    const dossier = JSON.parse(readFileSync(join(dir, 'dossier.json'), 'utf8')) as DossierTemplate;
    return new TemplateRegistry(templates, labels, dossier);
  }

  /** The template a document was rendered from, by its file name (`templateFile`). */
  byFile(file: string): DocumentTemplate | undefined {
    return this.templates.find((t) => templateFile(t) === file);
  }

  /** The template for an effect: the variant whose field matches the details, else the plain one. */
  find(
    flowId: string,
    flowVersion: number,
    kind: string,
    details: Record<string, unknown>,
  ): DocumentTemplate | undefined {
    const candidates = this.templates.filter(
      (t) => t.flow === flowId && t.kind === kind && t.flowVersions.includes(flowVersion),
    );
    return (
      candidates.find((t) => t.variant && String(details[t.variant.field]) === t.variant.equals) ??
      candidates.find((t) => !t.variant)
    );
  }
}

/** `people-mediation/agreement.oral.json`: the name stored with each document rendered from the template. */
export function templateFile(t: DocumentTemplate): string {
  return `${t.flow}/${t.kind}${t.variant ? `.${t.variant.equals}` : ''}.json`;
}

export interface DossierTemplate {
  version: number;
  /** 保管期限 printed on the cover (documents.md: districts decide; 永久 / 长期 / 短期). */
  retention: string;
  coverTitle: string;
  coverFields: [label: string, text: string][];
  indexTitle: string;
  backCoverTitle: string;
  backCoverLines: string[];
}

function checked(raw: unknown, file: string): DocumentTemplate {
  const t = raw as DocumentTemplate;
  const fail = (what: string) => {
    throw new Error(`document template ${file}: ${what}`);
  };
  if (typeof t.kind !== 'string' || typeof t.flow !== 'string' || typeof t.title !== 'string')
    fail('needs kind, flow and title');
  if (`${t.flow}/${t.kind}` !== file.replace(/(\.[\w-]+)?\.json$/, ''))
    fail(`must live at templates/${t.flow}/${t.kind}[.variant].json`);
  if (!Array.isArray(t.flowVersions) || !t.flowVersions.every(Number.isInteger))
    fail('flowVersions must list flow versions');
  if (!Number.isInteger(t.version) || !Number.isInteger(t.dossierOrder) || typeof t.numbered !== 'boolean')
    fail('needs version, dossierOrder and numbered');
  if (!Array.isArray(t.blocks) || t.blocks.some((b) => !(BLOCK_TYPES as readonly string[]).includes(b?.type)))
    fail(`every block needs a type among ${BLOCK_TYPES.join(', ')}`);
  return t;
}
