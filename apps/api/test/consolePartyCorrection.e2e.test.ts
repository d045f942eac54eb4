/**
 * The console's generated form for 更正当事人信息 (`party.corrected`, issue 15): the case's parties
 * offered for `partyId` (as the agreement's obligor is), the corrected details under one group, a
 * correction with nothing filled in refused with the group's own message — filled in a real
 * Chromium (support/consoleBrowser.ts) and checked on the case the service then holds.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { anIntake, DEMO_MEDIATOR, ID_NUMBERS } from './support/factories.js';
import {
  newConsolePage,
  signInThroughForm,
  startConsoleHarness,
  stopConsoleHarness,
} from './support/consoleBrowser.js';
import type { TestApp } from './support/testApp.js';

const JOURNEY_MS = 60_000;
const ACTION = '更正当事人信息';
let t: TestApp;
let browser: Browser;
let base: string;
beforeAll(async () => {
  ({ t, browser, base } = await startConsoleHarness());
}, 60_000);
afterAll(() => stopConsoleHarness({ t, browser }));

async function mediatingCase(): Promise<string> {
  const { body } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
  const mediator = await t.as('mediator');
  const send = (type: string, payload: object) =>
    mediator.post(`/api/v1/cases/${body.id}/events`).send({ type, payload }).expect(200);
  await send('application.accepted', {});
  await send('mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' });
  return body.id;
}

const screenshot = async (page: Page, name: string) => {
  if (process.env.JIEFEN_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.JIEFEN_SCREENSHOTS}/${name}.png`, fullPage: true });
};

async function choose(page: Page, combobox: Locator, option: string) {
  await combobox.click({ force: true });
  await page.getByRole('option', { name: option }).last().click();
}

it(
  'corrects a party’s name and ID number from the case page: the party chosen from the case’s parties, ' +
    'nothing filled in refused with the reason (flows.md "Intake"; PIPL Art. 51: the number shown masked)',
  async () => {
    const id = await mediatingCase();
    const page = await signInThroughForm(await newConsolePage(browser), base, 'mediator');
    await page.goto(`${base}/cases/${id}`);
    await page.getByRole('button', { name: ACTION, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: ACTION });
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
