/**
 * A province's template directory and the fallback faces on the built service process (issue 15):
 * the render thread (renderWorker.js, which the in-process tests cannot load) reads the same
 * JIEFEN_TEMPLATE_DIR as the service and draws a name in CJK Extension B; a broken file stops the
 * start with a plain message naming it.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { freePort } from '../src/database/embeddedPostgres.js';
import { DEMO } from '../src/demo/demoOrganizations.js';
import { aParty, anIntake, ID_NUMBERS } from './support/factories.js';
import { exited, killAll, startService, stopService, waitForHealth } from './support/serviceProcess.js';
import { anOverrideDir, bundledTemplate, rewordedAcceptanceNotice } from './support/templateOverride.js';

afterAll(killAll);

const PROCESS_TEST_TIMEOUT_MS = 180_000;
const DEMO_MEDIATOR_ID = '00000000-0000-4000-8000-0000000000a2';
const ACCEPTANCE = 'people-mediation/acceptanceNotice.json';
const PASSWORD = 'templates-demo-password';

function dataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'jiefen-templates-service-'));
  chmodSync(parent, 0o755); // PostgreSQL runs as the OS user `postgres` when the tests run as root
  return join(parent, 'postgres');
}

it(
  'renders on the render thread with the province’s wording and the fallback face for 𠀾, recording the source',
  async () => {
    const templates = anOverrideDir({
      [ACCEPTANCE]: rewordedAcceptanceNotice(
        '{{case.acceptedOn|date}}，本委员会依申请受理{{partyNames.applicants}}与{{partyNames.respondents}}之间的纠纷（省定格式）。',
      ),
    });
    const service = startService({
      JIEFEN_DATA_DIR: dataDir(),
      PORT: String(await freePort()),
      JIEFEN_DEMO_PASSWORD: PASSWORD,
      JIEFEN_POLL_INTERVAL_MS: '100',
      JIEFEN_TEMPLATE_DIR: templates,
    });
    await waitForHealth(service);
    const api = `${service.url}/api/v1`;
    const login = await fetch(`${api}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mediator', password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: { authorization: `Bearer ${accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response;
    };
    const intake = anIntake({
      organizationId: DEMO.meiyuanCommittee,
      parties: [aParty({ name: '张𠀾' }), aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li })],
    });
    const opened = (await (await call('POST', '/cases', intake)).json()) as { id: string };
    await call('POST', `/cases/${opened.id}/events`, { type: 'application.accepted', payload: {} });
    await call('POST', `/cases/${opened.id}/events`, {
      type: 'mediator.assigned',
      payload: { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' },
    });
    type Item = { id: string; kind: string; status: string; template: { source: string; version: number } | null };
    let acceptance: Item | undefined;
    for (let i = 0; i < 100 && acceptance?.status !== 'issued'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const { items } = (await (await call('GET', `/cases/${opened.id}/documents`)).json()) as { items: Item[] };
      acceptance = items.find((d) => d.kind === 'acceptanceNotice');
    }
    expect(acceptance?.template).toMatchObject({
      source: 'override',
      version: bundledTemplate(ACCEPTANCE).version + 1,
    });
    const pdf = Buffer.from(await (await call('GET', `/cases/${opened.id}/documents/${acceptance!.id}`)).arrayBuffer());
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text.replace(/\s+/g, '')).toContain('本委员会依申请受理张𠀾与李四之间的纠纷（省定格式）');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifTC/);
    expect(await stopService(service)).toBe(0);
  },
  PROCESS_TEST_TIMEOUT_MS,
);

it(
  'does not start with a broken template file, and says which file and why in plain words',
  async () => {
    const templates = anOverrideDir({ [ACCEPTANCE]: '{ "kind": "acceptanceNotice", ' });
    const service = startService({
      JIEFEN_DATA_DIR: dataDir(),
      PORT: String(await freePort()),
      JIEFEN_DEMO_PASSWORD: PASSWORD,
      JIEFEN_TEMPLATE_DIR: templates,
    });
    expect(await exited(service.child)).toBe(1);
    expect(service.output()).toContain(
      `Jiefen could not start: document template ${join(templates, ACCEPTANCE)}: is not valid JSON`,
    );
  },
  PROCESS_TEST_TIMEOUT_MS,
);
