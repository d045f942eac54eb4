/**
 * The case page in a real browser for what issue 15 added (support/consoleBrowser.ts: the service
 * with the built console, headless Chromium): the generated event forms for a session's place,
 * parties present and participants and an agreement's facts, responsibilities and manner and place
 * of performance (PML Arts. 20, 27, 29); 更正当事人信息 (`party.corrected`); and the 文书 tab for
 * names in rare characters — one the fallback faces draw (𠀾), one no face has (𪛖 U+2A6D6), shown
 * as 制作中 with the reason from the list's `lastError`. Each journey is checked on the case the
 * service then holds. JIEFEN_SCREENSHOTS=<dir> keeps the pages to look at.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { DocumentProducer } from '../src/documents/documentProducer.js';
import { aParty, anIntake, DEMO_MEDIATOR, ID_NUMBERS } from './support/factories.js';
import {
  newConsolePage,
  seriousViolations,
  signInThroughForm,
  startConsoleHarness,
  stopConsoleHarness,
} from './support/consoleBrowser.js';
import type { TestApp } from './support/testApp.js';

const JOURNEY_MS = 60_000;
const PARTY_CORRECTION = '更正当事人信息';
let t: TestApp;
let browser: Browser;
let base: string;
beforeAll(async () => {
  ({ t, browser, base } = await startConsoleHarness());
}, 60_000);
afterAll(() => stopConsoleHarness({ t, browser }));

/** A people's mediation case accepted and with its mediator, between `parties` (张三 and 李四 by default). */
async function mediatingCase(parties?: Record<string, unknown>[]): Promise<string> {
  const { body } = await t.http
    .post('/api/v1/cases')
    .send(anIntake(parties ? { parties } : {}))
    .expect(201);
  const mediator = await t.as('mediator');
  const send = (type: string, payload: object) =>
    mediator.post(`/api/v1/cases/${body.id}/events`).send({ type, payload }).expect(200);
  await send('application.accepted', {});
  await send('mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' });
  return body.id;
}

/** A mediating case whose applicant is `applicantName`, its documents so far produced. */
async function producedCaseOf(applicantName: string): Promise<string> {
  const id = await mediatingCase([
    aParty({ name: applicantName }),
    aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li }),
  ]);
  await t.app.get(DocumentProducer).produceOnce();
  return id;
}

