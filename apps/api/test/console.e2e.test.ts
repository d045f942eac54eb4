/**
 * The console in a real browser (issue 14): headless Chromium from @sparticuz/chromium, driven by
 * playwright-core, against the service with the built console (apps/console/dist, `pnpm -r run
 * build`) on a migrated PostgreSQL. Elements are found by role and accessible name, as a person
 * using a screen reader or the keyboard would find them. No browser, no console build: the test fails.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { DocumentProducer } from '../src/documents/documentProducer.js';
import { anIntake, DEMO, writtenAgreement } from './support/factories.js';
import {
  newConsolePage,
  seriousViolations,
  signInThroughForm,
  startConsoleHarness,
  stopConsoleHarness,
} from './support/consoleBrowser.js';
import { DEMO_PASSWORD, type TestApp } from './support/testApp.js';

/** A browser journey waits on real rendering; each step's own wait is 10 s at most. */
const JOURNEY_MS = 45_000;

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, browser, base } = await startConsoleHarness());
}, 60_000);
afterAll(() => stopConsoleHarness({ t, browser }));

const newPage = () => newConsolePage(browser);
const signedIn = async (username: string) => signInThroughForm(await newPage(), base, username);

async function act(
  page: Page,
  action: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => undefined,
) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await fill(dialog);
  await dialog.getByRole('button', { name: '提交' }).click();
}

