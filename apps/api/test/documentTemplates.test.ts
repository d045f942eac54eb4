import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getFlow, listFlows, type CaseContext } from '@jiefen/flows';
import { extractText, getDocumentProxy } from 'unpdf';
import { cjkFont } from '../src/documents/cjkFont.js';
import { documentData } from '../src/documents/documentData.js';
import { renderDocument } from '../src/documents/documentRenderer.js';
import { MissingGlyphError } from '../src/documents/missingGlyphError.js';
import { TemplateRegistry } from '../src/documents/templateRegistry.js';

/**
 * The templates as data (issue 15): every document a flow issues has one, each renders to a PDF
 * whose text holds its title and the case's facts, and no placeholder is left unfilled.
 */
const registry = TemplateRegistry.load();
const font = cjkFont();
const FLOWS_SRC = new URL('../../../packages/flows/src/', import.meta.url);

/** `document: 'agreement'` in each machine file: the kinds its effects issue. */
/** Every document kind a flow issues: `document: '…'` in its folder and in the shared handlers it imports. */
function issuedKinds(): [flowId: string, kind: string][] {
  const pairs: [string, string][] = [];
  const flowsDir = new URL('flows/', FLOWS_SRC);
  const read = (dir: URL, file: string) => readFileSync(new URL(file, dir), 'utf8');
  for (const flowId of readdirSync(fileURLToPath(flowsDir)).filter((d) => d !== 'shared')) {
    const dir = new URL(`${flowId}/`, flowsDir);
    const own = readdirSync(fileURLToPath(dir)).filter((f) => f.endsWith('.ts'));
    const sources = own.map((f) => read(dir, f));
    const shared = new Set(
      sources.flatMap((source) => [...source.matchAll(/from '\.\.\/shared\/(\w+)\.js'/g)].map((m) => m[1]!)),
    );
    for (const name of shared) sources.push(read(new URL('shared/', flowsDir), `${name}.ts`));
    for (const source of sources)
      for (const match of source.matchAll(/document: '(\w+)'/g)) pairs.push([flowId, match[1]!]);
  }
  return [...new Map(pairs.map((p) => [p.join('/'), p])).values()];
}

it('finds the documents the flows issue (a moved flow folder would otherwise leave this test empty)', () => {
  expect(new Set(issuedKinds().map(([flowId]) => flowId)).size).toBe(new Set(listFlows().map((flow) => flow.id)).size);
});

function dataFor(flowId: string, title: string, number: string | null, partyName = '张三') {
  const context = {
    flowId,
    flowVersion: 1,
    category: 'neighbour',
    summary: '楼上卫生间漏水，双方就维修费用发生纠纷',
    channel: 'walkIn',
    organizationId: 'org',
    receivingOrganizationId: 'org',
    receivedOn: '2026-02-20',
    openedOn: '2026-02-20',
    acceptedOn: '2026-02-21',
    endedOn: null,
    riskLevel: 'none',
    amount: null,
    linkedCaseId: null,
    parties: [],
    deadlines: [],
    agreement: {
      form: 'written',
      effectiveOn: '2026-03-02',
      terms: [{ obligorPartyId: 'p2', description: '承担维修费用', amount: '3000.00', dueOn: '2026-04-30' }],
      boundPartyIds: ['p1', 'p2'],
    },
    outcome: null,
    supervision: null,
    records: {},
    warnings: [],
    policy: {},
    facts: {},
  } as unknown as CaseContext;
  return documentData({
    caseId: 'c1',
    caseNumber: '（2026）玄梅人调字第00012号',
    context,
    parties: [
      {
        id: 'p1',
        role: 'applicant',
        kind: 'person',
        name: partyName,
        idNumber: '11010519491231002X',
        creditCode: null,
        phone: '13800138000',
        address: '玄武区梅园新村17号502室',
        agent: null,
        ethnicity: '汉族',
        occupation: '教师',
      },
      {
        id: 'p2',
        role: 'respondent',
        kind: 'organization',
        name: '金陵某物业管理有限公司',
        idNumber: null,
        creditCode: '91320102MA1XXXXXX1',
        phone: '025-84000000',
        address: '玄武区中山路1号',
        agent: '王五（经理）',
        ethnicity: null,
        occupation: null,
      },
    ],
    organization: { name: '梅园新村街道人民调解委员会', shortName: '玄梅' },
    mediatorName: '赵调解',
    event: {
      type: 'x',
      seq: 3,
      today: '2026-03-02',
      payload: { heldOn: '2026-03-02', summary: '双方陈述了漏水经过。', chosenBy: 'committee' },
    },
    details: {
      reason: 'noAgreement',
      remainingRoutes: ['arbitration', 'litigation'],
      result: 'explained',
      route: 'litigation',
      ruling: 'agreementValid',
      rulingNo: '（2026）苏0102民特1号',
      courtCaseNo: '（2026）苏0102民初1号',
      registeredOn: '2026-03-02',
    },
    title,
    number,
  });
}

