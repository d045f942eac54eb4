import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { DataSource } from 'typeorm';
import { ENTITIES, MIGRATIONS } from '../src/database/dataSource.js';
import { MAX_INPUT_DEPTH } from '../src/common/wellFormedInput.pipe.js';
import { aParty, anIntake, DEMO, ID_NUMBERS } from './support/factories.js';
import { createTestDatabase, startTestApp, withDatabase, type TestApp } from './support/testApp.js';

/**
 * Issue 10, "500s on bad input": every bad input is a 400 (or 409/503) naming what is wrong, and nothing is written.
 */

const WRITTEN_TABLES = ['cases', 'case_events', 'parties', 'outbox', 'deadlines', 'organizations'] as const;

async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of WRITTEN_TABLES)
    counts[table] = Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return counts;
}

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const nested = (depth: number, leaf = '1') => `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const A_UUID = '2f1c6a5e-8d3b-4c1a-9e7f-0a1b2c3d4e5f';

describe('bad input', () => {
  let t: TestApp;
  let caseId: string;
  let logLines: string[];

  beforeAll(async () => {
    logLines = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    t = await startTestApp({ logger: pino({ level: 'info' }, sink) });
    caseId = (await t.http.post('/api/v1/cases').send(anIntake()).expect(201)).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('NUL and lone surrogates, which PostgreSQL refuses', () => {
    it.each([
      [
        'a NUL in a party’s name',
        anIntake({
          parties: [
            aParty({ name: '张\u0000三' }),
            aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li }),
          ],
        }),
        'parties[0].name',
      ],
      ['a lone high surrogate in the summary', anIntake({ summary: '楼上漏水\uD800维修费用争议' }), 'summary'],
      [
        'a lone low surrogate in a respondent’s name',
        anIntake({ parties: [aParty(), aParty({ role: 'respondent', name: '李\uDC00四', idNumber: ID_NUMBERS.li })] }),
        'parties[1].name',
      ],
      ['a NUL in a key', { ...anIntake(), 'summ\u0000ary': 'x' }, '"summ\\u0000ary"'],
    ])('refuses an intake with %s: 400 naming the field, nothing written', async (_label, intake, field) => {
      const before = await rowCounts(t);
      const { body } = await t.http.post('/api/v1/cases').send(intake).expect(400);
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(body)).toEqual([field]);
      expect(await rowCounts(t)).toEqual(before);
    });

    it('refuses an event whose payload text holds a NUL: 400 naming payload.mediatorId, nothing written', async () => {
      await t.http.post(`/api/v1/cases/${caseId}/events`).send({ type: 'application.accepted' }).expect(200);
      const before = await rowCounts(t);
      const { body } = await t.http
        .post(`/api/v1/cases/${caseId}/events`)
        .send({ type: 'mediator.assigned', payload: { mediatorId: 'm-1\u0000', chosenBy: 'parties' } })
        .expect(400);
      expect(fieldsOf(body)).toEqual(['payload.mediatorId']);
      expect(await rowCounts(t)).toEqual(before);
    });

    it.each([
      ['/api/v1/cases?q=%00', 'query.q'],
      ['/api/v1/cases?flow=people%00mediation', 'query.flow'],
      ['/api/v1/cases?state=mediating%00', 'query.state'],
      ['/api/v1/deadlines?kind=mediationPeriod%00', 'query.kind'],
      ['/api/v1/flows/people-mediation%00', 'params.id'],
    ])('refuses %s with a 400 naming %s', async (url, field) => {
      const { body } = await t.http.get(url).expect(400);
      expect(fieldsOf(body)).toEqual([field]);
    });

    it('refuses a party id with a NUL in the path: 400 naming params.partyId, no access logged', async () => {
      const before = Number((await t.dataSource.query(`SELECT count(*) AS n FROM personal_data_access_log`))[0].n);
      const court = await t.as('city-court');
      const { body } = await court
        .post(`/api/v1/cases/${caseId}/parties/p1%00/personal-data`)
        .send({ reason: '核对当事人身份信息' })
        .expect(400);
      expect(fieldsOf(body)).toEqual(['params.partyId']);
      expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM personal_data_access_log`))[0].n)).toBe(
        before,
      );
    });

    it('still takes text with paired surrogates (characters outside the BMP)', async () => {
      await t.http
        .post('/api/v1/cases')
        .send(anIntake({ summary: '邻里纠纷 𠀀𪚥 漏水维修' }))
        .expect(201);
    });
  });

  describe('deep nesting', () => {
    it('refuses an intake nested thousands of levels deep before validating it: 400, nothing written', async () => {
      const before = await rowCounts(t);
      const { body } = await t.http
        .post('/api/v1/cases')
        .set('content-type', 'application/json')
        .send(`{"flow":"people-mediation","summary":${'['.repeat(5000)}${']'.repeat(5000)}}`)
        .expect(400);
      expect(body.errors).toEqual([
        {
          field: expect.stringMatching(/^summary(\[0\])+$/),
          message: `is nested deeper than ${MAX_INPUT_DEPTH} levels`,
        },
      ]);
      expect(await rowCounts(t)).toEqual(before);
    });

    it('refuses an event payload nested thousands of levels deep: 400, nothing written', async () => {
      const before = await rowCounts(t);
      const { body } = await t.http
        .post(`/api/v1/cases/${caseId}/events`)
        .set('content-type', 'application/json')
        .send(`{"type":"agreement.signed","payload":${nested(8000)}}`)
        .expect(400);
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors[0].message).toBe(`is nested deeper than ${MAX_INPUT_DEPTH} levels`);
      expect(await rowCounts(t)).toEqual(before);
    });

    it(`refuses one level beyond ${MAX_INPUT_DEPTH} but lets ${MAX_INPUT_DEPTH} through to validation`, async () => {
      const admin = await t.as('admin');
      const at = (depth: number) =>
        `{"name":"x","shortName":"甲","kind":"court","level":"district","parentId":"${DEMO.xuanwu}",` +
        `"policy":${nested(depth - 1)}}`;
      const deep = await admin
        .post('/api/v1/organizations')
        .set('content-type', 'application/json')
        .send(at(MAX_INPUT_DEPTH + 1))
        .expect(400);
      expect(deep.body.errors[0].message).toMatch(/nested deeper/);
      const fine = await admin
        .post('/api/v1/organizations')
        .set('content-type', 'application/json')
        .send(at(MAX_INPUT_DEPTH))
        .expect(400);
      expect(fieldsOf(fine.body)).toEqual(['policy']);
    });
  });

  describe('malformed percent-escapes', () => {
    it('answers /health?idNumber=%ZZ without a 500 and still writes its log line', async () => {
      const response = await t.anonymous.get('/health?idNumber=%ZZ');
      expect(response.status).toBeLessThan(500);
      await new Promise((resolve) => setImmediate(resolve));
      expect(logLines.some((line) => line.includes('"url":"/health?idNumber=') && line.includes('"statusCode":'))).toBe(
        true,
      );
    });

    it.each(['/api/v1/cases?idNumber=%ZZ', '/api/v1/cases?idNumber=%31%ZZ&q=%'])(
      'answers %s with a 400, not a 500',
      async (url) => {
        await t.http.get(url).expect(400);
      },
    );

    it('reads a truncated UTF-8 escape (?q=%E4%B8) as a replacement character, not a 500', async () => {
      await t.http.get('/api/v1/cases?q=%E4%B8').expect(200);
    });

    it('answers an anonymous /api/v1/cases?idNumber=%ZZ with a 401, not a 500', async () => {
      await t.anonymous.get('/api/v1/cases?idNumber=%ZZ').expect(401);
    });
  });

  describe('forged cursors', () => {
    it.each([
      ['a year PostgreSQL refuses', ['0000-01-01T00:00:00.000Z', A_UUID]],
      ['a date beyond PostgreSQL’s range', ['+275760-09-13T00:00:00.000Z', A_UUID]],
      ['a day that does not exist', ['2026-02-30T00:00:00.000Z', A_UUID]],
      ['a date without a time', ['2026-02-01', A_UUID]],
      ['an id of dashes', ['2026-02-01T00:00:00.000Z', '------------------------------------']],
      ['an id with a letter beyond f', ['2026-02-01T00:00:00.000Z', '2f1c6a5e-8d3b-4c1a-9e7f-0a1b2c3d4e5g']],
      ['a number for the date', [1767225600000, A_UUID]],
      ['an object', { openedAt: '2026-02-01T00:00:00.000Z', id: A_UUID }],
    ])('refuses a cursor with %s: 400 on cursor', async (_label, value) => {
      const { body } = await t.http.get(`/api/v1/cases?cursor=${cursorOf(value)}`).expect(400);
      expect(fieldsOf(body)).toEqual(['cursor']);
    });

    it('still pages with the cursors it issues', async () => {
      const first = await t.http.get('/api/v1/cases?limit=1').expect(200);
      const second = await t.http.get(`/api/v1/cases?limit=1&cursor=${first.body.nextCursor}`).expect(200);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    });
  });

  describe('unknown query parameters', () => {
    it.each([
      ['/api/v1/cases?constructor=1', 'query.constructor'],
      ['/api/v1/cases?__proto__=1', 'query.__proto__'],
      ['/api/v1/cases?prototype=1', 'query.prototype'],
      ['/api/v1/deadlines?constructor=1', 'query.constructor'],
      ['/api/v1/organizations?status=open', 'query.status'],
      [`/api/v1/cases/${A_UUID}?fields=all`, 'query.fields'],
      ['/api/v1/flows?constructor=1', 'query.constructor'],
    ])('refuses %s with a 400 naming %s', async (url, field) => {
      const { body } = await t.http.get(url).expect(400);
      expect(fieldsOf(body)).toEqual([field]);
    });

    it('refuses __proto__ and constructor as body fields too', async () => {
      const before = await rowCounts(t);
      const { body } = await t.http
        .post('/api/v1/cases')
        .set('content-type', 'application/json')
        .send(`${JSON.stringify(anIntake()).slice(0, -1)},"__proto__":{"admin":true}}`)
        .expect(400);
      expect(fieldsOf(body)).toEqual(['__proto__']);
      const withConstructor = await t.http
        .post(`/api/v1/cases/${caseId}/events`)
        .send({ type: 'application.accepted', constructor: { name: 'x' } })
        .expect(400);
      expect(fieldsOf(withConstructor.body)).toEqual(['constructor']);
      expect(await rowCounts(t)).toEqual(before);
    });
  });

  describe('case numbers unique by construction (docs/decisions/service.md)', () => {
    const organization = (overrides: Record<string, unknown>) => ({
      name: '测试机构',
      kind: 'committee',
      level: 'street',
      parentId: DEMO.xinjiekou,
      ...overrides,
    });

    it.each([
      ['a second committee named 玄梅', organization({ shortName: '玄梅', parentId: DEMO.meiyuan })],
      [
        'a centre 玄梅人, whose 玄梅人调字 reads like the 玄梅 committee’s',
        organization({ shortName: '玄梅人', kind: 'centre', level: 'community', parentId: DEMO.meiyuan }),
      ],
      [
        'a court whose own pattern gives the committee’s numbers',
        organization({
          shortName: '玄梅',
          kind: 'court',
          level: 'street',
          parentId: DEMO.meiyuan,
          caseNumberPattern: '（{year}）{short}人调字第{seq:4}号',
        }),
      ],
    ])(
      'refuses %s: 400 on shortName naming the organisation it would collide with, nothing written',
      async (_label, dto) => {
        const admin = await t.as('admin');
        const before = await rowCounts(t);
        const { body } = await admin.post('/api/v1/organizations').send(dto).expect(400);
        expect(body.errors).toEqual([
          { field: 'shortName', message: expect.stringContaining('梅园新村街道人民调解委员会') },
        ]);
        expect(await rowCounts(t)).toEqual(before);
      },
    );

    it.each([
      ['a short name with a digit', organization({ shortName: '玄1' }), 'shortName'],
      ['a short name with a brace', organization({ shortName: '玄{seq}' }), 'shortName'],
      [
        'a pattern with digits of its own',
        organization({ shortName: '玄新', caseNumberPattern: '（{year}）{short}调字第1{seq:4}号' }),
        'caseNumberPattern',
      ],
      [
        'a padded short name',
        organization({ shortName: '玄新', caseNumberPattern: '（{year}）{short:3}调字第{seq:4}号' }),
        'caseNumberPattern',
      ],
    ])('refuses %s, which could make numbers read alike', async (_label, dto, field) => {
      const { body } = await (await t.as('admin')).post('/api/v1/organizations').send(dto).expect(400);
      expect(fieldsOf(body)).toEqual([field]);
    });

    it('refuses the same numbering even when written straight into the table (the unique index)', async () => {
      await expect(
        t.dataSource.query(
          `INSERT INTO organizations (id, parent_id, name, short_name, kind, level, path, case_number_pattern, policy)
           VALUES ($1, $2, 'x', '玄梅', 'committee', 'street', $3, '（{year}）{short}人调字第{seq:3}号', '{}')`,
          [A_UUID, DEMO.meiyuan, `/x/${A_UUID}/`],
        ),
      ).rejects.toThrow(/organizations_case_number_stem/);
    });

    it('opens cases at two organisations sharing a short name, not a numbering, each with its own number', async () => {
      const admin = await t.as('admin');
      const { body: committee } = await admin
        .post('/api/v1/organizations')
        .send(organization({ name: '新街口街道人民调解委员会', shortName: '玄新' }))
        .expect(201);
      const numbers = [];
      for (const organizationId of [committee.id, DEMO.meiyuanCommittee, committee.id]) {
        numbers.push(
          (await t.http.post('/api/v1/cases').send(anIntake({ organizationId })).expect(201)).body.caseNumber,
        );
      }
      expect(numbers[0]).toMatch(/^（2026）玄新人调字第0000[1-9]号$/);
      expect(new Set(numbers).size).toBe(3);
    });
  });
});