const screenshot = async (page: Page, name: string) => {
  if (process.env.JIEFEN_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.JIEFEN_SCREENSHOTS}/${name}.png`, fullPage: true });
};

/** Opens the event's dialog, fills it, submits it and waits until it closes. */
async function act(page: Page, action: string, fill: (dialog: Locator) => Promise<void>) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await fill(dialog);
  await screenshot(page, action);
  await dialog.getByRole('button', { name: '提交' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
}

async function choose(page: Page, combobox: Locator, option: string) {
  await combobox.click({ force: true });
  await page.getByRole('option', { name: option }).last().click();
}

/** Waits for the text to show; on failure leaves what the browser showed in /tmp/console-case-page-failure.png. */
async function expectText(locator: Locator, text: string) {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
  } catch (error) {
    await locator.page().screenshot({ path: '/tmp/console-case-page-failure.png', fullPage: true });
    throw error;
  }
}

it(
  'takes a session’s place, parties present and participants, and an agreement’s facts, responsibilities, ' +
    'manner and place of performance (PML Arts. 20, 27, 29)',
  async () => {
    const id = await mediatingCase([
      aParty({ ethnicity: '回族', occupation: '中学教师' }),
      aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li, phone: '13900139000' }),
    ]);
    const page = await signInThroughForm(await newConsolePage(browser), base, 'mediator');
    await page.goto(`${base}/cases/${id}`);
    await act(page, '调解记录', async (dialog) => {
      await dialog.getByLabel('日期').fill('2026-03-02');
      await dialog.getByLabel('日期').press('Enter');
      await dialog.getByLabel('摘要').fill('双方到场陈述');
      await dialog.getByLabel('地点').fill('梅园新村调解室');
      await dialog.getByRole('combobox', { name: '到场当事人' }).click({ force: true });
      await page.getByRole('option', { name: '张三（申请人）' }).click();
      await page.getByRole('option', { name: '李四（被申请人）' }).click();
      await dialog.getByLabel('地点').click(); // closes the multiple choice's list
      await dialog.getByRole('button', { name: '添加参加人' }).click();
      await dialog.getByLabel('姓名或名称').fill('王五');
      await dialog.getByLabel('身份').fill('社区网格员');
    });
    await act(page, '达成调解协议', async (dialog) => {
      // Oral (PML Art. 30): no signatures to tick, so the new fields are all this form adds.
      await dialog.getByText('口头协议').click();
      await choose(page, dialog.getByRole('combobox', { name: '义务人' }), '李四（被申请人）');
      await dialog.getByLabel('内容').fill('承担维修费用');
      await dialog.getByLabel('纠纷的主要事实').fill('楼上卫生间漏水');
      await dialog.getByRole('button', { name: '添加各方当事人的责任' }).click();
      await choose(page, dialog.getByRole('combobox', { name: '当事人' }).last(), '李四（被申请人）');
      await dialog.getByLabel('责任', { exact: true }).fill('承担主要责任');
      await dialog.getByLabel('履行方式', { exact: true }).fill('银行转账');
      await dialog.getByLabel('地点', { exact: true }).fill('调解委员会');
    });
    const { body } = await t.http.get(`/api/v1/cases/${id}`).expect(200);
    expect(body.records.sessions[0]).toMatchObject({
      place: '梅园新村调解室',
      presentPartyIds: ['p1', 'p2'],
      participants: [{ name: '王五', capacity: '社区网格员' }],
    });
    expect(body.agreement).toMatchObject({
      form: 'oral',
      facts: '楼上卫生间漏水',
      responsibilities: [{ partyId: 'p2', text: '承担主要责任' }],
      performance: { manner: '银行转账', place: '调解委员会' },
    });
    // The case page: the agreement's Art. 29 contents, and 民族 masked until revealed (PIPL Art. 28).
    await page.reload();
    const agreement = page.getByTestId('agreement');
    await agreement.filter({ hasText: '李四：承担主要责任' }).waitFor({ timeout: 10_000 });
    expect(await agreement.innerText()).toContain('银行转账');
    const zhang = page.getByRole('row').filter({ hasText: '张三' });
    expect(await zhang.innerText()).toContain('**');
    expect(await zhang.innerText()).toContain('中学教师');
    expect(await zhang.innerText()).not.toContain('回族');
    await screenshot(page, 'case');
    await page.context().close();
  },
  JOURNEY_MS,
);

it(
  'corrects a party’s name and ID number from the case page: the party chosen from the case’s parties, ' +
    'nothing filled in refused with the reason (flows.md "Intake"; PIPL Art. 51: the number shown masked)',
  async () => {
    const id = await mediatingCase();
    const page = await signInThroughForm(await newConsolePage(browser), base, 'mediator');
    await page.goto(`${base}/cases/${id}`);
    await page.getByRole('button', { name: PARTY_CORRECTION, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: PARTY_CORRECTION });
    const changes = dialog.getByRole('group', { name: '更正后的信息（填写需要更正的项目）' });
    await choose(page, dialog.getByRole('combobox', { name: '当事人' }), '张三（申请人）');
    // A person is identified by an ID number, an organisation by its credit code: only the one that applies.
    await changes.getByLabel('公民身份号码').waitFor();
    expect(await changes.getByLabel('统一社会信用代码').count()).toBe(0);
    await dialog.getByLabel('理由').fill('姓名、公民身份号码误写，经核对身份证件更正');
    await dialog.getByRole('button', { name: '提交' }).click();
    // The group names its own problem (besides the dialog's summary), where the fields to fill are.
    await changes.getByRole('alert').filter({ hasText: '至少填写1项' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'party-correction-empty');

    await dialog.getByLabel('姓名或名称').fill('张叁');
    await dialog.getByLabel('公民身份号码').fill(ID_NUMBERS.wang);
    await screenshot(page, 'party-correction-filled');
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });

    const { body } = await t.http.get(`/api/v1/cases/${id}`).expect(200);
    expect(body.parties[0]).toMatchObject({ id: 'p1', name: '张叁', idNumber: '440304********5672' });
    const row = page.getByRole('row').filter({ hasText: '张叁' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toContain('440304********5672');
    expect(await page.content()).not.toContain(ID_NUMBERS.wang);
    await screenshot(page, 'party-correction-case');
    await page.context().close();
  },
  JOURNEY_MS,
);

it(
  'shows a document whose name no font can draw as 制作中 with the character and its code point, ' +
    'and one in Extension B the fallback draws as 已出具',
  async () => {
    const refused = await producedCaseOf('张𪛖');
    const drawn = await producedCaseOf('张𠀾');
    const page = await signInThroughForm(await newConsolePage(browser), base, 'mediator');
    await page.goto(`${base}/cases/${refused}`);
    await page.getByRole('tab', { name: '文书' }).click();
    // A pending document has no title yet: the list names it by its kind.
    const row = page.getByRole('row').filter({ hasText: '受理通知书' });
    await expectText(row, '制作中');
    await expectText(row.getByRole('note'), '字“𪛖”（U+2A6D6）现有字库均无此字形');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'document-fonts');

    await page.goto(`${base}/cases/${drawn}`);
    await page.getByRole('tab', { name: '文书' }).click();
    const issued = page.getByRole('row').filter({ hasText: '人民调解受理登记表' });
    await expectText(issued, '已出具');
    expect(await issued.getByRole('note').count()).toBe(0);
    await page.context().close();
  },
  JOURNEY_MS,
);
