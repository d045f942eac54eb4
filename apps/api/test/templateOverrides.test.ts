import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getFlow, registerFlow } from '@jiefen/flows';
import { extractText, getDocumentProxy } from 'unpdf';
import { loadConfig } from '../src/config/config.js';
import { cjkFont } from '../src/documents/cjkFont.js';
import { renderDocument } from '../src/documents/documentRenderer.js';
import { TemplateError } from '../src/documents/templateError.js';
import { TemplateRegistry, TEMPLATES_DIR } from '../src/documents/templateRegistry.js';
import { aDocumentData } from './support/documentFacts.js';
import { anOverrideDir, bundledTemplate, rewordedAcceptanceNotice } from './support/templateOverride.js';

/**
 * A province's own templates (issue 15): `JIEFEN_TEMPLATE_DIR` holds files of the bundled layout
 * that replace the bundled ones file by file, checked at load like them; each template keeps its
 * origin (bundled or the directory, with the file's SHA-256) for the archive.
 */
const ACCEPTANCE = 'people-mediation/acceptanceNotice.json';
const WORDING =
  '{{case.acceptedOn|date}}，本委员会依当事人申请受理{{partyNames.applicants}}与{{partyNames.respondents}}之间的纠纷（省定格式）。';

async function textOf(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, '');
}

async function renderedAcceptance(registry: TemplateRegistry): Promise<string> {
  const template = registry.find('people-mediation', 1, 'acceptanceNotice', {})!;
  const data = aDocumentData({ title: template.title, number: '（2026）玄梅人调字第3号' });
  const pdf = await renderDocument(template, data, {
    font: cjkFont(),
    labels: registry.labels,
    createdAt: new Date(0),
  });
  return textOf(pdf);
}