describe('case numbers: the migration on a database that already has colliding organisations', () => {
  it('stops with the organisations’ names instead of leaving openings to fail', async () => {
    const url = await createTestDatabase();
    const index = MIGRATIONS.findIndex((m) => m.name === 'UniqueCaseNumberStems1763900000005');
    const before = new DataSource({
      type: 'postgres',
      url,
      entities: ENTITIES,
      migrations: MIGRATIONS.slice(0, index),
      migrationsTableName: 'migrations',
    });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    for (const [id, name] of [
      ['00000000-0000-4000-8000-0000000000f1', '甲街道人民调解委员会'],
      ['00000000-0000-4000-8000-0000000000f2', '乙街道人民调解委员会'],
    ]) {
      await before.query(
        `INSERT INTO organizations (id, parent_id, name, short_name, kind, level, path, case_number_pattern, policy)
         VALUES ($1, NULL, $2, '同', 'committee', 'city', $3, '（{year}）{short}人调字第{seq:5}号', '{}')`,
        [id, name, `/${id}/`],
      );
    }
    await before.destroy();
    const after = new DataSource({
      type: 'postgres',
      url,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      migrationsTableName: 'migrations',
    });
    await after.initialize();
    try {
      await expect(after.runMigrations({ transaction: 'each' })).rejects.toThrow(
        /(?=.*甲街道人民调解委员会)(?=.*乙街道人民调解委员会).* all number （#）同人调字第#号/,
      );
    } finally {
      await after.destroy();
    }
  });
});

