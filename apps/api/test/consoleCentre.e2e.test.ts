/**
 * The centre's pages of the console in a real browser (issue 16): the supervisor's 督办看板 with its
 * actions and the bulk reassignment, 回访 on a case and the visits due, a statistics report whose
 * table shows the JSON API's numbers and its Excel download, and administration (rename an
 * organisation, disable a user whose token stops working at once). The same harness as
 * console.e2e.test.ts: headless Chromium from @sparticuz/chromium, playwright-core, axe-core,
 * against the service with the built console on a migrated PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import request from 'supertest';
import { anIntake, DEMO, DEMO_MEDIATOR, writtenAgreement } from './support/factories.js';
import {
  newConsolePage,
  seriousViolations,
  signInThroughForm,
  startConsoleHarness,
  stopConsoleHarness,
} from './support/consoleBrowser.js';
import type { TestApp } from './support/testApp.js';

const JOURNEY_MS = 60_000;
const MARCH_2 = new Date('2026-03-02T10:00:00+08:00');

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, browser, base } = await startConsoleHarness());
}, 60_000);
afterAll(() => stopConsoleHarness({ t, browser }));
afterEach(() => t.clock.set(MARCH_2));

const newPage = () => newConsolePage(browser, { viewport: { width: 1360, height: 900 }, acceptDownloads: true });
const signedIn = async (username: string, password?: string) =>
  signInThroughForm(await newPage(), base, username, password);

/** Waits for the text to show; on failure leaves what the browser showed in /tmp/console-centre-failure.png. */
async function expectText(locator: Locator, text: string) {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
  } catch (error) {
    const page = locator.page();
    await page.screenshot({ path: '/tmp/console-centre-failure.png', fullPage: true });
    const alerts = await page.getByRole('alert').allTextContents();
    throw new Error(`${(error as Error).message}\nalerts on the page: ${JSON.stringify(alerts)}`, { cause: error });
  }
}

/** Waits for a dialog to close; if it stays open, fails with what it says (a refusal, a field error). */
async function closed(dialog: Locator) {
  try {
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
  } catch (error) {
    throw new Error(`the dialog stayed open: ${await dialog.innerText()}`, { cause: error });
  }
}

async function openCase(overrides: Record<string, unknown> = {}) {
  const response = await t.http.post('/api/v1/cases').send(anIntake(overrides)).expect(201);
  return response.body as { id: string; caseNumber: string };
}

async function send(id: string, type: string, payload: object, as = 'mediator') {
  await (await t.as(as)).post(`/api/v1/cases/${id}/events`).send({ type, payload }).expect(200);
}

