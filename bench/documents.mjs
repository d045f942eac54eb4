// Item 7: documents (issue 15). In one process, as the service renders them: the people's
// mediation agreement PDF (2 pages, two parties, three terms, the embedded Noto Serif SC subset),
// warm — the font parsed once, as the producer keeps it — and a dossier binding 20 stored
// documents (cover, index, the documents' archived bytes copied page by page, back cover).
// Targets: agreement ≤ 150 ms p95 warm; 20-document dossier ≤ 2 s.
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { apiDist } from './lib/paths.mjs';
import { summarize } from './lib/stats.mjs';

const { cjkFont } = await import(new URL('documents/cjkFont.js', apiDist).href);
const { TemplateRegistry } = await import(new URL('documents/templateRegistry.js', apiDist).href);
const { renderDocument } = await import(new URL('documents/documentRenderer.js', apiDist).href);
const { documentData } = await import(new URL('documents/documentData.js', apiDist).href);
const { bindDossier } = await import(new URL('documents/dossierBinder.js', apiDist).href);
// pdf-lib is the API's dependency: resolve it from there.
const { PDFDocument } = createRequire(new URL('package.json', new URL('../', apiDist)))('pdf-lib');

const TODAY = '2026-03-02';

function facts(kind, title, number, applicantName = '张三') {
  const terms = [
    { obligorPartyId: 'p2', description: '承担卫生间防水维修费用', amount: '3000.00', dueOn: '2026-04-30' },
    { obligorPartyId: 'p2', description: '赔偿楼下天花板粉刷费用', amount: '800.00', dueOn: '2026-04-30' },
    { obligorPartyId: 'p1', description: '配合维修人员入户查看', dueOn: '2026-03-15' },
  ];
  return documentData({
    caseId: '00000000-0000-4000-8000-00000000bench',
    caseNumber: '（2026）玄梅人调字第00012号',
    context: {
      flowId: 'people-mediation',
      flowVersion: 1,
      category: 'neighbour',
      summary:
        '申请人家住梅园新村17号502室，被申请人家住602室。2026年2月起，被申请人卫生间漏水，致申请人家天花板、墙面受损。双方就维修及赔偿费用发生争议。',
      channel: 'walkIn',
      organizationId: '00000000-0000-4000-8000-000000000031',
      receivingOrganizationId: '00000000-0000-4000-8000-000000000031',
      receivedOn: '2026-02-20',
      openedOn: '2026-02-20',
      acceptedOn: '2026-02-21',
      endedOn: null,
      riskLevel: 'none',
      amount: '3800.00',
      linkedCaseId: null,
      parties: [],
      deadlines: [],
      agreement: { form: 'written', effectiveOn: TODAY, terms, boundPartyIds: ['p1', 'p2'] },
      outcome: null,
      supervision: null,
      records: {},
      warnings: [],
      policy: {},
      facts: {},
    },
    parties: [
      {
        id: 'p1',
        role: 'applicant',
        kind: 'person',
        name: applicantName,
        idNumber: '11010519491231002X',
        creditCode: null,
        phone: '13800138000',
        address: '玄武区梅园新村17号502室',
        agent: null,
      },
      {
        id: 'p2',
        role: 'respondent',
        kind: 'person',
        name: '李四',
        idNumber: '32010619850312123X',
        creditCode: null,
        phone: '13900139000',
        address: '玄武区梅园新村17号602室',
        agent: null,
      },
    ],
    organization: { name: '梅园新村街道人民调解委员会', shortName: '玄梅' },
    mediatorName: '王调解',
    event: {
      type: kind === 'agreement' ? 'agreement.signed' : 'application.accepted',
      seq: 5,
      today: TODAY,
      payload:
        kind === 'agreement'
          ? { form: 'written', terms }
          : { heldOn: TODAY, summary: '双方陈述了漏水经过，调解员核实了维修报价单。' },
    },
    details:
      kind === 'terminationNotice'
        ? { reason: 'noAgreement', remainingRoutes: ['arbitration', 'administrative', 'litigation'] }
        : {},
    title,
    number,
  });
}