describe('while PostgreSQL cannot be reached', () => {
  /** A TCP relay between the service and PostgreSQL: closing it is the database going away, for this service only. */
  class Relay {
    private server: Server | undefined;
    private readonly sockets = new Set<Socket>();
    port = 0;

    async open(port = 0): Promise<void> {
      const target = new URL(process.env.JIEFEN_TEST_ADMIN_URL!);
      this.server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          this.sockets.add(socket);
          socket.on('error', () => socket.destroy());
          socket.on('close', () => this.sockets.delete(socket));
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
      this.port = (this.server!.address() as AddressInfo).port;
    }

    async close(): Promise<void> {
      for (const socket of this.sockets) socket.destroy();
      await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
    }
  }

  let relay: Relay;
  let t: TestApp;

  beforeAll(async () => {
    const direct = await createTestDatabase();
    relay = new Relay();
    await relay.open();
    const through = new URL(direct);
    through.host = `127.0.0.1:${relay.port}`;
    t = await startTestApp({ databaseUrl: withDatabase(through.toString(), through.pathname.slice(1)) });
  });
  afterAll(async () => {
    await t.close();
    await relay.close();
  });

  it('answers events, reads and /health with 503 SERVICE_UNAVAILABLE and Retry-After, then recovers', async () => {
    const { body: opened } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
    await relay.close();

    const event = await t.http.post(`/api/v1/cases/${opened.id}/events`).send({ type: 'application.accepted' });
    expect(event.status).toBe(503);
    expect(event.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(event.headers['retry-after']).toBe('5');
    const list = await t.http.get('/api/v1/cases');
    expect([list.status, list.body.code, list.headers['retry-after']]).toEqual([503, 'SERVICE_UNAVAILABLE', '5']);
    const intake = await t.http.post('/api/v1/cases').send(anIntake());
    expect([intake.status, intake.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    const health = await t.anonymous.get('/health');
    expect([health.status, health.headers['retry-after']]).toEqual([503, '5']);

    await relay.open(relay.port);
    await t.http.post(`/api/v1/cases/${opened.id}/events`).send({ type: 'application.accepted' }).expect(200);
  });
});
