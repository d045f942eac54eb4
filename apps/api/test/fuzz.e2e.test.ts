import { DECIMAL_PATTERN, getFlow, intakeSpec } from '@jiefen/flows';
import { Agent } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { anIntake, DEMO, writtenAgreement, DEMO_MEDIATOR } from './support/factories.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/testApp.js';

/**
 * Issue 10, "How to prove it": seeded fuzzing of every endpoint family through HTTP, in process.
 * Each generated body is a valid one with one defect the contract forbids (a value its field's spec
 * refuses, a hostile string, a prototype key, deep nesting, an unknown or missing field), so every
 * one must be refused: never a 5xx, never a 2xx, and nothing written. Query strings of the list
 * endpoints mix valid and hostile parameters: never a 5xx. Rerun a failure with its seed:
 * JIEFEN_FUZZ_SEED=<seed>.
 */

const SEED = Number(process.env.JIEFEN_FUZZ_SEED ?? 20261201);
const BODIES_PER_FAMILY = 1000;
const CONCURRENCY = 8;
const WRITTEN_TABLES = [
  'cases',
  'case_events',
  'parties',
  'outbox',
  'deadlines',
  'organizations',
  'users',
  'personal_data_access_log',
] as const;

type Random = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

/** Strings no text field may hold. */
const HOSTILE_TEXT = ['a\u0000b', '\u0000', '张\uD800三', '\uDC00', 'x\uDBFF', '\uDFFF\uD800'];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const BAD_DATES = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '20260301',
  '2026-3-1',
  '9999-99-99',
  '0000-00-00',
  '+275760-09-13',
  'yesterday',
  '2026-03-01T00:00:00Z',
  '',
];
const BAD_UUIDS = [
  'not-a-uuid',
  '00000000-0000-4000-8000-00000000003',
  '00000000-0000-4000-8000-0000000000311',
  'g0000000-0000-4000-8000-000000000031',
  '{00000000-0000-4000-8000-000000000031}',
  '',
];
const HUGE_NUMBERS = [1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 1.5, 0.1, -1];
/** Fails every `format` (idNumber, creditCode, phone) and the short-name rule (no digits, no braces). */
const NOT_IN_FORMAT = ['1234', '12{3}', '9', '玄1'];
const WRONG_TYPES: unknown[] = [42, -0.5, true, false, [], ['x'], {}, { a: 1 }];

const nestedValue = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

/** A defect anywhere, whatever the field: hostile text, deep nesting. */
function anywhereDefect(r: Random): unknown {
  return r() < 0.7 ? pick(r, HOSTILE_TEXT) : nestedValue(33 + Math.floor(r() * (r() < 0.1 ? 3000 : 40)));
}