describe('the console in Chromium', () => {
  it(
    'refuses a wrong password in Chinese and stays on the sign-in page, with no serious axe violation',
    async () => {
      const page = await newPage();
      await page.goto(`${base}/`);
      await page.getByLabel('用户名').fill('mediator');
      await page.getByLabel('密码').fill('not-the-password');
      await page.getByRole('button', { name: '登录' }).click();
      await expectText(page.getByRole('alert'), '用户名或密码不正确');
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    },
    JOURNEY_MS,
  );

  it(
    'reception opens a case from the generated intake form, warned of a duplicate, and gets its number and receipt',
    async () => {
      const earlier = await openCase(); // 张三 (the same ID number) is a party of an open case
      const page = await signedIn('reception');
      await expectText(page.getByTestId('who'), '梅园新村街道矛盾纠纷调处化解中心');
      await expectText(page.getByTestId('who'), '登记受理');
      await page.getByRole('combobox', { name: '纠纷类型' }).click();
      await page.getByRole('option', { name: '邻里' }).click();
      await page.getByLabel('摘要').fill('楼上漏水，双方就维修费用发生争执');
      await page.getByLabel('姓名或名称').fill('张三');
      // A wrong GB 11643 check digit is flagged as it is typed, before anything is sent.
      await page.getByLabel('公民身份号码').fill('110105194912310021');
      await expectText(page.locator('form'), '公民身份号码校验位不正确');
      await page.getByLabel('公民身份号码').fill('11010519491231002X');
      await expectText(page.getByRole('alert'), '重复受理提醒');
      await expectText(page.getByRole('alert'), earlier.caseNumber);
      await page.getByRole('button', { name: '添加当事人' }).click();
      await page.getByRole('group', { name: '当事人2' }).getByText('被申请人').click();
      await page.getByLabel('姓名或名称').nth(1).fill('李四');
      await page.getByRole('combobox', { name: '来源渠道' }).click();
      await page.getByRole('option', { name: '来访' }).click();
      await page.getByRole('combobox', { name: '受理单位' }).click();
      await page.getByRole('treeitem', { name: '梅园新村街道人民调解委员会' }).click();
      await page.getByRole('tree').waitFor({ state: 'hidden' });
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: '保存并受理登记' }).click();
      const number = await page.getByTestId('case-number').textContent();
      expect(number).toMatch(/^（2026）玄梅人调字第\d{5}号$/);
      await expectText(page.getByRole('article'), '张三（申请人）、李四（被申请人）');
      await expectText(page.getByRole('article'), '2026年3月2日');
      await page.context().close();
    },
    JOURNEY_MS,
  );

  it(
    'the mediator accepts, assigns themselves and records a session, with the trail and the working days left',
    async () => {
      const c = await openCase();
      const page = await signedIn('mediator');
      await page.goto(`${base}/cases/${c.id}`);
      // Only what a mediator may send: no engine event, no supervisor's assignment.
      await page.getByRole('button', { name: '受理', exact: true }).waitFor();
      expect(await page.getByRole('button', { name: '期限届满' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '指派' }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await act(page, '受理');
      await expectText(page.getByTestId('state'), '待选定调解员');
      await expectText(page.locator('main'), '23个工作日');
      await expectText(page.locator('main'), '2026年4月2日');
      await act(page, '选定调解员', async (dialog) => {
        await dialog.getByRole('button', { name: /^我（/ }).click();
        await dialog.getByText('调解委员会指定').click();
      });
      await expectText(page.getByTestId('state'), '调解中');
      await act(page, '调解记录', async (dialog) => {
        await dialog.getByLabel('日期').fill('2026-03-02');
        await dialog.getByLabel('日期').press('Enter');
        await dialog.getByLabel('摘要').fill('双方到场陈述');
      });
      await expectText(page.getByRole('list').filter({ hasText: '调解记录' }), '选定调解员');
      const trail = await t.http.get(`/api/v1/cases/${c.id}/events`).expect(200);
      expect(trail.body.items.map((e: { type: string }) => e.type)).toEqual([
        'case.opened',
        'application.accepted',
        'mediator.assigned',
        'session.recorded',
      ]);
      await page.context().close();
    },
    JOURNEY_MS,
  );

  it(
    'shows a refusal with its rule and article: an unsigned written agreement (PML Art. 29)',
    async () => {
      const c = await mediatingCase();
      const page = await signedIn('mediator');
      await page.goto(`${base}/cases/${c.id}`);
      await act(page, '达成调解协议', async (dialog) => {
        await dialog.getByText('书面协议').click();
        await dialog.getByRole('combobox', { name: '义务人' }).click({ force: true });
        await page.getByRole('option', { name: '李四（被申请人）' }).click();
        await dialog.getByLabel('内容').fill('承担维修费用');
      });
      const alert = page.getByRole('dialog', { name: '达成调解协议' }).getByRole('alert');
      await expectText(alert, '操作未通过规则校验');
      await expectText(alert, 'WRITTEN_AGREEMENT_UNSIGNED');
      await expectText(alert, '《人民调解法》第29条');
      expect(await page.getByRole('dialog', { name: '达成调解协议' }).getByLabel('内容').inputValue()).toBe(
        '承担维修费用',
      );
      await page.context().close();
    },
    JOURNEY_MS,
  );

  it(
    'tells the user the case changed when another user moved it first, reloads it and keeps what was typed',
    async () => {
      const c = await mediatingCase();
      const page = await signedIn('mediator');
      await page.goto(`${base}/cases/${c.id}`);
      await page.getByRole('button', { name: '调解记录', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: '调解记录' });
      await dialog.getByLabel('摘要').fill('第二次调解，双方各退一步');
      // Meanwhile a colleague records a session on the same case.
      await t.http
        .post(`/api/v1/cases/${c.id}/events`)
        .send({ type: 'session.recorded', payload: { heldOn: '2026-03-02', summary: '第一次调解' } })
        .expect(200);
      await dialog.getByLabel('日期').fill('2026-03-02');
      await dialog.getByLabel('日期').press('Enter');
      await dialog.getByRole('button', { name: '提交' }).click();
      await expectText(dialog.getByRole('alert'), '案件已被他人更新');
      expect(await dialog.getByLabel('摘要').inputValue()).toBe('第二次调解，双方各退一步');
      // The reloaded case holds the colleague's session; submitting again now succeeds.
      await dialog.getByRole('button', { name: '提交' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const trail = await t.http.get(`/api/v1/cases/${c.id}/events`).expect(200);
      expect(trail.body.items.filter((e: { type: string }) => e.type === 'session.recorded')).toHaveLength(2);
      await page.context().close();
    },
    JOURNEY_MS,
  );

  it(
    'the court opens a confirmation of an agreement, accepts, confirms (CPL Arts. 205-206; SPC-Confirm-2011 Arts. 4-5)',
    async () => {
      // An agreement that took effect on 20 February: inside the 30-day window on 2 March (PML Art. 33).
      const agreed = await agreedCase('2026-01-05', '2026-02-20');
      const page = await signedIn('court');
      await page.getByRole('heading', { name: '司法确认申请' }).waitFor();
      await page.getByRole('link', { name: '登记受理' }).click();
      await page.getByRole('combobox', { name: '流程' }).click({ force: true });
      await page.getByRole('option', { name: '司法确认' }).click();
      // The clerk types the number on the agreement the parties bring; its parties and terms come with it.
      await page.getByLabel('关联案件案号').fill(agreed.caseNumber);
      await page.getByRole('button', { name: '查找关联案件' }).click();
      const found = page.getByRole('status').filter({ hasText: agreed.caseNumber });
      await expectText(found, '2026年2月20日');
      await expectText(found, '承担维修费用');
      await expectText(found, '3000.00元');
      expect(await page.getByLabel('姓名或名称').nth(0).inputValue()).toBe('张三');
      expect(await page.getByLabel('姓名或名称').nth(1).inputValue()).toBe('李四');
      await page.getByRole('combobox', { name: '来源渠道' }).click();
      await page.getByRole('option', { name: '来访' }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: '保存并受理登记' }).click();
      const number = (await page.getByTestId('case-number').textContent())!;
      expect(number).toMatch(/^（2026）/);

      // The queue: every running target with its sort, due date and days left.
      await page.getByRole('link', { name: '司法确认' }).click();
      const row = page.getByRole('row').filter({ hasText: number });
      await expectText(row, '受理审查期限（目标）2026年3月5日 · 剩余3日');
      expect(await seriousViolations(page)).toEqual([]);
      await row.getByRole('link', { name: number }).click();
      await expectText(page.getByTestId('linked-case'), agreed.caseNumber);
      const agreement = page.getByTestId('agreement');
      await expectText(agreement, '2026年2月20日');
      await expectText(agreement, '张三、李四');
      await expectText(agreement, '李四承担维修费用3000.00元2026年4月30日');
      expect(await seriousViolations(page)).toEqual([]);
      await act(page, '受理');
      await expectText(page.getByTestId('state'), '审查中');
      // Accepted on 2 March: 15 days to rule (SPC-Confirm-2011 Art. 5), 30 to conclude (CPL Art. 187).
      await expectText(page.getByRole('row').filter({ hasText: '审查期限' }), '2026年3月17日');
      await expectText(page.getByRole('row').filter({ hasText: '特别程序审理期限' }), '2026年4月1日');
      await act(page, '裁定调解协议有效', async (dialog) => {
        await dialog.getByLabel('裁定书文号').fill('（2026）苏0102民特1号');
        await dialog.getByLabel('裁定日期').fill('2026-03-02');
        await dialog.getByLabel('裁定日期').press('Enter');
      });
      await expectText(page.getByTestId('state'), '裁定调解协议有效');
      await page.context().close();

      // The mediation case's own trail names the confirmation that continues from it (case.linked).
      const mediator = await signedIn('mediator');
      await mediator.goto(`${base}/cases/${agreed.id}`);
      await expectText(mediator.getByRole('listitem').filter({ hasText: '关联案件' }), number);
      await mediator.context().close();
    },
    2 * JOURNEY_MS,
  );

  it(
    'petition reception registers, accepts in 15 days (受理); it is referred to mediation (访调对接; PC-Reg Arts. 22, 33)',
    async () => {
      const handler = await t.mediatorAt(DEMO.xuanwuPetitionOffice);
      const page = await signedIn('petition');
      await expectText(page.getByTestId('who'), '玄武区信访局');
      await page.getByRole('combobox', { name: '流程' }).click({ force: true });
      await page.getByRole('option', { name: '信访' }).click();
      await page.getByText('申诉求决').click();
      await page.getByRole('combobox', { name: '纠纷类型' }).click();
      await page.getByRole('option', { name: '邻里' }).click();
      await page.getByLabel('摘要').fill('来访反映楼上漏水长期未修，要求处理');
      await page.getByLabel('姓名或名称').fill('张三');
      await page.getByLabel('公民身份号码').fill('11010519491231002X');
      await page.getByRole('button', { name: '添加当事人' }).click();
      await page.getByRole('group', { name: '当事人2' }).getByText('被申请人').click();
      await page.getByLabel('姓名或名称').nth(1).fill('李四');
      await page.getByRole('combobox', { name: '来源渠道' }).click();
      await page.getByRole('option', { name: '来访' }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: '保存并受理登记' }).click();
      await page.getByTestId('case-number').waitFor();
      const caseId = /\/intake\/([^/]+)\/receipt/.exec(page.url())![1]!;

      await page.goto(`${base}/cases/${caseId}`);
      // Registered on 2 March: accept, forward, assign or reject within 15 days (PC-Reg Arts. 22, 23).
      await expectText(page.getByRole('row').filter({ hasText: '受理审查期限' }), '2026年3月17日');
      await expectText(page.getByRole('row').filter({ hasText: '受理审查期限' }), '目标');
      await page.getByRole('button', { name: '不予受理', exact: true }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await act(page, '受理');
      await expectText(page.getByTestId('state'), '办理中');
      await page.context().close();

      const mediating = await signedIn(`mediator-${DEMO.xuanwuPetitionOffice.slice(-4)}`);
      await mediating.goto(`${base}/cases/${caseId}`);
      await act(mediating, '访调对接', async (dialog) => {
        await dialog.getByLabel('人民调解委员会').fill(DEMO.meiyuanCommittee);
        await dialog.getByRole('combobox', { name: '纠纷性质' }).click({ force: true });
        await mediating.getByRole('option', { name: '民事纠纷' }).click();
        await dialog.getByRole('combobox', { name: '同意调解的当事人' }).click({ force: true });
        await mediating.getByRole('option', { name: '张三（申请人）' }).click();
        await mediating.getByRole('option', { name: '李四（被申请人）' }).click();
        await dialog.getByRole('heading', { name: '访调对接' }).click(); // closes the option list
      });
      await expectText(mediating.getByTestId('state'), '访调对接');
      // The people's mediation case it opened at the committee is named on the page.
      await expectText(mediating.getByTestId('linked-case'), '人民调解');
      expect(handler).toBeTruthy();
      await mediating.context().close();
    },
    2 * JOURNEY_MS,
  );

  it(
    'lists a case’s documents by Chinese name and 文号, downloads one and the dossier as printable PDF (PML Art. 27)',
    async () => {
      const agreed = await agreedCase('2026-02-20', '2026-03-02');
      for (let pass = 0; pass < 20; pass++) {
        const { issued, failed } = await t.app.get(DocumentProducer).produceOnce();
        if (!issued && !failed) break;
      }
      const page = await signedIn('mediator');
      await page.goto(`${base}/cases/${agreed.id}`);
      await page.getByRole('tab', { name: '文书' }).click();
      const notice = page.getByRole('row').filter({ hasText: '人民调解受理登记表' });
      await expectText(notice, '已出具');
      expect(await notice.textContent()).toMatch(/（2026）.+第\d+号/);
      await expectText(page.getByRole('row').filter({ hasText: '人民调解协议书' }), '已出具');
      expect(await seriousViolations(page)).toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载人民调解受理登记表' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^（2026）玄梅人调字第\d+号 人民调解受理登记表\.pdf$/);
      expect((await readFile((await download.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const [dossier] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载卷宗（一案一卷）' }).click(),
      ]);
      expect(dossier.suggestedFilename()).toBe(`${agreed.caseNumber} 卷宗.pdf`);
      expect((await readFile((await dossier.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // 打印 opens the archived PDF in the browser's own viewer, whose print button prints it on A4
      // (headless Chromium has no PDF viewer: what it is given to open is read back instead).
      // Runs in the page (the test's tsconfig has no DOM types, hence the shape spelled out).
      type PrintProbe = { printed?: string; blobs: Map<string, Blob>; open: (url: string) => unknown };
      await page.evaluate(() => {
        const w = globalThis as unknown as PrintProbe;
        w.blobs = new Map();
        const create = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob: Blob) => {
          const url = create(blob);
          w.blobs.set(url, blob);
          return url;
        };
        w.open = (url: string) => (w.printed = url) && w;
      });
      await page.getByRole('button', { name: '打印人民调解受理登记表' }).click();
      await page.waitForFunction(() => !!(globalThis as unknown as PrintProbe).printed);
      const printed = await page.evaluate(async () => {
        const w = globalThis as unknown as PrintProbe;
        const head = new Uint8Array(await w.blobs.get(w.printed!)!.arrayBuffer()).slice(0, 5);
        return { url: w.printed, head: String.fromCharCode(...head) };
      });
      expect(printed).toEqual({ url: expect.stringMatching(/^blob:/), head: '%PDF-' });
      // Reception sees the list but not the PDFs, which carry the parties' ID numbers in full.
      const reception = await signedIn('reception');
      await reception.goto(`${base}/cases/${agreed.id}`);
      await reception.getByRole('tab', { name: '文书' }).click();
      await expectText(reception.locator('main'), '仅本案调解员和受理法院可下载');
      expect(await reception.getByRole('button', { name: '下载人民调解受理登记表' }).count()).toBe(0);
      await reception.context().close();
      await page.context().close();
    },
    2 * JOURNEY_MS,
  );

  it(
    'records a visit whose 回访记录 the 文书 tab lists; corrects the agreement: original 已更正, 更正件 with its 文号 (PML Art. 31)',
    async () => {
      const produce = async () => {
        for (let pass = 0; pass < 20; pass++) {
          const { issued, failed } = await t.app.get(DocumentProducer).produceOnce();
          if (!issued && !failed) break;
        }
      };
      const today = t.clock.today();
      const agreed = await agreedCase(today, today);
      await produce();
      const page = await signedIn('mediator');
      await page.goto(`${base}/cases/${agreed.id}`);
      await page.getByRole('heading', { name: '登记回访' }).waitFor();
      await page.getByLabel('回访日期').fill(today);
      await page.getByLabel('回访日期').press('Enter');
      await page.getByLabel('回访对象').fill('申请人张三、被申请人李四');
      await page.getByRole('radiogroup', { name: '回访方式' }).getByText('上门回访').click();
      await page.getByRole('radiogroup', { name: '协议履行情况' }).getByText('未到履行期').click();
      await page.getByRole('radiogroup', { name: '满意度' }).getByText('满意', { exact: true }).click();
      await page.getByLabel('当事人意见').fill('双方对调解结果表示满意');
      await page.getByRole('button', { name: '保存回访' }).click();
      await expectText(page.getByTestId('return-visits'), '上门回访');

      await page.getByRole('tab', { name: '文书' }).click();
      const record = page.getByRole('row').filter({ hasText: '人民调解回访记录' });
      await expectText(record, '制作中');
      await produce(); // the tab looks again while a document is pending
      await expectText(record, '已出具');

      const agreement = page.getByRole('row').filter({ hasText: '人民调解协议书' });
      const number = ((await agreement.textContent()) ?? '').match(/（2026）.+?第\d+号/)![0];
      await page.getByRole('button', { name: '更正人民调解协议书' }).click();
      const dialog = page.getByRole('dialog', { name: /^更正文书/ });
      await dialog.getByLabel('更正原因').fill('申请人住址误写，经核对更正');
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: '提交更正' }).click();
      const correction = page.getByRole('row').filter({ hasText: '更正件' });
      await expectText(correction, `更正件：${number}`);
      await produce();
      await expectText(correction, '已出具');
      await expectText(page.getByRole('row').filter({ hasText: number }).filter({ hasText: '已更正' }), '已出具');
      expect(await page.getByRole('button', { name: '更正人民调解协议书' }).count()).toBe(1); // the 更正件's only
      await page.screenshot({ path: '/tmp/console-document-corrections.png', fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    },
    2 * JOURNEY_MS,
  );

  it(
    'brings an expired session back to sign-in and, after signing in again, to the same form with what was typed',
    async () => {
      const c = await mediatingCase();
      const page = await signedIn('mediator');
      await page.goto(`${base}/cases/${c.id}`);
      await page.getByRole('button', { name: '调解记录', exact: true }).click();
      await page.getByRole('dialog', { name: '调解记录' }).getByLabel('摘要').fill('当事人补充了维修报价单');
      // The token outlives its TTL on the service's clock: the next request answers 401.
      t.clock.set(new Date('2026-03-03T10:00:00+08:00'));
      try {
        await page.getByRole('dialog', { name: '调解记录' }).getByRole('button', { name: '提交' }).click();
        await expectText(page.getByRole('alert'), '登录已过期');
        expect(new URL(page.url()).pathname).toBe('/login');
        await page.getByLabel('用户名').fill('mediator');
        await page.getByLabel('密码').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: '登录' }).click();
        await page.getByRole('button', { name: '调解记录', exact: true }).click();
        expect(await page.getByRole('dialog', { name: '调解记录' }).getByLabel('摘要').inputValue()).toBe(
          '当事人补充了维修报价单',
        );
      } finally {
        t.clock.set(new Date('2026-03-02T10:00:00+08:00'));
      }
      await page.context().close();
    },
    JOURNEY_MS,
  );

  it(
    'lets an administrator see the holiday schedules in use, keyboard only from sign-in, with no serious axe violation',
    async () => {
      const page = await newPage();
      await page.goto(`${base}/`);
      await page.keyboard.press('Tab'); // 跳到主要内容
      await page.keyboard.press('Tab');
      await page.keyboard.type('admin');
      await page.keyboard.press('Tab');
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: '节假日安排（国务院办公厅通知）' }).waitFor();
      await page.getByRole('cell', { name: '2026', exact: true }).first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    },
    JOURNEY_MS,
  );

  it(
    'shows the work queue nearest deadline first, overdue in red and in words, with no serious axe violation',
    async () => {
      const c = await mediatingCase();
      t.clock.set(new Date('2026-04-07T10:00:00+08:00'));
      try {
        const page = await signedIn('mediator');
        await page.goto(`${base}/queue`);
        const row = page.getByRole('row').filter({ hasText: c.caseNumber });
        await expectText(row, '逾期');
        await expectText(row, '逾期2个工作日');
        await page.getByRole('radio', { name: '逾期' }).check({ force: true });
        await expectText(page.getByRole('table').last(), c.caseNumber);
        expect(await seriousViolations(page)).toEqual([]);
        await page.context().close();
      } finally {
        t.clock.set(new Date('2026-03-02T10:00:00+08:00'));
      }
    },
    JOURNEY_MS,
  );
});

/** The demo user `mediator` (apps/api/src/demo/demoOrganizations.ts). */
const DEMO_MEDIATOR_ID = '00000000-0000-4000-8000-0000000000a2';

async function openCase() {
  const response = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
  return response.body as { id: string; caseNumber: string };
}

/** A people's mediation case received on `receivedOn` with a written agreement in force from `effectiveOn`. */
async function agreedCase(receivedOn: string, effectiveOn: string) {
  const { body: c } = await t.http.post('/api/v1/cases').send(anIntake({ receivedOn })).expect(201);
  const mediator = await t.as('mediator');
  const sendAs = (type: string, payload: object) =>
    mediator.post(`/api/v1/cases/${c.id}/events`).send({ type, payload }).expect(200);
  await sendAs('application.accepted', { acceptedOn: receivedOn });
  await sendAs('mediator.assigned', { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' });
  await sendAs('agreement.signed', writtenAgreement({ effectiveOn }));
  return c as { id: string; caseNumber: string };
}

async function mediatingCase() {
  const c = await openCase();
  const mediator = await t.as('mediator');
  await mediator.post(`/api/v1/cases/${c.id}/events`).send({ type: 'application.accepted', payload: {} }).expect(200);
  await mediator
    .post(`/api/v1/cases/${c.id}/events`)
    .send({ type: 'mediator.assigned', payload: { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' } })
    .expect(200);
  return c;
}

/** Waits for the text to show; on failure leaves what the browser showed in /tmp/console-test-failure.png. */
async function expectText(locator: ReturnType<Page['locator']>, text: string) {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
  } catch (error) {
    await locator.page().screenshot({ path: '/tmp/console-test-failure.png', fullPage: true });
    throw error;
  }
}