async function textOf(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, '');
}

it.each(issuedKinds())('%s issues %s: a template renders it', (flowId, kind) => {
  expect(registry.find(flowId, getFlow(flowId).version, kind, {})).toBeDefined();
});

describe.each(
  registry.templates.map((t) => [`${t.flow}/${t.kind}${t.variant ? `.${t.variant.equals}` : ''}`, t] as const),
)('%s', (_name, template) => {
  it('renders an A4 PDF with its title, the case number, the parties and no unfilled placeholder', async () => {
    const pdf = await renderDocument(
      template,
      dataFor(template.flow, template.title, template.numbered ? '（2026）玄梅人调字第12号' : null),
      {
        font,
        labels: registry.labels,
        createdAt: new Date('2026-03-02T02:00:00Z'),
      },
    );
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const { view } = await doc.getPage(1);
    expect(view.map(Math.round)).toEqual([0, 0, 595, 842]); // A4 in points
    const text = await textOf(pdf);
    expect(text).not.toContain('{{');
    if (template.numbered) expect(text).toContain('（2026）玄梅人调字第12号');
    // A template that names the parties names the applicant in full.
    if (JSON.stringify(template.blocks).includes('party')) expect(text).toContain('张三');
    expect(text).toContain(template.title.replace(/\s/g, '').slice(0, 4));
  });
});

it('embeds the font (a subset) rather than naming a system font', async () => {
  const template = registry.find('people-mediation', 1, 'agreement', {})!;
  const pdf = await renderDocument(template, dataFor('people-mediation', template.title, '（2026）玄梅人调字第1号'), {
    font,
    labels: registry.labels,
    createdAt: new Date(0),
  });
  const raw = pdf.toString('latin1');
  expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
  expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC/);
  expect(pdf.length).toBeLessThan(200_000); // a subset, not the 15 MB font
});

it('renders the same document and data to the same bytes', async () => {
  const template = registry.find('people-mediation', 1, 'agreement', {})!;
  const render = () =>
    renderDocument(template, dataFor('people-mediation', template.title, '（2026）玄梅人调字第1号'), {
      font,
      labels: registry.labels,
      createdAt: new Date('2026-03-02T02:00:00Z'),
    });
  expect((await render()).equals(await render())).toBe(true);
});

it('refuses a character no face has with MissingGlyphError naming it (no blank box)', async () => {
  const template = registry.find('people-mediation', 1, 'agreement', {})!;
  const render = renderDocument(template, dataFor('people-mediation', template.title, null, '张𪛖'), {
    font,
    labels: registry.labels,
    createdAt: new Date(0),
  });
  await expect(render).rejects.toThrow(MissingGlyphError);
  await expect(render).rejects.toThrow(/𪛖 \(U\+2A6D6\)/);
});
