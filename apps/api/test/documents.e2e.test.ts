import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { extractText, getDocumentProxy } from 'unpdf';
import { poolOf } from '../src/database/dataSource.js';
import { openContent, sealContent } from '../src/documents/documentContent.js';
import { rotateDocumentKeys } from '../src/documents/documentKeyRotation.js';
import { DocumentProducer } from '../src/documents/documentProducer.js';
import { DataProtection } from '../src/security/dataProtection.js';
import { DocumentRenderer } from '../src/documents/documentRenderer.service.js';
import { aParty, anIntake, DEMO, ID_NUMBERS, writtenAgreement } from './support/factories.js';
import { startTestApp, type Client, type TestApp } from './support/testApp.js';
import { zipEntry } from './support/zipEntry.js';
import { bytes, pdfText } from './support/pdfText.js';

/**
 * Issue 15: every `document.issued` effect becomes an archived, numbered PDF after the event's
 * commit, through the real migrations on PostgreSQL; its text is read back with unpdf.
 */
const DEMO_MEDIATOR_ID = '00000000-0000-4000-8000-0000000000a2';

let t: TestApp;
let producer: DocumentProducer;
let renderer: DocumentRenderer;
let pool: pg.Pool;
let mediator: Client;
beforeAll(async () => {
  t = await startTestApp();
  producer = t.app.get(DocumentProducer);
  renderer = t.app.get(DocumentRenderer);
  pool = poolOf(t.dataSource);
  mediator = await t.as('mediator');
});
afterAll(async () => {
  await t.close();
});

/** The next render throws, as a crashed renderer would; the one after works again. */
function failNextRender(): void {
  const render = renderer.render;
  renderer.render = async () => {
    renderer.render = render;
    throw new Error('renderer crashed');
  };
}

async function openCase(overrides: Record<string, unknown> = {}): Promise<string> {
  const { body } = await t.http.post('/api/v1/cases').send(anIntake(overrides)).expect(201);
  return body.id;
}
const send = (id: string, type: string, payload: Record<string, unknown> = {}) =>
  t.http.post(`/api/v1/cases/${id}/events`).send({ type, payload }).expect(200);

/**
 * A people's mediation case at the demo committee, accepted, with the demo mediator, one session and
 * a written agreement.
 */