function refusal(overrideDir: string): TemplateError {
  try {
    TemplateRegistry.load(TEMPLATES_DIR, overrideDir);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('the override directory was accepted');
}

describe('a province’s template directory', () => {
  it('changes the wording of the one document it overrides and records the file it came from', async () => {
    const dir = anOverrideDir({ [ACCEPTANCE]: rewordedAcceptanceNotice(WORDING) });
    const registry = TemplateRegistry.load(TEMPLATES_DIR, dir);
    const text = await renderedAcceptance(registry);
    expect(text).toContain('本委员会依当事人申请受理张三与金陵某物业管理有限公司之间的纠纷（省定格式）');
    expect(text).not.toContain('经当事人同意，调解');
    const template = registry.byFile(ACCEPTANCE)!;
    expect(template.version).toBe(bundledTemplate(ACCEPTANCE).version + 1);
    const bytes = readFileSync(join(dir, ACCEPTANCE));
    expect(registry.origin(ACCEPTANCE)).toEqual({
      source: 'override',
      path: join(dir, ACCEPTANCE),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    // Every other document still prints the release's wording.
    expect(registry.origin('people-mediation/rejectionNotice.json').source).toBe('bundled');
    expect(registry.origin('labels.json').source).toBe('bundled');
    expect(registry.origin('dossier.json').source).toBe('bundled');
    expect(await renderedAcceptance(TemplateRegistry.load())).toContain('经当事人同意，调解张三');
  });

  it('renders the labels of an overriding labels.json (a province’s name for a dispute type)', async () => {
    const labels = bundledTemplate('labels.json');
    labels.categories.neighbour = '相邻关系纠纷';
    const registry = TemplateRegistry.load(TEMPLATES_DIR, anOverrideDir({ 'labels.json': labels }));
    expect(await renderedAcceptance(registry)).toContain('纠纷类型：相邻关系纠纷');
  });

  it('refuses a labels.json that drops a code the bundled one has, naming the file and the code', () => {
    const labels = bundledTemplate('labels.json');
    delete labels.categories.neighbour;
    const dir = anOverrideDir({ 'labels.json': labels });
    const error = refusal(dir);
    expect(error.path).toBe(join(dir, 'labels.json'));
    expect(error.message).toContain('table "categories" lacks the code(s) neighbour');
  });

  it('overrides the dossier’s cover (a district’s 保管期限)', () => {
    const dossier = { ...bundledTemplate('dossier.json'), retention: '永久' };
    const registry = TemplateRegistry.load(TEMPLATES_DIR, anOverrideDir({ 'dossier.json': dossier }));
    expect(registry.dossier.retention).toBe('永久');
    expect(registry.origin('dossier.json').source).toBe('override');
  });

  it.each([
    ['a file that is not JSON', ACCEPTANCE, '{ "kind": "acceptanceNotice", ', 'is not valid JSON'],
    ['an unknown file beside the flows', 'notes.txt', 'hello', 'unknown file'],
    ['a folder named after no flow', 'people-mediaton/acceptanceNotice.json', {}, 'unknown folder'],
    ['a file that is not a template', 'people-mediation/README.md', '# notes', 'unknown file'],
    [
      'a kind no flow issues',
      'people-mediation/summons.json',
      { ...bundledTemplate(ACCEPTANCE), kind: 'summons' },
      'flow people-mediation issues no document "summons"',
    ],
    [
      'a kind this flow does not issue',
      'people-mediation/ruling.json',
      { ...bundledTemplate(ACCEPTANCE), kind: 'ruling' },
      'flow people-mediation issues no document "ruling"',
    ],
    [
      'a flow version that is not registered',
      ACCEPTANCE,
      { ...bundledTemplate(ACCEPTANCE), flowVersions: [1, 7] },
      'flowVersions 7: flow people-mediation has only version(s) 1',
    ],
    [
      'a file at the wrong place',
      'people-mediation/rejectionNotice.json',
      bundledTemplate(ACCEPTANCE),
      'must live at people-mediation/acceptanceNotice[.variant].json',
    ],
    ['an unknown block', ACCEPTANCE, { ...bundledTemplate(ACCEPTANCE), blocks: [{ type: 'stamp' }] }, 'every block'],
    [
      'a label table that does not exist',
      ACCEPTANCE,
      { ...bundledTemplate(ACCEPTANCE), title: '{{case.category|label:kinds}}' },
      'labels.json has no table "kinds"',
    ],
    [
      'a character no font can draw (it would leave every such document pending)',
      ACCEPTANCE,
      { ...bundledTemplate(ACCEPTANCE), title: '人民调解受理登记表𪛖' },
      'the character 𪛖 (U+2A6D6)',
    ],
    [
      'a version that is not a whole number',
      ACCEPTANCE,
      { ...bundledTemplate(ACCEPTANCE), version: '2' },
      'version must be a whole number',
    ],
  ])('stops the load at %s, naming the file', (_what, name, content, problem) => {
    const dir = anOverrideDir({ [name]: content });
    const error = refusal(dir);
    // An unknown folder is named itself, every other problem by its file.
    expect(error.path).toBe(join(dir, problem === 'unknown folder' ? name.split('/')[0]! : name));
    expect(error.message).toContain(error.path);
    expect(error.message).toContain(problem);
  });

  it('rebuilds from its snapshot (what the render thread gets) with the same wording, even if the file changed', () => {
    const dir = anOverrideDir({ [ACCEPTANCE]: rewordedAcceptanceNotice(WORDING) });
    const registry = TemplateRegistry.load(TEMPLATES_DIR, dir);
    writeFileSync(join(dir, ACCEPTANCE), JSON.stringify(rewordedAcceptanceNotice('改过的措辞。')));
    const thread = TemplateRegistry.of(structuredClone(registry.snapshot));
    expect(thread.byFile(ACCEPTANCE)).toEqual(registry.byFile(ACCEPTANCE));
    expect(thread.origin(ACCEPTANCE)).toEqual(registry.origin(ACCEPTANCE));
    expect(JSON.stringify(thread.byFile(ACCEPTANCE))).not.toContain('改过的措辞');
  });

  it('skips hidden files (a desktop’s .DS_Store) rather than refusing them', () => {
    const registry = TemplateRegistry.load(
      TEMPLATES_DIR,
      anOverrideDir({ '.DS_Store': 'x', 'people-mediation/.x': 'y' }),
    );
    expect(registry.origin(ACCEPTANCE).source).toBe('bundled');
  });

  it('a configured directory that does not exist stops the boot naming JIEFEN_TEMPLATE_DIR', () => {
    expect(() => loadConfig({ JIEFEN_TEMPLATE_DIR: '/nonexistent/templates' })).toThrow(
      /JIEFEN_TEMPLATE_DIR="\/nonexistent\/templates" must be a directory/,
    );
  });
});

describe('templates and flow versions', () => {
  // A second version of the flow, as a release adding one would register it.
  beforeAll(() => registerFlow({ ...getFlow('people-mediation', 1), version: 2 }));

  it('a template serves the flow versions it lists: one listing 1 and 2 renders both versions’ cases', () => {
    const dir = anOverrideDir({ [ACCEPTANCE]: { ...rewordedAcceptanceNotice(WORDING), flowVersions: [1, 2] } });
    const registry = TemplateRegistry.load(TEMPLATES_DIR, dir);
    const provinces = bundledTemplate(ACCEPTANCE).version + 1;
    expect(registry.find('people-mediation', 2, 'acceptanceNotice', {})?.version).toBe(provinces);
    expect(registry.find('people-mediation', 1, 'acceptanceNotice', {})?.version).toBe(provinces);
    // The bundled file serves only version 1: a version-2 case has no bundled acceptance register.
    expect(TemplateRegistry.load().find('people-mediation', 2, 'acceptanceNotice', {})).toBeUndefined();
  });

  it('refuses an override no longer serving a flow version the bundled file serves (its cases keep theirs)', () => {
    const dir = anOverrideDir({ [ACCEPTANCE]: { ...rewordedAcceptanceNotice(WORDING), flowVersions: [2] } });
    expect(refusal(dir).message).toContain('flowVersions must still include 1');
  });
});

describe('the bundled templates', () => {
  it('load with every file from the release', () => {
    const registry = TemplateRegistry.load();
    expect(registry.templates.length).toBeGreaterThan(20);
    expect(
      registry.templates.every(
        (t) =>
          registry.origin(`${t.flow}/${t.kind}${t.variant ? `.${t.variant.equals}` : ''}.json`).source === 'bundled',
      ),
    ).toBe(true);
  });
});