/** A people's mediation at the demo committee, accepted and with the demo mediator assigned. */
async function mediatingCase() {
  const c = await openCase();
  await send(c.id, 'application.accepted', {});
  await send(c.id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' });
  return c;
}

/** Picks an organisation in an Element Plus tree select named `name` (its own row: a tree item holds its children). */
async function pickOrganization(page: Page, name: string, organization: string) {
  await page.getByRole('combobox', { name }).click();
  await page
    .getByRole('treeitem', { name: organization, exact: true })
    .locator('.el-tree-node__content')
    .first()
    .click();
}

describe('the centre in the console (issue 16)', () => {
  it(
    'shows the supervisor a breached case on the 督办看板, in words as well as colour, and escalates it from the list (上报)',
    async () => {
      const c = await mediatingCase();
      // Five weeks on, the 30-day mediation period (PML Art. 26 via the committee's rules) has run out.
      t.clock.set(new Date('2026-04-07T10:00:00+08:00'));
      const page = await signedIn('supervisor');
      await page.getByRole('heading', { name: '督办看板' }).waitFor();
      await expectText(page.getByTestId('tile-breached'), '已逾期');
      const row = page.getByTestId('list-breached').getByRole('row').filter({ hasText: c.caseNumber });
      await expectText(row, '已逾期');
      await expectText(row, '逾期');
      expect(await seriousViolations(page)).toEqual([]);
      // On a 1,200-pixel screen every action of the row is inside the table, none cut off at its edge.
      await page.setViewportSize({ width: 1200, height: 900 });
      const table = await page.getByTestId('list-breached').boundingBox();
      for (const action of ['上报', '指派', '吹哨报到', '督办']) {
        const button = await row.getByRole('button', { name: `${action} ${c.caseNumber}` }).boundingBox();
        expect(button!.x + button!.width).toBeLessThanOrEqual(table!.x + table!.width);
      }
      if (process.env.JIEFEN_SCREENSHOT_DIR)
        await page.screenshot({ path: `${process.env.JIEFEN_SCREENSHOT_DIR}/supervision.png` });
      await page.setViewportSize({ width: 1280, height: 900 });

      await row.getByRole('button', { name: `上报 ${c.caseNumber}` }).click();
      const dialog = page.getByRole('dialog', { name: `上报 · ${c.caseNumber}` });
      await dialog.getByLabel('理由').waitFor();
      await pickOrganization(page, '上报至单位', '玄武区矛盾纠纷调处化解中心');
      await dialog.getByLabel('理由').fill('逾期未化解，上报区中心');
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: '提交' }).click();
      await closed(dialog);

      const trail = await t.http.get(`/api/v1/cases/${c.id}/events`).expect(200);
      const escalation = trail.body.items.find((e: { type: string }) => e.type === 'case.escalated');
      expect(escalation.payload).toEqual({ toOrganizationId: DEMO.xuanwu, reason: '逾期未化解，上报区中心' });
      expect(escalation.actor.username).toBe('supervisor');
      await page.getByRole('tab', { name: /^已上报/ }).click();
      await expectText(page.getByTestId('list-escalated'), c.caseNumber);
      await page.context().close();
    },
    JOURNEY_MS,
  );

  it(
    'lists a red-risk case and supervises it from the board with a due date (督办), then shows it under 督办中',
    async () => {
      const c = await openCase({ riskLevel: 'red', summary: '邻里纠纷，一方扬言报复' });
      await send(c.id, 'application.accepted', {});
      const page = await signedIn('supervisor');
      await page.getByRole('tab', { name: /^红色风险/ }).click();
      const row = page.getByTestId('list-redRisk').getByRole('row').filter({ hasText: c.caseNumber });
      await expectText(row, '红色风险');
      await row.getByRole('button', { name: `督办 ${c.caseNumber}` }).click();
      const dialog = page.getByRole('dialog', { name: `督办 · ${c.caseNumber}` });
      await dialog.getByLabel('督办要求').fill('三日内约谈双方并反馈');
      await dialog.getByLabel('到期日').fill('2026-03-06');
      await dialog.getByLabel('到期日').press('Enter');
      await dialog.getByRole('button', { name: '提交' }).click();
      await closed(dialog);
      await page.getByRole('tab', { name: /^督办中/ }).click();
      const supervised = page.getByTestId('list-supervised').getByRole('row').filter({ hasText: c.caseNumber });
      await expectText(supervised, '2026年3月6日');
      await expectText(supervised, '三日内约谈双方并反馈');
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    },
    JOURNEY_MS,
  );

  it(
    'moves every open case of a mediator on leave to a colleague (批量改派), each with its own outcome and its own trail',
    async () => {
      const admin = await t.as('admin');
      const { body: colleague } = await admin
        .post('/api/v1/users')
        .send({
          username: 'meiyuan-second',
          displayName: '梅园第二调解员',
          password: 'second-mediator-pass',
          role: 'mediator',
          organizationId: DEMO.meiyuanCommittee,
        })
        .expect(201);
      const first = await mediatingCase();
      const second = await mediatingCase();
      const page = await signedIn('supervisor');
      await page.getByRole('button', { name: '批量改派' }).click();
      const dialog = page.getByRole('dialog', { name: '批量改派（调解员请假等）' });
      await dialog.getByRole('combobox', { name: '原调解员' }).click();
      await page.getByRole('option', { name: /^梅园新村人民调解员/ }).click();
      await dialog
        .getByRole('radiogroup', { name: '改派给' })
        .getByText(/^梅园第二调解员/)
        .click();
      await dialog.getByLabel('改派理由').fill('调解员休假，案件改派');
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: '确认改派' }).click();
      const outcome = dialog.getByTestId('bulk-outcome');
      for (const c of [first, second])
        await expectText(outcome.getByRole('row').filter({ hasText: c.caseNumber }), '已改派');
      for (const c of [first, second]) {
        const { body } = await t.http.get(`/api/v1/cases/${c.id}`).expect(200);
        expect(body.records.mediatorId).toBe(colleague.id);
        const trail = await t.http.get(`/api/v1/cases/${c.id}/events`).expect(200);
        expect(trail.body.items.map((e: { type: string }) => e.type).slice(-2)).toEqual([
          'mediator.recused',
          'mediator.assigned',
        ]);
      }
      await page.context().close();
    },
    JOURNEY_MS,
  );

  it(
    'lists a return visit due, records it (回访) on the case page with 满意, shows it, and sets the 防止民转刑 flag',
    async () => {
      const c = await mediatingCase();
      await send(c.id, 'agreement.signed', writtenAgreement({ effectiveOn: '2026-03-02' }));
      // The last term is due on 30 April; the visit 30 days after (returnVisitTarget default), on
      // Saturday 30 May, which falls to Monday 1 June; on 3 June it is 2 working days overdue.
      t.clock.set(new Date('2026-06-03T10:00:00+08:00'));
      const page = await signedIn('mediator');
      // Role gating (GET /me): a mediator has no report, supervision or administration page.
      expect(await page.getByRole('link', { name: '统计报表' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: '督办', exact: true }).count()).toBe(0);
      await page.goto(`${base}/admin/users`);
      await page.waitForURL(`${base}/queue`);
      await page.getByRole('link', { name: '回访', exact: true }).click();
      await page.waitForURL(`${base}/visits`);
      const due = page.getByTestId('visits-due').getByRole('row').filter({ hasText: c.caseNumber });
      await expectText(due, '2026年6月1日');
      await expectText(due, '逾期2个工作日');
      expect(await seriousViolations(page)).toEqual([]);
      await due.getByRole('link', { name: `回访 ${c.caseNumber}` }).click();

      await page.getByRole('heading', { name: '登记回访' }).waitFor();
      await page.getByLabel('回访日期').fill('2026-06-03');
      await page.getByLabel('回访日期').press('Enter');
      await page.getByLabel('回访对象').fill('申请人张三、被申请人李四（电话回访）');
      await page.getByRole('radiogroup', { name: '协议履行情况' }).getByText('已履行').click();
      await page.getByRole('radiogroup', { name: '满意度' }).getByText('满意', { exact: true }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: '保存回访' }).click();
      const visits = page.getByTestId('return-visits');
      await expectText(visits, '申请人张三、被申请人李四（电话回访）');
      await expectText(visits.getByRole('row').filter({ hasText: '2026年6月3日' }), '满意');

      const flag = page.getByRole('switch', { name: /^防止民转刑/ });
      expect(await flag.getAttribute('aria-checked')).toBe('false');
      await page.getByTestId('criminal-risk').click(); // the switch's visible track; its input is visually hidden
      await expectText(page.locator('main'), '已标记为防止民转刑');
      expect(await flag.getAttribute('aria-checked')).toBe('true');
      const { body } = await t.http.get(`/api/v1/cases/${c.id}/return-visits`).expect(200);
      expect(body.criminalRiskPrevented).toBe(true);
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({
        visitedOn: '2026-06-03',
        performance: 'performed',
        satisfaction: 'satisfied',
        newDispute: false,
      });
      const { body: dueNow } = await (await t.as('mediator')).get('/api/v1/return-visits/due').expect(200);
      expect(dueNow.items.map((i: { caseId: string }) => i.caseId)).not.toContain(c.id);
      await page.context().close();
    },
    JOURNEY_MS,
  );

  it(
    'shows a report with the JSON API’s numbers, every row and the total, draws charts, downloads the same as Excel',
    async () => {
      // Something to count: a case accepted and agreed in March 2026 at the committee.
      const c = await mediatingCase();
      await send(c.id, 'agreement.signed', writtenAgreement({ effectiveOn: '2026-03-02' }));
      const page = await signedIn('supervisor');
      await page.getByRole('link', { name: '统计报表' }).click();
      await page.getByRole('link', { name: '中心考核' }).click();
      await page.getByRole('radio', { name: '年' }).check({ force: true });
      await page.getByRole('button', { name: '统计' }).click();
      const table = page.getByTestId('report-table');
      await expectText(table, '合计');
      const { body: json } = await (
        await t.as('supervisor')
      )
        .get(`/api/v1/reports/centre?year=2026&organizationId=${DEMO.xuanwu}&groupBy=organization`)
        .expect(200);
      expect(json.total.accepted).toBeGreaterThan(0);
      const shown = await table.locator('tbody tr').evaluateAll((rows) =>
        rows.map((tr) => ({
          label: tr.querySelector('td')?.textContent?.trim() ?? '',
          figures: Object.fromEntries(
            [...tr.querySelectorAll('[data-key]')].map((span) => [
              span.getAttribute('data-key'),
              span.textContent?.trim(),
            ]),
          ),
        })),
      );
      const expected = [
        ...json.rows.map((r: Record<string, unknown>) => ({ label: r.label, figures: figuresOf(r) })),
        { label: '合计', figures: figuresOf(json.total) },
      ];
      expect(shown).toEqual(expected);
      await page.getByRole('img', { name: /按单位/ }).waitFor();
      await page.mouse.move(0, 0); // measured at rest, not under the pointer's hover colour
      expect(await seriousViolations(page)).toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载Excel' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync((await download.path())!) as never);
      const sheet = workbook.worksheets[0]!;
      let totalRow: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === '合计') totalRow = row;
      });
      expect(totalRow).toBeDefined();
      // Columns in the workbook's order: 受理, 化解, 化解率 …
      expect([totalRow!.getCell(2).value, totalRow!.getCell(3).value, totalRow!.getCell(4).value]).toEqual([
        json.total.accepted,
        json.total.resolved,
        json.total.resolutionRate,
      ]);
      await page.context().close();
    },
    JOURNEY_MS,
  );

  it(
    'lets an admin rename an organisation (kept in its history) and disable a user, whose next request is refused',
    async () => {
      const admin = await t.as('admin');
      await admin
        .post('/api/v1/users')
        .send({
          username: 'leaving-clerk',
          displayName: '离岗接待员',
          password: 'leaving-clerk-pass',
          role: 'reception',
          organizationId: DEMO.xinjiekou,
        })
        .expect(201);
      const { body: token } = await request(t.app.getHttpServer())
        .post('/api/v1/auth/token')
        .send({ username: 'leaving-clerk', password: 'leaving-clerk-pass' })
        .expect(200);
      const asClerk = () =>
        request(t.app.getHttpServer()).get('/api/v1/me').set('Authorization', `Bearer ${token.accessToken}`);
      await asClerk().expect(200);

      const page = await signedIn('admin');
      await page.getByRole('link', { name: '组织机构' }).click();
      await page.getByRole('treeitem', { name: '新街口街道矛盾纠纷调处化解中心' }).click();
      await expectText(page.getByTestId('org-name'), '新街口街道矛盾纠纷调处化解中心');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: '重命名' }).click();
      const rename = page.getByRole('dialog', { name: '重命名' });
      await rename.getByLabel('新名称').fill('新街口街道综治中心');
      await rename.getByLabel('修改理由').fill('机构改革');
      await rename.getByRole('button', { name: '保存' }).click();
      await rename.waitFor({ state: 'hidden' });
      await page.getByRole('treeitem', { name: '新街口街道综治中心' }).waitFor();
      const history = page.getByTestId('org-history').getByRole('row').filter({ hasText: '更名' });
      await expectText(history, '新街口街道矛盾纠纷调处化解中心 → 新街口街道综治中心');
      await expectText(history, '金陵市中心管理员');
      const { body: tree } = await t.http.get('/api/v1/organizations').expect(200);
      expect(JSON.stringify(tree)).toContain('新街口街道综治中心');

      await page.getByRole('link', { name: '用户管理' }).click();
      const row = page.getByRole('row').filter({ hasText: 'leaving-clerk' });
      await expectText(row, '正常');
      expect(await seriousViolations(page)).toEqual([]);
      await row.getByRole('button', { name: '停用 离岗接待员' }).click();
      await page.getByRole('dialog', { name: '停用' }).getByRole('button', { name: '停用' }).click();
      await expectText(page.getByRole('row').filter({ hasText: 'leaving-clerk' }), '已停用');
      // Disabled: the token issued before stops working at once (docs/security.md).
      await asClerk().expect(401);
      await page.context().close();
    },
    JOURNEY_MS,
  );
});

/**
 * A report row's figures as the console writes them: counts as
 * sent, a rate as a percentage with two decimals, null as —.
 */
function figuresOf(figures: Record<string, unknown>): Record<string, string> {
  const RATES = /Rate$/;
  return Object.fromEntries(
    Object.entries(figures)
      .filter(([key]) => !['key', 'label', 'level'].includes(key))
      .map(([key, value]) => [
        key,
        value === null ? '—' : RATES.test(key) ? `${((value as number) * 100).toFixed(2)}%` : String(value),
      ]),
  );
}
