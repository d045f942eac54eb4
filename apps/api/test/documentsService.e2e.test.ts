/**
 * Documents on the built service process (issue 15): with background jobs on, as in production,
 * the producer renders on its worker thread (renderWorker.js, which the in-process tests cannot
 * load) and the issued PDF is downloadable.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { freePort } from '../src/database/embeddedPostgres.js';
import { DEMO } from '../src/demo/demoOrganizations.js';
import { anIntake, writtenAgreement } from './support/factories.js';
import { killAll, startService, stopService, waitForHealth } from './support/serviceProcess.js';

afterAll(killAll);

const PROCESS_TEST_TIMEOUT_MS = 180_000;
const DEMO_MEDIATOR_ID = '00000000-0000-4000-8000-0000000000a2';

it(
  'produces the agreement after commit on the render thread, and serves it as a PDF with the parties in full',
  async () => {
    const parent = mkdtempSync(join(tmpdir(), 'jiefen-documents-'));
    chmodSync(parent, 0o755); // PostgreSQL runs as the OS user `postgres` when the tests run as root
    const service = startService({
      JIEFEN_DATA_DIR: join(parent, 'postgres'),
      PORT: String(await freePort()),
      JIEFEN_DEMO_PASSWORD: 'documents-demo-password',
      JIEFEN_POLL_INTERVAL_MS: '100',
    });
    await waitForHealth(service);
    const api = `${service.url}/api/v1`;
    const token = async (username: string) => {
      const response = await fetch(`${api}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'documents-demo-password' }),
      });
      return ((await response.json()) as { accessToken: string }).accessToken;
    };
    const mediator = await token('mediator');
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: { authorization: `Bearer ${mediator}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response;
    };
    const opened = (await (
      await call('POST', '/cases', anIntake({ organizationId: DEMO.meiyuanCommittee }))
    ).json()) as { id: string };
    for (const [type, payload] of [
      ['application.accepted', {}],
      ['mediator.assigned', { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' }],
      ['agreement.signed', writtenAgreement()],
    ] as const) {
      await call('POST', `/cases/${opened.id}/events`, { type, payload });
    }
    let items: { id: string; kind: string; status: string; number: string }[] = [];
    for (let i = 0; i < 100 && !(items.length === 3 && items.every((d) => d.status === 'issued')); i++) {
      await new Promise((r) => setTimeout(r, 200));
      items = ((await (await call('GET', `/cases/${opened.id}/documents`)).json()) as { items: typeof items }).items;
    }
    expect(items.map((d) => [d.kind, d.status])).toEqual([
      ['acceptanceNotice', 'issued'],
      ['rightsAndDutiesNotice', 'issued'],
      ['agreement', 'issued'],
    ]);
    const agreement = items.find((d) => d.kind === 'agreement')!;
    const pdf = Buffer.from(await (await call('GET', `/cases/${opened.id}/documents/${agreement.id}`)).arrayBuffer());
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, '');
    for (const field of [
      '人民调解协议书',
      agreement.number,
      '张三',
      '11010519491231002X',
      '李四承担维修费用',
      '本协议一式3份',
    ])
      expect(flat).toContain(field);
    expect(await stopService(service)).toBe(0);
  },
  PROCESS_TEST_TIMEOUT_MS,
);