export async function runDocuments({ log, repeats = Number(process.env.BENCH_DOCUMENT_RENDERS ?? 200) } = {}) {
  const registry = TemplateRegistry.load();
  const t0 = performance.now();
  const font = cjkFont();
  const fontLoadMs = performance.now() - t0;
  const agreement = registry.find('people-mediation', 1, 'agreement', { form: 'written' });
  const data = facts('agreement', agreement.title, '（2026）玄梅人调字第12号');
  const options = { font, labels: registry.labels, createdAt: new Date(`${TODAY}T10:00:00+08:00`) };
  const c0 = performance.now();
  const first = await renderDocument(agreement, data, options);
  const coldMs = performance.now() - c0;
  for (let i = 0; i < 20; i++) await renderDocument(agreement, data, options);
  const samples = [];
  for (let i = 0; i < repeats; i++) {
    const s = performance.now();
    await renderDocument(agreement, data, options);
    samples.push(performance.now() - s);
  }
  const render = summarize(samples);
  log(
    `item 7: agreement PDF (${first.length} bytes) p50 ${render.p50.toFixed(1)} ms, p95 ${render.p95.toFixed(1)} ms ` +
      `warm; first ${coldMs.toFixed(0)} ms after a ${fontLoadMs.toFixed(0)} ms font load`,
  );

  // The same agreement for a party named in CJK Extension B (𠀾 from Noto Serif TC, 𠮷 from Noto Serif
  // JP): the fallback faces are opened at the first such name (its "first"), then kept.
  const rareData = facts('agreement', agreement.title, '（2026）玄梅人调字第13号', '张𠀾𠮷');
  const r0 = performance.now();
  const rareFirst = await renderDocument(agreement, rareData, options);
  const rareColdMs = performance.now() - r0;
  const rareSamples = [];
  for (let i = 0; i < repeats; i++) {
    const s = performance.now();
    await renderDocument(agreement, rareData, options);
    rareSamples.push(performance.now() - s);
  }
  const rare = summarize(rareSamples);
  log(`  the same with 张𠀾𠮷 (two fallback faces): p95 ${rare.p95.toFixed(1)} ms; first ${rareColdMs.toFixed(0)} ms`);

  // 20 stored documents: the people's mediation set, five times over (four sessions' records …).
  const kinds = ['acceptanceNotice', 'rightsAndDutiesNotice', 'mediationRecord', 'agreement', 'terminationNotice'];
  const stored = [];
  for (let i = 0; i < 20; i++) {
    const kind = kinds[i % kinds.length];
    const template = registry.find('people-mediation', 1, kind, {});
    const content = await renderDocument(
      template,
      facts(kind, template.title, template.numbered ? `（2026）玄梅人调字第${i + 1}号` : null),
      options,
    );
    stored.push({
      id: String(i),
      kind,
      title: template.title,
      number: null,
      eventSeq: i + 1,
      template: '',
      orderedAt: options.createdAt,
      sha256: 'f'.repeat(64),
      content,
      dossierOrder: template.dossierOrder,
    });
  }
  const dossierSamples = [];
  let pages = 0;
  let bytes = 0;
  for (let i = 0; i < 10; i++) {
    const s = performance.now();
    const pdf = await bindDossier(stored, facts('agreement', '卷宗', null), {
      template: registry.dossier,
      font,
      labels: registry.labels,
      compiledBy: 'bench',
      compiledOn: TODAY,
      createdAt: options.createdAt,
    });
    dossierSamples.push(performance.now() - s);
    bytes = pdf.length;
    pages = (await PDFDocument.load(pdf)).getPageCount();
  }
  const dossier = summarize(dossierSamples);
  log(
    `  20-document dossier (${pages} pages, ${(bytes / 1024).toFixed(0)} KiB): p50 ${dossier.p50.toFixed(0)} ms, ` +
      `max ${dossier.max.toFixed(0)} ms`,
  );
  return {
    fontLoadMs,
    agreement: { bytes: first.length, coldMs, ...render },
    rareNameAgreement: { bytes: rareFirst.length, coldMs: rareColdMs, ...rare },
    dossier: { documents: stored.length, pages, bytes, ...dossier },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runDocuments({ log: (m) => process.stderr.write(`${m}\n`) });
  console.log(JSON.stringify(result, null, 2));
}
