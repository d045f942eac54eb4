import { createHash } from 'node:crypto';
import type pg from 'pg';
import { poolOf } from '../src/database/dataSource.js';
import { DocumentProducer } from '../src/documents/documentProducer.js';
import { DataProtection } from '../src/security/dataProtection.js';
import { anIntake, DEMO_MEDIATOR, ID_NUMBERS, writtenAgreement } from './support/factories.js';
import { startTestApp, type Client, type TestApp } from './support/testApp.js';
import { bytes, pdfText } from './support/pdfText.js';

/**
 * 更正当事人信息 (issue 15): `party.corrected` over HTTP on real PostgreSQL — the party's row
 * corrected with the event (ID number, phone and 民族 encrypted, the ID number's hash recomputed),
 * the case read masked, the trail masked (PIPL Arts. 28, 51), and a correction of the agreement
 * printing the corrected details while the original keeps its bytes.
 */
let t: TestApp;
let pool: pg.Pool;
let protection: DataProtection;
let producer: DocumentProducer;
let mediator: Client;
beforeAll(async () => {
  t = await startTestApp();
  pool = poolOf(t.dataSource);
  protection = t.app.get(DataProtection);
  producer = t.app.get(DocumentProducer);
  mediator = await t.as('mediator');
});
afterAll(() => t.close());

/** The corrected ID number (a valid GB 11643 check digit), and what must never be in clear: its first 17 digits. */
const NEW_ID = ID_NUMBERS.wang;
const REASON = `身份证号码误写为${ID_NUMBERS.zhang}，姓名误写为“张三”，经核对身份证件更正`;

const send = (id: string, type: string, payload: Record<string, unknown> = {}, client: Client = t.http) =>
  client.post(`/api/v1/cases/${id}/events`).send({ type, payload });
const correction = (changes: Record<string, unknown>, partyId = 'p1') => ({ partyId, changes, reason: REASON });
const caseOf = async (id: string) => (await t.http.get(`/api/v1/cases/${id}`).expect(200)).body;
const partyRow = async (id: string, partyId = 'p1') =>
  (await pool.query('SELECT * FROM parties WHERE case_id = $1 AND party_id = $2', [id, partyId])).rows[0];

async function produceAll(): Promise<void> {
  for (let pass = 0; pass < 20; pass++) {
    const { issued, failed } = await producer.produceOnce();
    if (!issued && !failed) return;
  }
}

