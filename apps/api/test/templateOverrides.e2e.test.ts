import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { AppModule } from '../src/app.module.js';
import { FixedClock } from '../src/common/clock.js';
import { loadConfig } from '../src/config/config.js';
import { createDataSource, poolOf } from '../src/database/dataSource.js';
import { DocumentProducer } from '../src/documents/documentProducer.js';
import { TemplateError } from '../src/documents/templateError.js';
import { anIntake } from './support/factories.js';
import { anOverrideDir, bundledTemplate, rewordedAcceptanceNotice } from './support/templateOverride.js';
import { createTestDatabase, startTestApp, TEST_ENV, type TestApp } from './support/testApp.js';
import { bytes, pdfText } from './support/pdfText.js';

/**
 * A province's template directory through the service (issue 15): configured by
 * `JIEFEN_TEMPLATE_DIR`, loaded at boot, its wording printed on the documents produced, and the
 * template's source and file hash kept with each issued document (migration 1763900000014).
 */
const DEMO_MEDIATOR_ID = '00000000-0000-4000-8000-0000000000a2';
const ACCEPTANCE = 'people-mediation/acceptanceNotice.json';
const WORDING =
  '{{case.acceptedOn|date}}，本委员会依当事人申请受理{{partyNames.applicants}}与{{partyNames.respondents}}之间的纠纷（省定格式）。';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  const labels = bundledTemplate('labels.json');
  labels.categories.neighbour = '相邻关系纠纷';
  dir = anOverrideDir({ [ACCEPTANCE]: rewordedAcceptanceNotice(WORDING), 'labels.json': labels });
  t = await startTestApp({ config: { templateDir: dir } });
});
afterAll(async () => {
  await t.close();
});

async function acceptedCase(): Promise<string> {
  const { body } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
  const send = (type: string, payload: Record<string, unknown> = {}) =>
    t.http.post(`/api/v1/cases/${body.id}/events`).send({ type, payload }).expect(200);
  await send('application.accepted');
  await send('mediator.assigned', { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' });
  for (let pass = 0; pass < 5; pass++) if (!(await t.app.get(DocumentProducer).produceOnce()).issued) break;
  return body.id;
}

it('prints the province’s wording and labels; the archive records the document came from its directory', async () => {
  const id = await acceptedCase();
  const mediator = await t.as('mediator');
  const { body } = await mediator.get(`/api/v1/cases/${id}/documents`).expect(200);
  const acceptance = body.items.find((d: { kind: string }) => d.kind === 'acceptanceNotice');
  expect(acceptance.status).toBe('issued');
  const sha256 = createHash('sha256')
    .update(readFileSync(join(dir, ACCEPTANCE)))
    .digest('hex');
  expect(acceptance.template).toEqual({
    name: ACCEPTANCE,
    version: bundledTemplate(ACCEPTANCE).version + 1,
    source: 'override',
    sha256,
  });
  expect(acceptance.lastError).toBeNull();
  const pdf = await mediator
    .get(`/api/v1/cases/${id}/documents/${acceptance.id}`)
    .buffer(true)
    .parse(bytes)
    .expect(200);
  const text = await pdfText(pdf.body as Buffer);
  expect(text).toContain('本委员会依当事人申请受理');
  expect(text).toContain('（省定格式）');
  expect(text).toContain('纠纷类型：相邻关系纠纷');
  const { rows } = await poolOf(t.dataSource).query(
    `SELECT kind, template, template_source, template_sha256 FROM documents WHERE case_id = $1 AND status = 'issued'
     ORDER BY kind`,
    [id],
  );
  expect(rows.find((r) => r.kind === 'acceptanceNotice')).toEqual({
    kind: 'acceptanceNotice',
    template: ACCEPTANCE,
    template_source: 'override',
    template_sha256: sha256,
  });
  // The notice of rights and duties is not overridden: the release's file, with its own hash.
  const rights = rows.find((r) => r.kind === 'rightsAndDutiesNotice');
  expect(rights?.template_source).toBe('bundled');
  expect(rights?.template_sha256).toMatch(/^[0-9a-f]{64}$/);
});

it('an issued document without a recorded source is refused by the database (the archive always says)', async () => {
  await expect(
    poolOf(t.dataSource).query(
      `INSERT INTO documents (case_id, outbox_id, kind, event_seq, details, ordered_at, available_at, status,
         content_encrypted, sha256, byte_size, produced_at, template)
       SELECT id, -1, 'x', 1, '{}', now(), now(), 'issued', 'x', 'x', 1, now(), 'x' FROM cases LIMIT 1`,
    ),
  ).rejects.toThrow(/documents_issued_template_source/);
});

it('a broken file in the directory stops the service at boot, naming the file', async () => {
  const broken = anOverrideDir({ [ACCEPTANCE]: { ...bundledTemplate(ACCEPTANCE), flowVersions: [] } });
  const databaseUrl = await createTestDatabase();
  const config = {
    ...loadConfig({ ...TEST_ENV, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', JIEFEN_BACKGROUND_JOBS: 'false' }),
    templateDir: broken,
  };
  const dataSource = createDataSource(databaseUrl, 2);
  await dataSource.initialize();
  try {
    const boot = Test.createTestingModule({
      imports: [AppModule.with({ config, dataSource, clock: new FixedClock(new Date()) })],
    }).compile();
    await expect(boot).rejects.toThrow(TemplateError);
    await expect(boot).rejects.toThrow(`${join(broken, ACCEPTANCE)}: flowVersions must list flow versions`);
  } finally {
    await dataSource.destroy();
  }
});