async function agreedCase(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await openCase(overrides);
  await send(id, 'application.accepted');
  await send(id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' });
  await send(id, 'session.recorded', { heldOn: '2026-03-02', summary: '双方陈述了漏水经过，调解员核实了维修报价单。' });
  await send(id, 'agreement.signed', writtenAgreement());
  return id;
}

async function produceAll(): Promise<void> {
  for (let pass = 0; pass < 20; pass++) {
    const { issued, failed } = await producer.produceOnce();
    if (!issued && !failed) return;
  }
}

async function documentsOf(id: string, client: Client = mediator) {
  const { body } = await client.get(`/api/v1/cases/${id}/documents`).expect(200);
  return body.items as {
    id: string;
    kind: string;
    title: string;
    number: string | null;
    status: string;
    event: { seq: number; type: string };
    sha256: string;
  }[];
}

async function download(id: string, documentId: string): Promise<Buffer> {
  const response = await mediator
    .get(`/api/v1/cases/${id}/documents/${documentId}`)
    .buffer(true)
    .parse(bytes)
    .expect(200)
    .expect('content-type', 'application/pdf');
  return response.body as Buffer;
}

const binary = (res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('production from the outbox', () => {
  it('issues one document per document.issued effect, after commit, naming the event that issued it', async () => {
    const id = await agreedCase();
    const before = await documentsOf(id);
    expect(before.map((d) => [d.kind, d.status])).toEqual([
      ['acceptanceNotice', 'pending'],
      ['rightsAndDutiesNotice', 'pending'],
      ['mediationRecord', 'pending'],
      ['agreement', 'pending'],
    ]);
    await produceAll();
    const after = await documentsOf(id);
    expect(after.map((d) => [d.kind, d.status, d.event.type])).toEqual([
      ['acceptanceNotice', 'issued', 'application.accepted'],
      ['rightsAndDutiesNotice', 'issued', 'mediator.assigned'],
      ['mediationRecord', 'issued', 'session.recorded'],
      ['agreement', 'issued', 'agreement.signed'],
    ]);
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM outbox WHERE case_id = $1 AND kind LIKE 'document.%'`,
      [id],
    );
    expect(rows[0].n).toBe(after.length);
  });

  it('issues each document exactly once when two producers run at the same time', async () => {
    const id = await agreedCase();
    await Promise.all([producer.produceOnce(), producer.produceOnce(), producer.produceOnce()]);
    await produceAll();
    const { rows } = await pool.query(
      `SELECT outbox_id, count(*)::int AS n, bool_and(status = 'issued') AS issued FROM documents
       WHERE case_id = $1 GROUP BY outbox_id`,
      [id],
    );
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.n === 1 && r.issued)).toBe(true);
  });

  it('retries a failed render and never loses the document', async () => {
    const id = await openCase();
    failNextRender();
    await send(id, 'application.accepted');
    expect(await producer.produceOnce()).toEqual({ issued: 0, failed: 1 });
    const { rows } = await pool.query(`SELECT status, attempts, last_error, number FROM documents WHERE case_id = $1`, [
      id,
    ]);
    expect(rows).toEqual([{ status: 'pending', attempts: 1, last_error: 'renderer crashed', number: null }]);
    // Not due again before its backoff; due after it.
    expect(await producer.produceOnce()).toEqual({ issued: 0, failed: 0 });
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    await produceAll();
    const [doc] = await documentsOf(id);
    expect(doc).toMatchObject({ kind: 'acceptanceNotice', status: 'issued' });
  });

  it('renders the rare characters 㛃 and 䶮 in names', async () => {
    const id = await openCase({
      parties: [aParty({ name: '王㛃' }), aParty({ role: 'respondent', name: '李䶮', idNumber: ID_NUMBERS.li })],
    });
    await send(id, 'application.accepted');
    await send(id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' });
    await produceAll();
    const [acceptance] = await documentsOf(id);
    const text = await pdfText(await download(id, acceptance!.id));
    expect(text).toContain('王㛃');
    expect(text).toContain('李䶮');
  });

  it('renders names in CJK Extension B (𠀾 U+2003E, 𠮷 U+20BB7) with the fallback faces', async () => {
    const id = await openCase({
      parties: [aParty({ name: '张𠀾' }), aParty({ role: 'respondent', name: '𠮷田', idNumber: ID_NUMBERS.li })],
    });
    await send(id, 'application.accepted');
    await send(id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' });
    await produceAll();
    const [acceptance] = await documentsOf(id);
    expect(acceptance!.status).toBe('issued');
    const pdf = await download(id, acceptance!.id);
    const text = await pdfText(pdf);
    expect(text).toContain('张𠀾');
    expect(text).toContain('𠮷田');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifTC/);
  });

  it('refuses a name no face can draw (𪛖 U+2A6D6), naming the character, and keeps the document pending', async () => {
    const id = await openCase({
      parties: [aParty({ name: '张𪛖' }), aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li })],
    });
    await send(id, 'application.accepted');
    expect(await producer.produceOnce()).toEqual({ issued: 0, failed: 1 });
    const { rows } = await pool.query(`SELECT status, last_error FROM documents WHERE case_id = $1`, [id]);
    expect(rows[0].status).toBe('pending');
    expect(rows[0].last_error).toContain('𪛖 (U+2A6D6)');
    expect(rows[0].last_error).toContain('{{partyNames.applicants}}');
    // The list says why it is pending (the console's 文书 tab shows it).
    const { body } = await mediator.get(`/api/v1/cases/${id}/documents`).expect(200);
    expect(body.items[0]).toMatchObject({ status: 'pending', lastError: rows[0].last_error });
  });
});

describe('numbering (文号)', () => {
  it('numbers per organisation and year without gaps, also across a failed render', async () => {
    const ids = [await openCase(), await openCase(), await openCase()];
    await produceAll();
    const { rows: before } = await pool.query(
      `SELECT coalesce(max(number_seq), 0) AS last FROM documents WHERE organization_id = $1 AND number_year = 2026`,
      [DEMO.meiyuanCommittee],
    );
    failNextRender();
    for (const id of ids) await send(id, 'application.accepted');
    await producer.produceOnce();
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    await produceAll();
    const { rows } = await pool.query(
      `SELECT number_seq, number FROM documents
       WHERE organization_id = $1 AND number_year = 2026 AND number_seq IS NOT NULL ORDER BY number_seq`,
      [DEMO.meiyuanCommittee],
    );
    expect(rows.map((r) => r.number_seq)).toEqual(rows.map((_r, i) => i + 1));
    expect(rows.length).toBeGreaterThanOrEqual(Number(before[0].last) + 3);
    expect(rows.at(-1)!.number).toBe(`（2026）玄梅人调字第${rows.length}号`);
  });
});

describe('the people’s mediation documents', () => {
  let id: string;
  let texts: Record<string, string>;
  beforeAll(async () => {
    id = await agreedCase({
      parties: [
        aParty({ address: '玄武区梅园新村17号502室' }),
        aParty({
          role: 'respondent',
          name: '李四',
          idNumber: ID_NUMBERS.li,
          phone: '13900139000',
          address: '玄武区梅园新村17号602室',
        }),
      ],
    });
    await produceAll();
    texts = {};
    for (const doc of await documentsOf(id)) texts[doc.kind] = await pdfText(await download(id, doc.id));
  });

  it('the agreement carries every field PML Art. 29 requires', async () => {
    const text = texts.agreement!;
    const [agreement] = (await documentsOf(id)).filter((d) => d.kind === 'agreement');
    expect(text).toContain('人民调解协议书');
    expect(text).toContain(agreement!.number!); // number
    for (const field of ['张三', '女', '76', '11010519491231002X', '13800138000', '玄武区梅园新村17号502室'])
      expect(text).toContain(field); // each party's details
    for (const field of ['李四', '男', '40', ID_NUMBERS.li, '玄武区梅园新村17号602室']) expect(text).toContain(field);
    expect(text).toContain('纠纷的主要事实、争议事项以及各方当事人的责任');
    expect(text).toContain('楼上卫生间漏水，双方就维修费用发生纠纷');
    expect(text).toContain('1.李四承担维修费用，金额：3000.00元，履行期限：2026年4月30日前'); // numbered terms, time of performance
    expect(text).toContain('履行方式');
    expect(text).toContain('履行地点');
    expect(text).toContain('本协议一式3份'); // copies = parties + 1
    expect(text).toContain('当事人（签名、盖章或按指印）：张三');
    expect(text).toContain('当事人（签名、盖章或按指印）：李四');
    expect(text).toContain('人民调解员（签名）：梅园新村人民调解员');
    expect(text).toContain('梅园新村街道人民调解委员会（印章）');
    expect(text).toContain('2026年3月2日');
  });

  it('the acceptance register names the dispute type, the source and the parties (MoJ 2010 受理登记表)', () => {
    const text = texts.acceptanceNotice!;
    for (const field of [
      '人民调解受理登记表',
      '（2026）玄梅人调字第',
      '邻里纠纷',
      '当事人申请（来访）',
      '申请人：张三',
      '被申请人：李四',
      '登记人（签名）',
    ])
      expect(text).toContain(field);
  });

  it('the notice of rights and duties lists those of PML Arts. 23 and 24', () => {
    const text = texts.rightsAndDutiesNotice!;
    for (const field of [
      '选择或者接受人民调解员',
      '接受调解、拒绝调解或者要求终止调解',
      '要求调解公开进行或者不公开进行',
      '如实陈述纠纷事实',
      '尊重对方当事人行使权利',
      '梅园新村人民调解员',
    ]) {
      expect(text).toContain(field);
    }
  });

  it('the mediation record holds time, the session summary and the signature lines (PML Art. 27)', () => {
    const text = texts.mediationRecord!;
    for (const field of [
      '人民调解记录',
      '2026年3月2日',
      '双方陈述了漏水经过',
      '记录人（签名）',
      '当事人（签名或按指印）：张三',
    ])
      expect(text).toContain(field);
  });

  it('a termination notice names the routes left: arbitration, administrative, litigation (PML Art. 26)', async () => {
    const other = await openCase();
    await send(other, 'application.accepted');
    await send(other, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' });
    await send(other, 'mediation.terminated', { reason: 'noAgreement' });
    await produceAll();
    const notice = (await documentsOf(other)).find((d) => d.kind === 'terminationNotice')!;
    const text = await pdfText(await download(other, notice.id));
    for (const field of [
      '终止人民调解告知书',
      '经调解，双方当事人未能达成协议',
      '第二十六条',
      '依法申请仲裁',
      '请求有关行政机关依法处理',
      '依法向人民法院提起诉讼',
    ])
      expect(text).toContain(field);
  });

  it('an oral agreement is recorded on the 口头协议登记表 (PML Art. 28)', async () => {
    const other = await openCase();
    await send(other, 'application.accepted');
    await send(other, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' });
    await send(other, 'agreement.signed', { form: 'oral', terms: [{ obligorPartyId: 'p2', description: '赔礼道歉' }] });
    await produceAll();
    const doc = (await documentsOf(other)).find((d) => d.kind === 'agreement')!;
    expect(doc.title).toBe('人民调解口头协议登记表');
    const text = await pdfText(await download(other, doc.id));
    for (const field of ['人民调解口头协议登记表', '口头协议内容', '1.李四赔礼道歉', '第二十八条'])
      expect(text).toContain(field);
  });

  it('a rejection notice gives the reason (PML Art. 18)', async () => {
    const other = await openCase();
    await send(other, 'application.rejected', { reason: 'outOfScope' });
    await produceAll();
    const doc = (await documentsOf(other)).find((d) => d.kind === 'rejectionNotice')!;
    // No mediator was ever assigned, so no one may download it: read the stored bytes.
    const { rows } = await pool.query(`SELECT id, content_encrypted, sha256 FROM documents WHERE id = $1`, [doc.id]);
    const text = await pdfText(
      openContent(t.app.get(DataProtection), {
        id: rows[0].id,
        contentEncrypted: rows[0].content_encrypted,
        sha256: rows[0].sha256,
      }),
    );
    for (const field of ['不予受理通知书', '该纠纷不属于人民调解的受理范围', '决定不予受理'])
      expect(text).toContain(field);
  });
});

describe('the Word working copy (.docx)', () => {
  it('gives the agreement as a .docx with the same fields; refuses a document that is no form', async () => {
    const id = await agreedCase();
    await produceAll();
    const docs = await documentsOf(id);
    const agreement = docs.find((d) => d.kind === 'agreement')!;
    const response = await mediator
      .get(`/api/v1/cases/${id}/documents/${agreement.id}?format=docx`)
      .buffer(true)
      .parse(binary as never)
      .expect(200)
      .expect('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = zipEntry(response.body as Buffer, 'word/document.xml').toString('utf8');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const field of [
      '人民调解协议书',
      agreement.number!,
      '张三',
      '11010519491231002X',
      '1. 李四承担维修费用',
      '本协议一式3份',
      '梅园新村街道人民调解委员会（印章）',
    ])
      expect(text).toContain(field);
    expect(xml).toContain('w:w="11906"'); // A4
    const record = docs.find((d) => d.kind === 'mediationRecord')!;
    await mediator.get(`/api/v1/cases/${id}/documents/${record.id}?format=docx`).expect(404);
    await (await t.as('reception')).get(`/api/v1/cases/${id}/documents/${agreement.id}?format=docx`).expect(403);
    await mediator.get(`/api/v1/cases/${id}/documents/${agreement.id}?format=odt`).expect(400);
  });
});

describe('archive integrity', () => {
  it('the stored bytes hash to the listed SHA-256, and an issued document cannot be changed or deleted', async () => {
    const id = await agreedCase();
    await produceAll();
    const [doc] = await documentsOf(id);
    const bytes = await download(id, doc!.id);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc!.sha256);
    for (const change of [`sha256 = 'x'`, `number = 'x'`, `status = 'pending'`, `byte_size = 1`, `event_seq = 1`]) {
      await expect(pool.query(`UPDATE documents SET ${change} WHERE id = $1`, [doc!.id])).rejects.toThrow(
        /cannot be changed or deleted/,
      );
    }
    await expect(pool.query(`DELETE FROM documents WHERE id = $1`, [doc!.id])).rejects.toThrow(
      /cannot be changed or deleted/,
    );
  });

  it('keeps the bytes encrypted at rest (ID numbers in full); refuses bytes not matching the SHA-256', async () => {
    const id = await agreedCase();
    await produceAll();
    const [doc] = await documentsOf(id);
    const { rows } = await pool.query(`SELECT content_encrypted FROM documents WHERE id = $1`, [doc!.id]);
    expect(rows[0].content_encrypted).toMatch(/^v1\./);
    expect(rows[0].content_encrypted).not.toContain('%PDF');
    // A key rotation may re-encrypt the same bytes (the trigger allows that column alone) …
    const protection = t.app.get(DataProtection);
    const same = sealContent(protection, await download(id, doc!.id));
    await pool.query(`UPDATE documents SET content_encrypted = $2 WHERE id = $1`, [doc!.id, same.contentEncrypted]);
    await download(id, doc!.id);
    // … but other bytes under the same digest are refused on reading.
    const other = sealContent(protection, Buffer.from('%PDF-1.7 not the document'));
    await pool.query(`UPDATE documents SET content_encrypted = $2 WHERE id = $1`, [doc!.id, other.contentEncrypted]);
    await mediator.get(`/api/v1/cases/${id}/documents/${doc!.id}`).expect(500);
  });

  it('rotate-keys re-encrypts the documents made with an older data key, and they still open', async () => {
    const id = await agreedCase();
    await produceAll();
    const [doc] = await documentsOf(id);
    const before = await download(id, doc!.id);
    const { secrets } = t.app.get<{ secrets: { dataKeys: { id: string; key: Buffer }[]; hashKey: Buffer } }>(
      'APP_CONFIG',
    );
    const rotated = new DataProtection([{ id: 'rotated', key: randomBytes(32) }, ...secrets.dataKeys], secrets.hashKey);
    const { reEncrypted, failedIntegrity } = await rotateDocumentKeys(t.dataSource, rotated);
    expect(reEncrypted).toBeGreaterThanOrEqual(4);
    expect(failedIntegrity).toHaveLength(1); // the one the test above replaced, left for someone to look at
    const { rows } = await pool.query(`SELECT id, content_encrypted, sha256 FROM documents WHERE id = $1`, [doc!.id]);
    expect(rows[0].content_encrypted).toMatch(/^v1\.rotated\./);
    expect(
      openContent(rotated, {
        id: rows[0].id,
        contentEncrypted: rows[0].content_encrypted,
        sha256: rows[0].sha256,
      }).equals(before),
    ).toBe(true);
    expect(await rotateDocumentKeys(t.dataSource, rotated)).toMatchObject({
      reEncrypted: 0,
      failedIntegrity: failedIntegrity,
    });
  });
});

describe('access', () => {
  let id: string;
  let docId: string;
  beforeAll(async () => {
    id = await agreedCase();
    await produceAll();
    docId = (await documentsOf(id))[0]!.id;
  });

  it('lets the case’s mediator download, and logs the access for every party', async () => {
    await download(id, docId);
    const { rows } = await pool.query(
      `SELECT party_id, fields, reason FROM personal_data_access_log WHERE case_id = $1 ORDER BY party_id`,
      [id],
    );
    expect(rows).toEqual([
      { party_id: 'p1', fields: [`document:${docId}`], reason: '下载文书' },
      { party_id: 'p2', fields: [`document:${docId}`], reason: '下载文书' },
    ]);
  });

  it('refuses (403) one who sees the case but may not reveal personal data: another mediator, reception', async () => {
    await t.http.get(`/api/v1/cases/${id}/documents/${docId}`).expect(403);
    await (await t.as('reception')).get(`/api/v1/cases/${id}/documents/${docId}`).expect(403);
    await (await t.as('reception')).get(`/api/v1/cases/${id}/dossier`).expect(403);
    // The list has no personal data: whoever sees the case sees it.
    await (await t.as('reception')).get(`/api/v1/cases/${id}/documents`).expect(200);
  });

  it('answers 404 outside the case scope (a court the case is not before) and for another case’s file', async () => {
    const court = await t.as('court');
    await court.get(`/api/v1/cases/${id}/documents`).expect(404);
    await court.get(`/api/v1/cases/${id}/documents/${docId}`).expect(404);
    const other = await openCase();
    await mediator.get(`/api/v1/cases/${other}/documents/${docId}`).expect(403); // not its mediator
    await send(other, 'application.accepted');
    await send(other, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' });
    await mediator.get(`/api/v1/cases/${other}/documents/${docId}`).expect(404);
  });
});

describe('the dossier (一案一卷)', () => {
  it('binds cover, index, every document in binding order and the back cover into one PDF', async () => {
    const id = await agreedCase();
    await produceAll();
    const docs = await documentsOf(id);
    const response = await mediator
      .get(`/api/v1/cases/${id}/dossier`)
      .buffer(true)
      .parse(bytes)
      .expect(200)
      .expect('content-type', 'application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(response.body as Buffer));
    const { text, totalPages } = await extractText(pdf, { mergePages: false });
    const pages = (text as string[]).map((p) => p.replace(/\s+/g, ''));
    let documentPages = 0;
    for (const doc of docs)
      documentPages += (await getDocumentProxy(new Uint8Array(await download(id, doc.id)))).numPages;
    expect(totalPages).toBe(1 + 1 + documentPages + 1);
    if (process.env.DOCUMENTS_OUT)
      (await import('node:fs')).writeFileSync(`${process.env.DOCUMENTS_OUT}/dossier.pdf`, response.body as Buffer);
    const { body: view } = await t.http.get(`/api/v1/cases/${id}`).expect(200);
    expect(pages[0]).toContain('人民调解卷宗');
    expect(pages[0]).toContain(`卷号：${view.caseNumber}`);
    expect(pages[0]).toContain('人民调解员：梅园新村人民调解员');
    expect(pages[0]).toContain('保管期限：长期');
    expect(pages[1]).toContain('卷内目录');
    // Binding order: 受理登记表, 权利义务告知书, 调解记录, 协议书.
    const order = ['人民调解受理登记表', '人民调解当事人权利义务告知书', '人民调解记录', '人民调解协议书'];
    expect(order.map((title) => pages[1]!.indexOf(title))).toEqual(
      [...order.map((title) => pages[1]!.indexOf(title))].sort((a, b) => a - b),
    );
    const firstPages = order.map((title) => pages.findIndex((page, i) => i >= 2 && page.includes(title)));
    expect(firstPages[0]).toBe(2);
    expect(firstPages).toEqual([...firstPages].sort((a, b) => a - b));
    expect(pages.at(-1)).toContain(`本卷共有文件材料${docs.length}件，共${totalPages}页`);
  });
});