async function openCase(): Promise<string> {
  const { body } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
  await send(body.id, 'application.accepted').expect(200);
  await send(body.id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' }).expect(200);
  return body.id;
}

async function download(id: string, documentId: string): Promise<Buffer> {
  const response = await mediator.get(`/api/v1/cases/${id}/documents/${documentId}`).buffer(true).parse(bytes);
  expect(response.status).toBe(200);
  return response.body as Buffer;
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('party.corrected over HTTP (更正当事人信息)', () => {
  it(
    'PIPL Art. 51; PML Art. 29: corrects the name and ID number — the read masked, the row re-encrypted with its ' +
      'hash, no clear number in the snapshot or trail; a correction of the agreement prints them',
    async () => {
      const id = await openCase();
      await send(id, 'agreement.signed', writtenAgreement()).expect(200);
      await produceAll();
      const documents = (await mediator.get(`/api/v1/cases/${id}/documents`).expect(200)).body.items;
      const original = documents.find((d: { kind: string }) => d.kind === 'agreement');
      const originalBytes = await download(id, original.id);
      const before = await partyRow(id);
      const { version } = await caseOf(id);

      const { body } = await t.http
        .post(`/api/v1/cases/${id}/events`)
        .set('If-Match', `"${version}"`)
        .send({ type: 'party.corrected', payload: correction({ name: '张叁', idNumber: NEW_ID }) })
        .expect(200);
      const masked = `${NEW_ID.slice(0, 6)}********${NEW_ID.slice(-4)}`;
      expect(body).toMatchObject({ version: version + 1, state: 'agreementEffective' });
      expect(body.parties[0]).toMatchObject({
        id: 'p1',
        role: 'applicant',
        kind: 'person',
        name: '张叁',
        idNumber: masked,
      });
      expect(body.parties[1]).toMatchObject({ id: 'p2', name: '李四' });
      expect((await caseOf(id)).parties[0]).toMatchObject({ name: '张叁', idNumber: masked, phone: '138****8000' });

      const row = await partyRow(id);
      expect(row.name).toBe('张叁');
      expect(row.id_number_encrypted).not.toContain(NEW_ID.slice(0, 17));
      expect(protection.decrypt(row.id_number_encrypted)).toBe(NEW_ID);
      expect(row.id_number_hash).toBe(protection.hashIdNumber(NEW_ID));
      expect(row.phone_encrypted).toBe(before.phone_encrypted);
      const stored = await pool.query('SELECT snapshot, search_text FROM cases WHERE id = $1', [id]);
      expect(JSON.stringify(stored.rows[0].snapshot)).not.toContain(NEW_ID.slice(0, 17));
      expect(stored.rows[0].snapshot.context.parties[0]).toMatchObject({
        name: '张叁',
        idNumber: protection.hashIdNumber(NEW_ID),
      });
      expect(stored.rows[0].search_text).toContain('张叁');

      const trail = await pool.query(
        `SELECT payload FROM case_events WHERE case_id = $1 AND type = 'party.corrected'`,
        [id],
      );
      expect(trail.rows).toHaveLength(1);
      const entry = JSON.stringify(trail.rows[0].payload);
      expect(entry).not.toContain(NEW_ID.slice(0, 17));
      expect(entry).not.toContain(ID_NUMBERS.zhang.slice(0, 17));
      expect(trail.rows[0].payload).toMatchObject({ partyId: 'p1', changes: { name: '张叁', idNumber: masked } });
      const events = await t.http.get(`/api/v1/cases/${id}/events`).expect(200);
      expect(JSON.stringify(events.body)).not.toContain(NEW_ID.slice(0, 17));
      expect(
        (await t.http.get('/api/v1/cases?q=张叁').expect(200)).body.items.map((c: { id: string }) => c.id),
      ).toContain(id);

      // Found by the corrected ID number (its recomputed keyed hash), no longer by the wrong one.
      const byIdNumber = async (idNumber: string) =>
        (await t.http.get(`/api/v1/cases?idNumber=${idNumber}`).expect(200)).body.items.map(
          (c: { id: string }) => c.id,
        );
      expect(await byIdNumber(NEW_ID)).toContain(id);
      expect(await byIdNumber(ID_NUMBERS.zhang)).not.toContain(id);

      const { body: corrected } = await mediator
        .post(`/api/v1/cases/${id}/documents/${original.id}/corrections`)
        .send({ reason: '当事人姓名、身份证号码有误' })
        .expect(201);
      await produceAll();
      const text = await pdfText(await download(id, corrected.id));
      expect(text).toContain('张叁');
      expect(text).toContain(NEW_ID);
      expect(text).not.toContain(ID_NUMBERS.zhang);
      expect(sha256(await download(id, original.id))).toBe(sha256(originalBytes));
      expect(await pdfText(originalBytes)).toContain(ID_NUMBERS.zhang);
    },
  );

  it(
    'PIPL Art. 28: corrects the phone, 民族 and address — encrypted in the row, masked in the read and the trail, ' +
      'absent from the snapshot; the logged read gives them in full',
    async () => {
      const id = await openCase();
      await send(
        id,
        'party.corrected',
        correction({ phone: '13700137000', ethnicity: '回族', address: '玄武区梅园新村8号' }, 'p2'),
      ).expect(200);
      const party = (await caseOf(id)).parties[1];
      expect(party).toMatchObject({
        phone: '137****7000',
        ethnicity: '**',
        address: '玄武区梅园新村8号',
        name: '李四',
      });
      const row = await partyRow(id, 'p2');
      expect(protection.decrypt(row.phone_encrypted)).toBe('13700137000');
      expect(protection.decrypt(row.ethnicity_encrypted)).toBe('回族');
      expect(protection.decrypt(row.id_number_encrypted)).toBe(ID_NUMBERS.li);
      const stored = await pool.query('SELECT snapshot::text AS s FROM cases WHERE id = $1', [id]);
      for (const secret of ['13700137000', '回族']) expect(stored.rows[0].s).not.toContain(secret);
      const trail = await pool.query(`SELECT payload::text AS p FROM case_events WHERE case_id = $1 AND type = $2`, [
        id,
        'party.corrected',
      ]);
      for (const secret of ['13700137000', '回族']) expect(trail.rows[0].p).not.toContain(secret);
      const { body } = await mediator
        .post(`/api/v1/cases/${id}/parties/p2/personal-data`)
        .send({ reason: '核对更正后的联系方式' })
        .expect(200);
      expect(body).toMatchObject({ phone: '13700137000', ethnicity: '回族', idNumber: ID_NUMBERS.li });
    },
  );

  describe('refusals write nothing', () => {
    let id: string;
    let version: number;
    let row: Record<string, unknown>;
    beforeAll(async () => {
      id = await openCase();
      version = (await caseOf(id)).version;
      row = await partyRow(id);
    });
    afterEach(async () => {
      expect((await caseOf(id)).version).toBe(version);
      expect(await partyRow(id)).toEqual(row);
    });

    it.each([
      ['no change at all', {}, 'payload.changes'],
      [
        'an ID number with a wrong check digit (GB 11643)',
        { idNumber: '110105194912310021' },
        'payload.changes.idNumber',
      ],
      ['a changed role (not a correction: another party)', { role: 'respondent' }, 'payload.changes.role'],
      ['a changed kind (not a correction: another party)', { kind: 'organization' }, 'payload.changes.kind'],
    ])('400 for %s, naming the field', async (_name, changes, field) => {
      const { body } = await send(id, 'party.corrected', correction(changes)).expect(400);
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('flows.md "Intake": 422 UNKNOWN_PARTY for a party the case does not have', async () => {
      const { body } = await send(id, 'party.corrected', correction({ name: '王五' }, 'p7')).expect(422);
      expect(body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'UNKNOWN_PARTY', basis: 'flows.md "Intake"' });
    });

    it('412 VERSION_CONFLICT for a stale If-Match', async () => {
      const { body } = await t.http
        .post(`/api/v1/cases/${id}/events`)
        .set('If-Match', `"${version - 1}"`)
        .send({ type: 'party.corrected', payload: correction({ name: '张叁' }) })
        .expect(412);
      expect(body.code).toBe('VERSION_CONFLICT');
    });

    it('403 for a supervisor, who neither takes a case down nor handles it', async () => {
      const supervisor = await t.as('supervisor');
      const { body } = await send(id, 'party.corrected', correction({ name: '张叁' }), supervisor).expect(403);
      expect(body.code).toBe('FORBIDDEN');
    });
  });

  it('reception, who took the details down at the window, may correct them too', async () => {
    const id = await openCase();
    const reception = await t.as('reception');
    const { body } = await send(id, 'party.corrected', correction({ address: '玄武区梅园新村8号' }), reception).expect(
      200,
    );
    expect(body.parties[0]).toMatchObject({ name: '张三', address: '玄武区梅园新村8号' });
    expect((await partyRow(id)).address).toBe('玄武区梅园新村8号');
  });

  it('409 EVENT_NOT_ALLOWED once the case has ended (a final state takes no event)', async () => {
    const { body: opened } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
    await send(opened.id, 'application.rejected', { reason: 'outOfScope' }).expect(200);
    const row = await partyRow(opened.id);
    const { body } = await send(opened.id, 'party.corrected', correction({ name: '张叁' })).expect(409);
    expect(body.code).toBe('EVENT_NOT_ALLOWED');
    expect(await partyRow(opened.id)).toEqual(row);
  });
});
