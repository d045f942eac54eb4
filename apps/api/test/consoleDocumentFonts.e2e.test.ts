/**
 * The 文书 tab for names in rare characters (issue 15), in headless Chromium against the service with
 * the built console: a name in CJK Extension B that the fallback faces draw (𠀾) is issued; one no
 * face has (𪛖 U+2A6D6) stays 制作中, and the row says why — the character and its code point — from
 * the document list's `lastError`.
 */
import type { Browser, Locator } from 'playwright-core';
import { DocumentProducer } from '../src/documents/documentProducer.js';
import { aParty, anIntake, ID_NUMBERS } from './support/factories.js';
import {
  newConsolePage,
  seriousViolations,
  signInThroughForm,
  startConsoleHarness,
  stopConsoleHarness,
} from './support/consoleBrowser.js';
import type { TestApp } from './support/testApp.js';

const DEMO_MEDIATOR_ID = '00000000-0000-4000-8000-0000000000a2';
const JOURNEY_MS = 60_000;

let t: TestApp;
let browser: Browser;
let base: string;
beforeAll(async () => {
  ({ t, browser, base } = await startConsoleHarness());
}, 60_000);
afterAll(() => stopConsoleHarness({ t, browser }));

async function acceptedCaseOf(applicantName: string): Promise<string> {
  const { body } = await t.http
    .post('/api/v1/cases')
    .send(
      anIntake({
        parties: [
          aParty({ name: applicantName }),
          aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li }),
        ],
      }),
    )
    .expect(201);
  const send = (type: string, payload: Record<string, unknown> = {}) =>
    t.http.post(`/api/v1/cases/${body.id}/events`).send({ type, payload }).expect(200);
  await send('application.accepted');
  await send('mediator.assigned', { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' });
  await t.app.get(DocumentProducer).produceOnce();
  return body.id;
}

async function expectText(locator: Locator, text: string) {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
  } catch (error) {
    await locator.page().screenshot({ path: '/tmp/console-document-fonts-failure.png', fullPage: true });
    throw error;
  }
}

it(
  'shows a document whose name no font can draw as 制作中 with the character and its code point, ' +
    'and one in Extension B the fallback draws as 已出具',
  async () => {
    const refused = await acceptedCaseOf('张𪛖');
    const drawn = await acceptedCaseOf('张𠀾');
    const page = await signInThroughForm(await newConsolePage(browser), base, 'mediator');
    await page.goto(`${base}/cases/${refused}`);
    await page.getByRole('tab', { name: '文书' }).click();
    // A pending document has no title yet: the list names it by its kind.
    const row = page.getByRole('row').filter({ hasText: '受理通知书' });
    await expectText(row, '制作中');
    await expectText(row.getByRole('note'), '字“𪛖”（U+2A6D6）现有字库均无此字形');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/console-document-fonts.png', fullPage: true });

    await page.goto(`${base}/cases/${drawn}`);
    await page.getByRole('tab', { name: '文书' }).click();
    const issued = page.getByRole('row').filter({ hasText: '人民调解受理登记表' });
    await expectText(issued, '已出具');
    expect(await issued.getByRole('note').count()).toBe(0);
    await page.context().close();
  },
  JOURNEY_MS,
);