/** The JSON Schema keywords the payload, intake and envelope schemas use. */
interface Schema {
  type?: string;
  enum?: readonly string[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: readonly string[];
}

/** A value the field's schema refuses. */
function invalidFor(r: Random, spec: Schema): unknown {
  if (r() < 0.25) return anywhereDefect(r);
  switch (spec.type) {
    case 'integer': {
      const [min, max] = [spec.minimum!, spec.maximum!];
      return pick(r, [
        min - 1,
        max + 1,
        1.5,
        `${min}`,
        ...HUGE_NUMBERS.filter((n) => !Number.isInteger(n) || n < min || n > max),
      ]);
    }
    case 'boolean':
      return pick(r, ['true', 1, 0, 'yes', [], {}]);
    case 'array':
      return pick(r, [
        () => ({ 0: 'x' }),
        () => 'list',
        () => 7,
        () => Array.from({ length: (spec.maxItems ?? 200) + 1 }, () => 'x'),
      ])();
    case 'object':
      return pick(r, [() => ['x'], () => 'object', () => 7, () => ({ [`unknown${Math.floor(r() * 1e6)}`]: 'x' })])();
  }
  if (spec.enum)
    return pick(r, [
      () => `zz${Math.floor(r() * 1e6)}`,
      () => spec.enum![0]!.toUpperCase() + 'X',
      () => pick(r, WRONG_TYPES),
      () => '',
    ])();
  if (spec.format === 'date') return pick(r, [...BAD_DATES, 46000, true]);
  if (spec.pattern === DECIMAL_PATTERN)
    return pick(r, ['abc', '12..3', '-5', '1e5', '0012', '1.234', 3000, '9'.repeat(40), ' 12']);
  return pick(r, [
    () => 'x'.repeat(spec.maxLength! + 1 + Math.floor(r() * 50)),
    () => pick(r, WRONG_TYPES),
    () => (spec.format ? pick(r, NOT_IN_FORMAT) : pick(r, HOSTILE_TEXT)),
  ])();
}

/** Fields of a schema-described value, with their paths and whether they are required, that a mutation may hit. */
function fieldsOf(
  value: Record<string, unknown>,
  spec: Schema,
  path: (string | number)[] = [],
): { path: (string | number)[]; spec: Schema; required: boolean }[] {
  const found: { path: (string | number)[]; spec: Schema; required: boolean }[] = [];
  for (const [key, field] of Object.entries(spec.properties ?? {})) {
    const here = [...path, key];
    if (value[key] === undefined) continue;
    found.push({ path: here, spec: field, required: spec.required?.includes(key) ?? false });
    if (field.type === 'object' && isRecord(value[key])) found.push(...fieldsOf(value[key], field, here));
    if (field.type === 'array' && Array.isArray(value[key])) {
      (value[key] as unknown[]).forEach((item, index) => {
        if (field.items!.type === 'object' && isRecord(item))
          found.push(...fieldsOf(item, field.items!, [...here, index]));
        else found.push({ path: [...here, index], spec: field.items!, required: true });
      });
    }
  }
  return found;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function setAt(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node: any = target;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path.at(-1)!] = value;
}

/**
 * One defect in an otherwise valid body described by `spec`; `raw` when the defect cannot be written as a JS object (a
 * __proto__ key).
 */
function mutate(r: Random, valid: Record<string, unknown>, spec: Schema): { body: unknown; raw?: string } {
  const body = structuredClone(valid);
  const fields = fieldsOf(body, spec);
  const roll = r();
  if (roll < 0.6 && fields.length) {
    const target = pick(r, fields);
    setAt(body, target.path, invalidFor(r, target.spec));
    return { body };
  }
  if (roll < 0.7) {
    const required = fields.filter((f) => f.required && typeof f.path.at(-1) === 'string');
    if (required.length) {
      const target = pick(r, required);
      let node: any = body;
      for (const key of target.path.slice(0, -1)) node = node[key];
      delete node[target.path.at(-1)!];
      return { body };
    }
  }
  if (roll < 0.8) {
    (body as Record<string, unknown>)[
      pick(r, ['zzz', 'isAdmin', 'id', 'version', 'state', `f${Math.floor(r() * 1e4)}`])
    ] = pick(r, ['x', 1, true, {}]);
    return { body };
  }
  if (roll < 0.9) {
    const key = pick(r, PROTOTYPE_KEYS);
    const json = JSON.stringify(body);
    return {
      body,
      raw: `${json.slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(pick(r, [{ isAdmin: true }, 1, 'x']))}}`,
    };
  }
  (body as Record<string, unknown>)[pick(r, [...HOSTILE_TEXT, 'summ\u0000ary'])] = 'x';
  return { body };
}

/** Runs `count` requests `CONCURRENCY` at a time; collects every answer a contract forbids. */
async function run(
  count: number,
  send: (i: number) => request.Test,
  forbidden: (status: number) => boolean,
): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const test = send(i);
      const response = await test;
      if (forbidden(response.status)) {
        const { method, url, _data: sent } = test as unknown as { method: string; url: string; _data: unknown };
        failures.push(
          `#${i} ${method} ${url} ${String(typeof sent === 'string' ? sent : JSON.stringify(sent)).slice(0, 2000)} ` +
            `→ ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

const refusedOnly = (status: number) => status >= 500 || status < 400;
const neverFails = (status: number) => status >= 500;

describe(`fuzzing (seed ${SEED})`, () => {
  let t: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  const tokens: Record<string, string> = {};
  let caseId: string;
  let before: Record<string, number>;
  /** What the service logged as errors: shown with a failure, to find its cause. */
  const serviceErrors: string[] = [];
  const expectNone = (failures: string[]) =>
    expect({ failures, serviceErrors: failures.length ? serviceErrors : [] }).toEqual({
      failures: [],
      serviceErrors: [],
    });

  const counts = async () => {
    const result: Record<string, number> = {};
    for (const table of WRITTEN_TABLES)
      result[table] = Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
    return result;
  };
  // One set of kept-alive connections for the whole run: a new connection per request cost more than the request.
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const anonymous = (method: 'get' | 'post', url: string) => request(server)[method](url).agent(agent);
  const signed = (method: 'get' | 'post', url: string, user: string) =>
    anonymous(method, url).set('Authorization', `Bearer ${tokens[user]}`);
  const withBody = (test: request.Test, mutated: { body: unknown; raw?: string }) =>
    mutated.raw === undefined
      ? test.send(mutated.body as object)
      : test.set('content-type', 'application/json').send(mutated.raw);

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n'))
          if (line.includes('"level":50')) serviceErrors.push(line.slice(0, 2000));
        done();
      },
    });
    t = await startTestApp({ logger: pino({ level: 'error' }, sink) });
    await t.app.listen(0, '127.0.0.1');
    server = t.app.getHttpServer();
    for (const user of ['city-mediator', 'city-supervisor', 'admin']) {
      tokens[user] = (
        await request(server).post('/api/v1/auth/token').send({ username: user, password: DEMO_PASSWORD }).expect(200)
      ).body.accessToken;
    }
    caseId = (await signed('post', '/api/v1/cases', 'city-mediator').send(anIntake()).expect(201)).body.id;
    before = await counts();
  });
  afterAll(async () => {
    agent.destroy();
    await t.close();
  });

  it(`POST /cases: ${BODIES_PER_FAMILY} intakes with one defect each are all refused, none with a 5xx`, async () => {
    const r = prng(SEED);
    const intakes = ['people-mediation', 'administrative-mediation', 'petition'].map((flow) => ({
      flow,
      valid: anIntake({ flow }),
      spec: intakeSpec(getFlow(flow).intake),
    }));
    const failures = await run(
      BODIES_PER_FAMILY,
      () => {
        const { flow, valid, spec } = pick(r, intakes);
        const { flow: _flow, ...intake } = valid;
        const mutated =
          r() < 0.05
            ? { body: { ...valid, flow: invalidFor(r, { type: 'string', enum: [flow] }) } }
            : mutate(r, intake, spec);
        const body = mutated.raw === undefined ? { flow, ...(mutated.body as object) } : undefined;
        return withBody(
          signed('post', '/api/v1/cases', 'city-mediator'),
          body ? { body } : { body: null, raw: `{"flow":${JSON.stringify(flow)},${mutated.raw!.slice(1)}` },
        );
      },
      refusedOnly,
    );
    expectNone(failures);
  });

  it(`POST /cases/:id/events: ${BODIES_PER_FAMILY} events, one defect each, all refused, none 5xx`, async () => {
    const r = prng(SEED + 1);
    const flow = getFlow('people-mediation');
    const valid: Record<string, Record<string, unknown>> = {
      'application.accepted': {},
      'mediator.assigned': { mediatorId: DEMO_MEDIATOR, chosenBy: 'parties' },
      'agreement.signed': writtenAgreement(),
    };
    const failures = await run(
      BODIES_PER_FAMILY,
      () => {
        const type = pick(r, Object.keys(valid));
        const test = signed(
          'post',
          `/api/v1/cases` +
            `/${r() < 0.1 ? pick(r, [...BAD_UUIDS.filter(Boolean).map(encodeURIComponent), '%00', '%ZZ']) : caseId}/e` +
            `vents`,
          'city-mediator',
        );
        const roll = r();
        if (roll < 0.1)
          return test.send({ type: invalidFor(r, { type: 'string', maxLength: 64 }), payload: valid[type] });
        if (roll < 0.15) return test.send({ type, payload: pick(r, ['x', 7, ['x'], true]) });
        if (roll < 0.2)
          return test
            .set('If-Match', pick(r, ['7', '"-1"', 'W/"x"', '"99999999999"']))
            .send({ type, payload: { ...valid[type], zzz: 1 } });
        const mutated = mutate(r, valid[type]!, flow.events[type]!.payload);
        const payload = mutated.raw === undefined ? JSON.stringify(mutated.body) : mutated.raw;
        return test
          .set('content-type', 'application/json')
          .send(`{"type":${JSON.stringify(type)},"payload":${payload}}`);
      },
      refusedOnly,
    );
    expectNone(failures);
  });

  it(`list queries: ${BODIES_PER_FAMILY} of GET /cases, /deadlines, /reports, good and hostile, no 5xx`, async () => {
    const r = prng(SEED + 2);
    const families: { url: string; user: string; keys: Record<string, () => string> }[] = [
      {
        url: '/api/v1/cases',
        user: 'city-mediator',
        keys: {
          flow: () => pick(r, ['people-mediation', 'petition', 'zzz']),
          state: () => pick(r, ['mediating', 'pendingAcceptance', 'x']),
          status: () => pick(r, ['open', 'closed', 'OPEN']),
          organizationId: () => pick(r, [DEMO.xuanwu, ...BAD_UUIDS]),
          category: () => pick(r, ['neighbour', 'zzz']),
          riskLevel: () => pick(r, ['red', 'green', 'purple']),
          overdue: () => pick(r, ['true', 'false', 'yes', '1']),
          q: () => pick(r, ['漏水', '%', '_', "'; DROP TABLE cases; --", 'x'.repeat(101), '玄梅']),
          idNumber: () => pick(r, ['11010519491231002X', '123', '%ZZ', '110105194912310021']),
          openedFrom: () => pick(r, ['2026-01-01', ...BAD_DATES]),
          openedTo: () => pick(r, ['2026-12-31', ...BAD_DATES]),
          limit: () => pick(r, ['1', '100', '0', '101', '-1', '1.5', '1e3', '9'.repeat(30), 'NaN', 'Infinity']),
          cursor: () =>
            pick(r, [
              Buffer.from(
                JSON.stringify(['2026-03-02T02:00:00.000Z', '00000000-0000-4000-8000-000000000031']),
              ).toString('base64url'),
              Buffer.from(
                JSON.stringify(['0000-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000031']),
              ).toString('base64url'),
              Buffer.from(JSON.stringify(['2026-03-02T02:00:00.000Z', '-'.repeat(36)])).toString('base64url'),
              Buffer.from('{"__proto__":1}').toString('base64url'),
              'not base64!',
              'A'.repeat(201),
            ]),
        },
      },
      {
        url: '/api/v1/deadlines',
        user: 'city-mediator',
        keys: {
          dueBefore: () => pick(r, ['2026-03-31', ...BAD_DATES]),
          organizationId: () => pick(r, [DEMO.xuanwu, ...BAD_UUIDS]),
          kind: () => pick(r, ['mediationPeriod', 'x'.repeat(65), 'zzz']),
          status: () => pick(r, ['running', 'expired', 'paused', 'gone']),
          limit: () => pick(r, ['1', '500', '501', '0', 'x']),
        },
      },
      {
        url: '/api/v1/reports/resolution-rate',
        user: 'city-supervisor',
        keys: {
          year: () => pick(r, ['2026', '1999', '2101', 'x', '2026.5', '9'.repeat(20)]),
          organizationId: () => pick(r, [DEMO.xuanwu, ...BAD_UUIDS]),
          groupBy: () => pick(r, ['organization', 'level', 'category', 'district']),
        },
      },
    ];
    const hostileValue = () => pick(r, ['%00', '%ED%A0%80', '%ZZ', '%', '%E4%B8', 'a%00b', '%C0%80', 'x'.repeat(3000)]);
    const failures = await run(
      BODIES_PER_FAMILY,
      () => {
        const family = pick(r, families);
        const parts: string[] = [];
        for (let n = Math.floor(r() * 5); n > 0; n--) {
          const roll = r();
          if (roll < 0.55) {
            const key = pick(r, Object.keys(family.keys));
            parts.push(`${key}=${r() < 0.8 ? encodeURIComponent(family.keys[key]!()) : hostileValue()}`);
          } else if (roll < 0.7)
            parts.push(
              `${pick(r, [...PROTOTYPE_KEYS, 'hasOwnProperty', 'toString', 'zzz', 'a[b]', 'q[]'])}=${hostileValue()}`,
            );
          else if (roll < 0.8) parts.push(`${pick(r, ['%ZZ', '%00', 'id%4Eumber', '', '&', '=='])}=1`);
          else
            parts.push(
              `${pick(r, Object.keys(family.keys))}=` +
                encodeURIComponent(family.keys[pick(r, Object.keys(family.keys))]!()),
            );
        }
        return signed('get', `${family.url}${parts.length ? `?${parts.join('&')}` : ''}`, family.user);
      },
      neverFails,
    );
    expectNone(failures);
  });

  it(`POST /auth/token: ${BODIES_PER_FAMILY} malformed or wrong sign-ins, none a 2xx or a 5xx`, async () => {
    const r = prng(SEED + 3);
    const spec: Schema = {
      type: 'object',
      properties: { username: { type: 'string', maxLength: 64 }, password: { type: 'string', maxLength: 200 } },
      required: ['username', 'password'],
    };
    const failures = await run(
      BODIES_PER_FAMILY,
      () => {
        const valid = { username: pick(r, ['mediator', 'admin', 'nobody']), password: 'not-the-password' };
        // A sign-in with a wrong password is a well-formed request: 401 (or 429 once limited), never a 2xx.
        return withBody(anonymous('post', '/api/v1/auth/token'), r() < 0.01 ? { body: valid } : mutate(r, valid, spec));
      },
      refusedOnly,
    );
    expectNone(failures);
  });

  it(`POST /organizations: ${BODIES_PER_FAMILY} with one defect each are all refused, none with a 5xx`, async () => {
    const r = prng(SEED + 4);
    const valid = {
      name: '新街口街道人民调解委员会',
      shortName: '新委',
      kind: 'committee',
      level: 'street',
      parentId: DEMO.xinjiekou,
      policy: { mediationPeriod: { length: 30, unit: 'day' } },
    };
    const spec: Schema = {
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 200 },
        shortName: { type: 'string', maxLength: 20, format: 'shortName' },
        kind: { type: 'string', enum: ['committee'] },
        level: { type: 'string', enum: ['street'] },
        policy: {
          type: 'object',
          properties: {
            mediationPeriod: {
              type: 'object',
              properties: {
                length: { type: 'integer', minimum: 1, maximum: 365 },
                unit: { type: 'string', enum: ['day'] },
              },
              required: ['length', 'unit'],
            },
          },
        },
      },
      required: ['name', 'shortName', 'kind', 'level'],
    };
    const failures = await run(
      BODIES_PER_FAMILY,
      () => {
        const mutated =
          r() < 0.1
            ? { body: { ...valid, parentId: pick(r, [...BAD_UUIDS, '00000000-0000-4000-8000-00000000ffff']) } }
            : r() < 0.15
              ? {
                  body: {
                    ...valid,
                    caseNumberPattern: pick(r, [
                      '{year}号',
                      '（{year}）{short}第1{seq}号',
                      '{seq}',
                      'x'.repeat(101),
                      '（{year}）{short:2}第{seq}号',
                    ]),
                  },
                }
              : mutate(r, valid, spec);
        return withBody(signed('post', '/api/v1/organizations', 'admin'), mutated);
      },
      refusedOnly,
    );
    expectNone(failures);
  });

  it('wrote nothing', async () => {
    expect(await counts()).toEqual(before);
  });
});
