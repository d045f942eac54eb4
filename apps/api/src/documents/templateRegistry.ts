import { fileURLToPath } from 'node:url';
import type { DocumentTemplate } from './documentTemplate.js';
import type { DossierTemplate } from './dossierTemplate.js';
import { cjkFont } from './cjkFont.js';
import { checkedDossier, checkedLabels, checkedTemplate, checkGlyphs, checkServesBundled } from './templateChecks.js';
import { TemplateError } from './templateError.js';
import { readTemplateFiles, type TemplateFile, type TemplateSource } from './templateFiles.js';
import type { Labels } from './templateFill.js';

/**
 * The templates directory: `src/documents/templates`, read as data by the sources and the build
 * alike (both sit two levels below apps/api), so editing a template needs no rebuild.
 */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../src/documents/templates/', import.meta.url));

/**
 * The files as read at boot, the bundled ones apart (an override is checked against them): what the
 * render thread is given, so that it prints the very bytes whose hash the service records, even if a
 * file changes on disk before the thread starts.
 */
export interface TemplateSnapshot {
  files: TemplateFile[];
  bundled: TemplateFile[];
  dir: string;
  overrideDir: string | undefined;
}

/** Which file a template was read from: recorded with every document rendered from it. */
export interface TemplateOrigin {
  source: TemplateSource;
  path: string;
  sha256: string;
}

/**
 * Every template, by flow: the bundled ones, each replaced by the province's file of the same name
 * when `JIEFEN_TEMPLATE_DIR` holds one. Loaded and checked once, so a broken file stops the service
 * at boot, naming it, not at the first document.
 */
export class TemplateRegistry {
  private constructor(
    readonly templates: readonly DocumentTemplate[],
    readonly labels: Labels,
    /** The dossier's cover, index and back cover (`templates/dossier.json`). */
    readonly dossier: DossierTemplate,
    private readonly origins: ReadonlyMap<string, TemplateOrigin>,
    /** What it was built from (the render thread builds its own from the same). */
    readonly snapshot: TemplateSnapshot,
  ) {}

  /** The province's directory the templates were read over, if any. */
  get overrideDir(): string | undefined {
    return this.snapshot.overrideDir;
  }

  static load(dir = TEMPLATES_DIR, overrideDir?: string): TemplateRegistry {
    const files = readTemplateFiles(dir, overrideDir);
    const bundled = overrideDir ? readTemplateFiles(dir) : files;
    return TemplateRegistry.of({ files: [...files.values()], bundled: [...bundled.values()], dir, overrideDir });
  }

  /** The registry of files already read (checked again: the same checks, no file read). */
  static of(snapshot: TemplateSnapshot): TemplateRegistry {
    const { dir } = snapshot;
    const files = new Map(snapshot.files.map((f) => [f.name, f]));
    const bundled = new Map(snapshot.bundled.map((f) => [f.name, f]));
    const bundledLabels = checkedLabels(required(bundled, 'labels.json', dir), undefined);
    const labelsFile = required(files, 'labels.json', dir);
    const labels = labelsFile.source === 'bundled' ? bundledLabels : checkedLabels(labelsFile, bundledLabels);
    const dossierFile = required(files, 'dossier.json', dir);
    const dossier = checkedDossier(dossierFile, labels);
    const templates: DocumentTemplate[] = [];
    const origins = new Map<string, TemplateOrigin>([
      ['labels.json', originOf(labelsFile)],
      ['dossier.json', originOf(dossierFile)],
    ]);
    for (const file of [...files.values()].filter((f) => f.name.includes('/'))) {
      const template = checkedTemplate(file, labels);
      if (file.source === 'override') checkOverride(template, file, bundled, labels);
      templates.push(template);
      origins.set(file.name, originOf(file));
    }
    // The font is opened only when the province has files (the bundled ones are tested).
    for (const file of files.values()) if (file.source === 'override') checkGlyphs(file, cjkFont());
    return new TemplateRegistry(templates, labels, dossier, origins, snapshot);
  }

  /** The template a document was rendered from, by its file name (`templateFile`). */
  byFile(file: string): DocumentTemplate | undefined {
    return this.templates.find((t) => templateFile(t) === file);
  }

  /** Where a template (`people-mediation/agreement.json`, `labels.json`, `dossier.json`) was read from. */
  origin(file: string): TemplateOrigin {
    const origin = this.origins.get(file);
    if (!origin) throw new Error(`no template ${file}`);
    return origin;
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

/**
 * A province's template replaces a document the release prints, or adds a variant of one: the
 * bundled templates are the documents the service issues (every kind a flow issues has one,
 * `documentTemplates.test.ts`), so a kind without one is issued by nothing. It keeps serving the flow
 * versions the bundled file serves.
 */
function checkOverride(
  template: DocumentTemplate,
  file: TemplateFile,
  bundled: Map<string, TemplateFile>,
  labels: Labels,
): void {
  const original = bundled.get(file.name);
  if (original) return checkServesBundled(template, checkedTemplate(original, labels), file.path);
  const plain = `${template.flow}/${template.kind}.json`;
  if (!bundled.has(plain))
    throw new TemplateError(
      file.path,
      `flow ${template.flow} issues no document "${template.kind}" (the bundled templates are the documents issued)`,
    );
}

function required(files: Map<string, TemplateFile>, name: string, dir: string): TemplateFile {
  const file = files.get(name);
  if (!file) throw new TemplateError(`${dir}/${name}`, 'is missing');
  return file;
}

function originOf(file: TemplateFile): TemplateOrigin {
  return { source: file.source, path: file.path, sha256: file.sha256 };
}
