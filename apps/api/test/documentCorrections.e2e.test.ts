import { createHash } from 'node:crypto';
import type pg from 'pg';
import { poolOf } from '../src/database/dataSource.js';
import { DocumentProducer } from '../src/documents/documentProducer.js';
import { DocumentRenderer } from '../src/documents/documentRenderer.service.js';
import { anIntake, DEMO, DEMO_MEDIATOR, writtenAgreement } from './support/factories.js';
import { documentedSchema } from './support/documentedSchema.js';
import { startTestApp, type Client, type TestApp } from './support/testApp.js';
import { bytes, pdfText } from './support/pdfText.js';
import { zipEntry } from './support/zipEntry.js';

/**
 * Corrections (更正) of issued documents (issue 15): an issued document never changes; a correction
 * is a new document, rendered after commit from the current case data, that names the one it
 * replaces. Real migrations on PostgreSQL; the PDFs' text is read back with unpdf.
 */
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
afterAll(() => t.close());

const send = (id: string, type: string, payload: Record<string, unknown> = {}) =>
  t.http.post(`/api/v1/cases/${id}/events`).send({ type, payload }).expect(200);

/** A people's mediation case at the demo committee with a written agreement, its documents produced. */
async function agreedCase(): Promise<string> {
  const { body } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
  await send(body.id, 'application.accepted');
  await send(body.id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' });
  await send(body.id, 'agreement.signed', writtenAgreement());
  await produceAll();
  return body.id;
}

async function produceAll(): Promise<void> {
  for (let pass = 0; pass < 20; pass++) {
    const { issued, failed } = await producer.produceOnce();
    if (!issued && !failed) return;
  }
}

interface Listed {
  id: string;
  kind: string;
  number: string | null;
  status: string;
  sha256: string | null;
  event: { seq: number; type: string };
  replacesDocumentId: string | null;
  replacedByDocumentId: string | null;
  correctionReason: string | null;
}

async function documentsOf(id: string): Promise<Listed[]> {
  return (await mediator.get(`/api/v1/cases/${id}/documents`).expect(200)).body.items;
}
const agreementOf = async (id: string) =>
  (await documentsOf(id)).find((d) => d.kind === 'agreement' && !d.replacedByDocumentId)!;

async function download(id: string, documentId: string): Promise<Buffer> {
  const response = await mediator.get(`/api/v1/cases/${id}/documents/${documentId}`).buffer(true).parse(bytes);
  expect(response.status).toBe(200);
  return response.body as Buffer;
}
const correct = (client: Client, id: string, documentId: string, body: Record<string, unknown>) =>
  client.post(`/api/v1/cases/${id}/documents/${documentId}/corrections`).send(body);
const REASON = '申请人姓名误写为“张三”，经核对身份证件更正为“张叁”';

/** A party's name corrected through the product (更正当事人信息, `party.corrected`): what a correction then prints. */
const renameParty = (id: string, partyId: string, name: string) =>
  send(id, 'party.corrected', { partyId, changes: { name }, reason: REASON });
const versionOf = async (id: string) => (await t.http.get(`/api/v1/cases/${id}`).expect(200)).body.version as number;

describe('POST /cases/:id/documents/:documentId/corrections', () => {
  it('issues a correction from current data naming the old 文号, date and reason, with a new 文号; old kept', async () => {
    const id = await agreedCase();
    const original = await agreementOf(id);
    const originalBytes = await download(id, original.id);
    await renameParty(id, 'p1', '张叁');
    const before = await versionOf(id);
    const { body } = await correct(mediator, id, original.id, { reason: REASON }).expect(201);
    expect(body).toMatchObject({
      kind: 'agreement',
      status: 'pending',
      replacesDocumentId: original.id,
      correctionReason: REASON,
      caseVersion: before + 1,
      event: { seq: before + 1, type: 'case.documentCorrected' },
    });
    const check = await documentedSchema(t);
    expect(check('DocumentCorrection', body)).toEqual([]);
    await produceAll();

    const list = await documentsOf(id);
    const replaced = list.find((d) => d.id === original.id)!;
    const correction = list.find((d) => d.id === body.id)!;
    expect(replaced).toMatchObject({ status: 'issued', replacedByDocumentId: body.id, sha256: original.sha256 });
    expect(correction).toMatchObject({ status: 'issued', replacesDocumentId: original.id, replacedByDocumentId: null });
    expect(correction.number).not.toBe(original.number);
    expect(check('DocumentList', { caseId: id, items: list })).toEqual([]);

    const text = await pdfText(await download(id, correction.id));
    expect(text).toContain('张叁');
    expect(text).not.toContain('张三，');
    expect(text).toContain(correction.number);
    expect(text).toContain(`本文书系对${original.number}《人民调解协议书》（2026年3月2日出具）的更正`);
    expect(text).toContain('更正原因：申请人姓名误写为“张三”，经核对身份证件更正为“张叁”');
    // The terms of the original event (agreement.signed) are printed again.
    expect(text).toContain('承担维修费用');

    // The replaced document: the same bytes, still downloadable, its SHA-256 unchanged.
    const again = await download(id, original.id);
    expect(again.equals(originalBytes)).toBe(true);
    expect(createHash('sha256').update(again).digest('hex')).toBe(original.sha256);
    expect(await pdfText(again)).toContain('张三');
  });

  it('records who corrected which document and why in the case’s trail (audited)', async () => {
    const id = await agreedCase();
    const original = await agreementOf(id);
    await correct(mediator, id, original.id, { reason: REASON }).expect(201);
    const trail = (await t.http.get(`/api/v1/cases/${id}/events`).expect(200)).body.items;
    expect(trail.at(-1)).toMatchObject({
      type: 'case.documentCorrected',
      payload: { documentId: original.id, kind: 'agreement', number: original.number, titleZh: '更正文书' },
      actor: { userId: DEMO_MEDIATOR, role: 'mediator' },
    });
    const { rows } = await pool.query(
      `SELECT payload->>'reason' AS reason FROM case_events WHERE case_id = $1 AND type = 'case.documentCorrected'`,
      [id],
    );
    expect(rows).toEqual([{ reason: REASON }]);
  });

  it('keeps 文号 gapless: a correction takes the organisation’s next number, even after a failed render', async () => {
    const id = await agreedCase();
    const original = await agreementOf(id);
    const lastSeq = async () =>
      Number(
        (
          await pool.query(
            `SELECT max(number_seq) AS last FROM documents WHERE organization_id = $1 AND number_year = 2026`,
            [DEMO.meiyuanCommittee],
          )
        ).rows[0].last,
      );
    const last = await lastSeq();
    const { body } = await correct(mediator, id, original.id, { reason: REASON }).expect(201);
    const render = renderer.render;
    renderer.render = async () => {
      renderer.render = render;
      throw new Error('renderer crashed');
    };
    expect(await producer.produceOnce()).toEqual({ issued: 0, failed: 1 });
    expect(await lastSeq()).toBe(last);
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    await produceAll();
    const { rows } = await pool.query(
      `SELECT number_seq FROM documents WHERE organization_id = $1 AND number_year = 2026 AND number_seq IS NOT NULL
       ORDER BY number_seq`,
      [DEMO.meiyuanCommittee],
    );
    expect(rows.map((r) => r.number_seq)).toEqual(rows.map((_r, i) => i + 1));
    const { rows: correction } = await pool.query(`SELECT number_seq, number FROM documents WHERE id = $1`, [body.id]);
    expect(correction[0].number_seq).toBe(last + 1);
    expect(correction[0].number).toBe(`（2026）玄梅人调字第${last + 1}号`);
  });

  it('leaves nothing half-written when rendering crashes: pending with no 文号 and no bytes, then retried', async () => {
    const id = await agreedCase();
    const original = await agreementOf(id);
    const { body } = await correct(mediator, id, original.id, { reason: REASON }).expect(201);
    const render = renderer.render;
    renderer.render = async () => {
      renderer.render = render;
      throw new Error('renderer crashed');
    };
    expect(await producer.produceOnce()).toEqual({ issued: 0, failed: 1 });
    const { rows } = await pool.query(
      `SELECT status, number, sha256, content_encrypted, last_error FROM documents WHERE id = $1`,
      [body.id],
    );
    expect(rows).toEqual([
      { status: 'pending', number: null, sha256: null, content_encrypted: null, last_error: 'renderer crashed' },
    ]);
    // Meanwhile the original is still the one in force, and a second correction is refused (409).
    await correct(mediator, id, original.id, { reason: REASON }).expect(409);
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    await produceAll();
    expect((await documentsOf(id)).find((d) => d.id === body.id)!.status).toBe('issued');
  });

  it('refuses to correct a replaced document twice (409 DOCUMENT_ALREADY_CORRECTED); a correction may be', async () => {
    const id = await agreedCase();
    const original = await agreementOf(id);
    const first = (await correct(mediator, id, original.id, { reason: REASON }).expect(201)).body;
    await produceAll();
    const before = await versionOf(id);
    const count = (await documentsOf(id)).length;
    const { body } = await correct(mediator, id, original.id, { reason: '再次更正' }).expect(409);
    expect(body).toMatchObject({ code: 'DOCUMENT_ALREADY_CORRECTED', replacedByDocumentId: first.id });
    expect([await versionOf(id), (await documentsOf(id)).length]).toEqual([before, count]);
    const second = (await correct(mediator, id, first.id, { reason: '更正件的日期有误' }).expect(201)).body;
    await produceAll();
    const text = await pdfText(await download(id, second.id));
    const firstNumber = (await documentsOf(id)).find((d) => d.id === first.id)!.number!;
    expect(text).toContain(`本文书系对${firstNumber}《人民调解协议书》`);
  });

  it('shows all who see the case the reason, ID and phone numbers masked (PIPL Art. 51); printed in full', async () => {
    const id = await agreedCase();
    const original = await agreementOf(id);
    const reason = '申请人身份证号码误写为110105194912310021，电话误写为13800138001，经核对更正';
    const { body } = await correct(mediator, id, original.id, { reason }).expect(201);
    const masked = '申请人身份证号码误写为110105********0021，电话误写为138****8001，经核对更正';
    expect(body.correctionReason).toBe(masked);
    const reception = await t.as('reception');
    const listed = (await reception.get(`/api/v1/cases/${id}/documents`).expect(200)).body.items;
    expect(listed.find((d: Listed) => d.id === body.id).correctionReason).toBe(masked);
    const trail = (await reception.get(`/api/v1/cases/${id}/events`).expect(200)).body.items;
    expect(trail.at(-1).payload.reason).toBe(masked);
    await produceAll();
    expect(await pdfText(await download(id, body.id))).toContain(reason);
  });

  it('gives the corrected agreement a Word copy with the same correction line (filled before printing)', async () => {
    const id = await agreedCase();
    const original = await agreementOf(id);
    await renameParty(id, 'p1', '张叁');
    const { body } = await correct(mediator, id, original.id, { reason: REASON }).expect(201);
    await produceAll();
    const response = await mediator
      .get(`/api/v1/cases/${id}/documents/${body.id}?format=docx`)
      .buffer(true)
      .parse(bytes)
      .expect(200);
    const xml = zipEntry(response.body as Buffer, 'word/document.xml').toString('utf8');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`本文书系对${original.number}《人民调解协议书》`);
    expect(text).toContain('张叁');
    expect(text).toContain('承担维修费用');
  });

  it('refuses a document not issued yet (409 DOCUMENT_NOT_ISSUED) and writes nothing', async () => {
    const { body: created } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
    await send(created.id, 'application.accepted');
    await send(created.id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' });
    const [pending] = await documentsOf(created.id);
    expect(pending!.status).toBe('pending');
    const before = await versionOf(created.id);
    const { body } = await correct(mediator, created.id, pending!.id, { reason: REASON });
    expect([body.status, body.code]).toEqual([409, 'DOCUMENT_NOT_ISSUED']);
    expect(await versionOf(created.id)).toBe(before);
  });

  it('answers 400 naming reason when missing or too short, 412 on a stale If-Match, and writes nothing', async () => {
    const id = await agreedCase();
    const original = await agreementOf(id);
    const before = await versionOf(id);
    for (const bad of [{}, { reason: '' }, { reason: 'x' }, { reason: 3 }]) {
      const { body } = await correct(mediator, id, original.id, bad).expect(400);
      expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    }
    await mediator
      .post(`/api/v1/cases/${id}/documents/${original.id}/corrections`)
      .set('If-Match', `"${before - 1}"`)
      .send({ reason: REASON })
      .expect(412);
    expect(await versionOf(id)).toBe(before);
    expect((await documentsOf(id)).every((d) => !d.replacedByDocumentId)).toBe(true);
    await mediator
      .post(`/api/v1/cases/${id}/documents/${original.id}/corrections`)
      .set('If-Match', `"${before}"`)
      .send({ reason: REASON })
      .expect(201);
  });

  it('refuses other roles (reception, supervisor: 403); 404 out of scope or for another case’s document', async () => {
    const id = await agreedCase();
    const other = await agreedCase();
    const original = await agreementOf(id);
    await correct(await t.as('reception'), id, original.id, { reason: REASON }).expect(403);
    await correct(await t.as('supervisor'), id, original.id, { reason: REASON }).expect(403);
    await correct(await t.as('court'), id, original.id, { reason: REASON }).expect(404);
    await correct(mediator, other, original.id, { reason: REASON }).expect(404);
    expect((await documentsOf(id)).every((d) => !d.replacedByDocumentId)).toBe(true);
  });

  it('binds the correction in the dossier right after the document it replaces, both marked in the index', async () => {
    const id = await agreedCase();
    const original = await agreementOf(id);
    await correct(mediator, id, original.id, { reason: REASON }).expect(201);
    await produceAll();
    const response = await mediator.get(`/api/v1/cases/${id}/dossier`).buffer(true).parse(bytes).expect(200);
    const text = await pdfText(response.body as Buffer);
    const replacedAt = text.indexOf('人民调解协议书（已更正）');
    const correctionAt = text.indexOf('人民调解协议书（更正）');
    expect(replacedAt).toBeGreaterThan(0);
    expect(correctionAt).toBeGreaterThan(replacedAt);
  });
});
