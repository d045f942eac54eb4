/**
 * The console's generated event forms for what issue 15 added (PML Arts. 20, 27, 29): a session's
 * place, parties present and participants, and an agreement's facts, responsibilities (each
 * party offered as the terms' obligor is) and manner and place of performance — filled in a real
 * Chromium (support/consoleBrowser.ts) and checked on the case the service then holds.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { aParty, anIntake, DEMO_MEDIATOR, ID_NUMBERS } from './support/factories.js';
import {
  newConsolePage,
  signInThroughForm,
  startConsoleHarness,
  stopConsoleHarness,
} from './support/consoleBrowser.js';
import type { TestApp } from './support/testApp.js';

const JOURNEY_MS = 60_000;
let t: TestApp;
let browser: Browser;
let base: string;
beforeAll(async () => {
  ({ t, browser, base } = await startConsoleHarness());
}, 60_000);
afterAll(() => stopConsoleHarness({ t, browser }));

async function mediatingCase(): Promise<string> {
  const parties = [
    aParty({ ethnicity: '回族', occupation: '中学教师' }),
    aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li, phone: '13900139000' }),
  ];
  const { body } = await t.http.post('/api/v1/cases').send(anIntake({ parties })).expect(201);
  const mediator = await t.as('mediator');
  const send = (type: string, payload: object) =>
    mediator.post(`/api/v1/cases/${body.id}/events`).send({ type, payload }).expect(200);
  await send('application.accepted', {});
  await send('mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' });
  return body.id;
}

/** Opens the event's dialog, fills it, submits it and waits until it closes. */
async function act(page: Page, action: string, fill: (dialog: Locator) => Promise<void>) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await fill(dialog);
  if (process.env.JIEFEN_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.JIEFEN_SCREENSHOTS}/${action}.png`, fullPage: true });
  await dialog.getByRole('button', { name: '提交' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
}

async function choose(page: Page, combobox: Locator, option: string) {
  await combobox.click({ force: true });
  await page.getByRole('option', { name: option }).last().click();
}

it(
  'takes a session’s place, parties present and participants, and an agreement’s facts, responsibilities, ' +
    'manner and place of performance (PML Arts. 20, 27, 29)',
  async () => {
    const id = await mediatingCase();
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
    if (process.env.JIEFEN_SCREENSHOTS)
      await page.screenshot({ path: `${process.env.JIEFEN_SCREENSHOTS}/case.png`, fullPage: true });
    await page.context().close();
  },
  JOURNEY_MS,
);
