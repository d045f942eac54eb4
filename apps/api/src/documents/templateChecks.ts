import { listFlowVersions } from '@jiefen/flows';
import type { CjkFont } from './cjkFont.js';
import { BLOCK_TYPES, type DocumentTemplate } from './documentTemplate.js';
import { MissingGlyphError } from './missingGlyphError.js';
import { TemplateError } from './templateError.js';
import type { TemplateFile } from './templateFiles.js';
import { FILTERS, PLACEHOLDER, type Labels } from './templateFill.js';
import type { DossierTemplate } from './dossierTemplate.js';

/**
 * The checks every template file passes at boot, bundled or the province's, so a mistake stops the
 * service naming the file rather than leaving each document it would print pending.
 */
export function checkedTemplate(file: TemplateFile, labels: Labels): DocumentTemplate {
  const t = file.json as DocumentTemplate;
  const fail = (problem: string): never => {
    throw new TemplateError(file.path, problem);
  };
  if (typeof t !== 'object' || t === null || Array.isArray(t)) fail('must be a JSON object');
  if (typeof t.kind !== 'string' || typeof t.flow !== 'string' || typeof t.title !== 'string')
    fail('needs kind, flow and title');
  const versions = registeredVersions(t.flow);
  if (!versions.length) fail(`flow "${t.flow}" is not a registered flow`);
  if (`${t.flow}/${t.kind}` !== file.name.replace(/(\.[\w-]+)?\.json$/, ''))
    fail(`must live at ${t.flow}/${t.kind}[.variant].json`);
  if (t.variant !== undefined && (typeof t.variant?.field !== 'string' || typeof t.variant?.equals !== 'string'))
    fail('variant needs field and equals');
  const expected = `${t.flow}/${t.kind}${t.variant ? `.${t.variant.equals}` : ''}.json`;
  if (expected !== file.name) fail(`its variant makes it ${expected}: the file name and the variant must agree`);
  if (!Array.isArray(t.flowVersions) || !t.flowVersions.length || !t.flowVersions.every(Number.isInteger))
    fail('flowVersions must list flow versions');
  const unknown = t.flowVersions.filter((v) => !versions.includes(v));
  if (unknown.length)
    fail(`flowVersions ${unknown.join(', ')}: flow ${t.flow} has only version(s) ${versions.join(', ')}`);
  if (!Number.isInteger(t.version) || t.version < 1) fail('version must be a whole number from 1');
  if (!Number.isInteger(t.dossierOrder) || typeof t.numbered !== 'boolean') fail('needs dossierOrder and numbered');
  if (!Array.isArray(t.blocks) || t.blocks.some((b) => !(BLOCK_TYPES as readonly string[]).includes(b?.type)))
    fail(`every block needs a type among ${BLOCK_TYPES.join(', ')}`);
  checkPlaceholders(JSON.stringify(t.blocks) + JSON.stringify(t.title), labels, fail);
  return t;
}

/** labels.json: tables of code → text; the province's must keep every table and code of the release's. */
export function checkedLabels(file: TemplateFile, bundled: Labels | undefined): Labels {
  const labels = file.json as Labels;
  const fail = (problem: string): never => {
    throw new TemplateError(file.path, problem);
  };
  const isTable = (v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((s) => typeof s === 'string');
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) fail('must be a JSON object of tables');
  for (const [name, table] of Object.entries(labels))
    if (!isTable(table)) fail(`table "${name}" must map codes to texts`);
  for (const [name, table] of Object.entries(bundled ?? {})) {
    if (!labels[name]) fail(`lacks the table "${name}" (copy it from the bundled labels.json)`);
    const missing = Object.keys(table).filter((code) => typeof labels[name]![code] !== 'string');
    if (missing.length) fail(`table "${name}" lacks the code(s) ${missing.join(', ')}`);
  }
  return labels;
}

/** dossier.json: the cover, index and back cover. */
export function checkedDossier(file: TemplateFile, labels: Labels): DossierTemplate {
  const d = file.json as DossierTemplate;
  const fail = (problem: string): never => {
    throw new TemplateError(file.path, problem);
  };
  const texts = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (typeof d !== 'object' || d === null) fail('must be a JSON object');
  if (!Number.isInteger(d.version) || d.version < 1) fail('version must be a whole number from 1');
  for (const key of ['retention', 'coverTitle', 'indexTitle', 'backCoverTitle'] as const)
    if (typeof d[key] !== 'string') fail(`needs ${key} (a text)`);
  if (!Array.isArray(d.coverFields) || !d.coverFields.every((f) => texts(f) && f.length === 2))
    fail('coverFields must list [label, text] pairs');
  if (!texts(d.backCoverLines)) fail('backCoverLines must list texts');
  checkPlaceholders(JSON.stringify(d), labels, fail);
  return d;
}

/**
 * The release's templates a province overrides keep serving what they served: an override that drops
 * a flow version would leave that version's cases without the document.
 */
export function checkServesBundled(override: DocumentTemplate, bundled: DocumentTemplate, path: string): void {
  const dropped = bundled.flowVersions.filter((v) => !override.flowVersions.includes(v));
  if (dropped.length)
    throw new TemplateError(
      path,
      `flowVersions must still include ${dropped.join(', ')}: the bundled template serves them, and cases opened ` +
        'under them would have no such document',
    );
}

/**
 * A province's file prints only what the faces can draw: every text it holds, placeholders aside, is
 * checked against the font, so a character no face has stops the boot naming the file rather than
 * leaving every document printed from it pending.
 */
export function checkGlyphs(file: TemplateFile, font: Pick<CjkFont, 'assertCovers'>): void {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value.replace(PLACEHOLDER, ''));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(file.json);
  try {
    for (const text of texts) font.assertCovers(text, file.name);
  } catch (error) {
    if (!(error instanceof MissingGlyphError)) throw error;
    throw new TemplateError(file.path, error.message);
  }
}

function checkPlaceholders(text: string, labels: Labels, fail: (problem: string) => never): void {
  for (const [, path, filter, argument] of text.matchAll(PLACEHOLDER)) {
    if (filter === undefined) continue;
    if (!(FILTERS as readonly string[]).includes(filter))
      fail(`{{${path}|${filter}}}: unknown filter (${FILTERS.join(', ')})`);
    if (filter === 'label' && !labels[argument ?? ''])
      fail(`{{${path}|label:${argument}}}: labels.json has no table "${argument}"`);
  }
}

function registeredVersions(flowId: string): number[] {
  return listFlowVersions()
    .filter((f) => f.id === flowId)
    .map((f) => f.version);
}
