#!/usr/bin/env node
// Refreshes the screenshots of docs/console.md: starts the built service on a throw-away embedded
// PostgreSQL with the demo data, opens a few cases, and drives the console in headless Chromium
// (the same @sparticuz/chromium + playwright-core as the browser tests). Run after `pnpm -r run build`:
//   node apps/console/scripts/screenshots.mjs
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The browser packages are the API's test dependencies: resolve them from there.
const fromApi = createRequire(new URL('../../api/package.json', import.meta.url));
const playwright = await import(pathToFileURL(fromApi.resolve('playwright-core')).href);
const chromium = playwright.chromium ?? playwright.default.chromium;
const sparticuz = (await import(pathToFileURL(fromApi.resolve('@sparticuz/chromium')).href)).default;

const OUT = new URL('../../../docs/console/', import.meta.url);
const MAIN = new URL('../../api/dist/main.js', import.meta.url).pathname;
const PASSWORD = 'screenshot-password';

const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = server.address();
    server.close(() => resolve(p));
  });
});
const dataParent = mkdtempSync(join(tmpdir(), 'jiefen-screens-'));
chmodSync(dataParent, 0o755); // embedded PostgreSQL runs as the OS user postgres when we are root
const service = spawn(process.execPath, [MAIN], {
  env: {
    ...process.env,
    DATABASE_URL: '',
    PORT: String(port),
    JIEFEN_DATA_DIR: join(dataParent, 'pg'),
    JIEFEN_DEMO_PASSWORD: PASSWORD,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;

async function waitForService() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the service did not start');
}

async function call(token, method, path, body) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
const tokenOf = async (username) =>
  (await call(undefined, 'POST', '/auth/token', { username, password: PASSWORD })).accessToken;

// The demo 梅园新村街道人民调解委员会 (apps/api/src/demo/demoOrganizations.ts).
const COMMITTEE = '00000000-0000-4000-8000-000000000031';
const intake = (summary, parties) => ({
  flow: 'people-mediation',
  category: 'neighbour',
  summary,
  channel: 'walkIn',
  organizationId: COMMITTEE,
  parties,
});
const person = (role, name, idNumber, phone) => ({ role, kind: 'person', name, idNumber, phone });

try {
  await waitForService();
  const mediator = await tokenOf('mediator');
  const me = await call(mediator, 'GET', '/me');
  const open = (summary, parties) => call(mediator, 'POST', '/cases', intake(summary, parties));
  const first = await open('楼上卫生间漏水，双方就维修费用发生纠纷', [
    person('applicant', '张三', '11010519491231002X', '13800138000'),
    person('respondent', '李四', '32010619850312123X', '13900139000'),
  ]);
  await call(mediator, 'POST', `/cases/${first.id}/events`, { type: 'application.accepted', payload: {} });
  await call(mediator, 'POST', `/cases/${first.id}/events`, {
    type: 'mediator.assigned',
    payload: { mediatorId: me.user.id, chosenBy: 'committee' },
  });
  await call(mediator, 'POST', `/cases/${first.id}/events`, {
    type: 'session.recorded',
    payload: { heldOn: new Date().toISOString().slice(0, 10), summary: '双方到场陈述，同意继续协商' },
  });
  const second = await open('相邻房屋施工噪音扰民', [
    person('applicant', '王五', '440304199001015672', '13700137000'),
    person('respondent', '赵六', '11010519491231002X', '13600136000'),
  ]);
  await call(mediator, 'POST', `/cases/${second.id}/events`, { type: 'application.accepted', payload: {} });
  await open('物业费争议，业主拒缴', [person('applicant', '陈七', '32010619850312123X', '13500135000')]);
  // An agreement in force, for the court's judicial confirmation and the documents tab.
  const agreed = await open('邻居装修损坏墙面，协商赔偿', [
    person('applicant', '孙八', '11010519491231002X', '13300133000'),
    person('respondent', '周九', '440304199001015672', '13200132000'),
  ]);
  for (const [type, payload] of [
    ['application.accepted', {}],
    ['mediator.assigned', { mediatorId: me.user.id, chosenBy: 'committee' }],
    [
      'session.recorded',
      { heldOn: new Date().toISOString().slice(0, 10), summary: '双方确认损坏范围，同意按报价赔偿' },
    ],
    [
      'agreement.signed',
      {
        form: 'written',
        terms: [{ obligorPartyId: 'p2', description: '赔偿墙面修复费用', amount: '2800.00', dueOn: '2027-01-15' }],
        signatures: { partyIds: ['p1', 'p2'], mediator: true, committeeSeal: true },
      },
    ],
  ]) {
    await call(mediator, 'POST', `/cases/${agreed.id}/events`, { type, payload });
  }

  const browser = await chromium.launch({
    executablePath: await sparticuz.executablePath(),
    args: sparticuz.args,
    headless: true,
  });
  const shoot = async (page, name) => {
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    await page.screenshot({ path: new URL(`${name}.png`, OUT).pathname });
    console.log(`docs/console/${name}.png`);
  };
  const session = async (username) => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 760 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    return page;
  };
  const signIn = async (page) => {
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
  };

  const reception = await session('reception');
  await shoot(reception, 'sign-in');
  await signIn(reception);
  await reception.getByRole('combobox', { name: '纠纷类型' }).click();
  await reception.getByRole('option', { name: '邻里' }).click();
  await reception.getByLabel('摘要').fill('楼上漏水，双方就维修费用发生争执');
  await reception.getByLabel('姓名或名称').fill('张三');
  await reception.getByLabel('公民身份号码').fill('11010519491231002X');
  await reception.getByText('重复受理提醒').scrollIntoViewIfNeeded();
  await shoot(reception, 'intake');
  await reception.getByRole('combobox', { name: '来源渠道' }).click();
  await reception.getByRole('option', { name: '来访' }).click();
  await reception.getByRole('combobox', { name: '受理单位' }).click();
  await reception.getByRole('treeitem', { name: '梅园新村街道人民调解委员会' }).click();
  await reception.getByRole('button', { name: '保存并受理登记' }).click();
  await reception.getByTestId('case-number').waitFor();
  await shoot(reception, 'receipt');

  const page = await session('mediator');
  await signIn(page);
  await page.getByRole('row').nth(2).waitFor();
  await shoot(page, 'work-queue');
  await page.goto(`${base}/cases/${first.id}`);
  await page.getByRole('button', { name: '达成调解协议' }).waitFor();
  await shoot(page, 'case');
  await page.getByRole('button', { name: '达成调解协议' }).click();
  await page.getByRole('dialog', { name: '达成调解协议' }).getByText('书面协议').click();
  await shoot(page, 'action');

  // The documents tab: produced by the service's outbox a moment after each event.
  await page.goto(`${base}/cases/${agreed.id}`);
  await page.getByRole('tab', { name: '文书' }).click();
  await page.getByRole('button', { name: '下载人民调解协议书' }).waitFor({ timeout: 30_000 });
  await shoot(page, 'documents');

  const court = await session('court');
  await signIn(court);
  await court.getByRole('link', { name: '登记受理' }).click();
  await court.getByRole('combobox', { name: '流程' }).click({ force: true });
  await court.getByRole('option', { name: '司法确认' }).click();
  await court.getByLabel('关联案件案号').fill(agreed.caseNumber);
  await court.getByRole('button', { name: '查找关联案件' }).click();
  await court.getByRole('status').waitFor();
  await shoot(court, 'court-intake');
  await court.getByRole('combobox', { name: '来源渠道' }).click();
  await court.getByRole('option', { name: '来访' }).click();
  await court.getByRole('button', { name: '保存并受理登记' }).click();
  const application = await court.getByTestId('case-number').textContent();
  await court.getByRole('link', { name: '司法确认' }).click();
  await court.getByRole('link', { name: application }).waitFor();
  await shoot(court, 'court-queue');
  await court.getByRole('link', { name: application }).click();
  await court.getByTestId('agreement').waitFor();
  await shoot(court, 'court-case');

  const petition = await session('petition');
  await signIn(petition);
  await petition.getByRole('combobox', { name: '流程' }).click({ force: true });
  await petition.getByRole('option', { name: '信访' }).click();
  await petition.getByText('申诉求决').click();
  await petition.getByRole('combobox', { name: '纠纷类型' }).click();
  await petition.getByRole('option', { name: '邻里' }).click();
  await petition.getByLabel('摘要').fill('来访反映楼上漏水长期未修，要求处理');
  await petition.getByLabel('姓名或名称').fill('张三');
  await shoot(petition, 'petition-intake');
  await petition.getByRole('combobox', { name: '来源渠道' }).click();
  await petition.getByRole('option', { name: '来访' }).click();
  await petition.getByRole('button', { name: '保存并受理登记' }).click();
  await petition.getByTestId('case-number').waitFor();
  await petition.goto(petition.url().replace(/\/intake\/([^/]+)\/receipt$/, '/cases/$1'));
  await petition.getByRole('button', { name: '不予受理', exact: true }).waitFor();
  await shoot(petition, 'petition-case');

  const admin = await session('admin');
  await signIn(admin);
  await admin.getByRole('table').first().waitFor();
  await shoot(admin, 'calendar-years');

  // The centre's pages (issue 16): 督办看板, 统计报表, 回访 on a case, 组织机构, 用户管理.
  const risky = await open('邻里纠纷，一方扬言报复', [
    person('applicant', '吴十', '11010519491231002X', '13100131000'),
  ]);
  await call(mediator, 'POST', `/cases/${risky.id}/events`, { type: 'application.accepted', payload: {} });
  await call(await tokenOf('supervisor'), 'POST', `/cases/${risky.id}/events`, {
    type: 'case.supervised',
    payload: {
      instructions: '三日内约谈双方并反馈',
      dueOn: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
    },
  });
  const visited = await open('楼道堆物引发争执', [
    person('applicant', '郑一', '32010619850312123X', '13000130000'),
    person('respondent', '冯二', '440304199001015672', '13900139001'),
  ]);
  for (const [type, payload] of [
    ['application.accepted', {}],
    ['mediator.assigned', { mediatorId: me.user.id, chosenBy: 'committee' }],
    ['agreement.signed', { form: 'oral', terms: [{ obligorPartyId: 'p2', description: '三日内清理楼道堆物' }] }],
  ]) {
    await call(mediator, 'POST', `/cases/${visited.id}/events`, { type, payload });
  }
  const supervisor = await session('supervisor');
  await signIn(supervisor);
  await supervisor.getByTestId('by-organization').waitFor();
  await supervisor.getByRole('tab', { name: /^督办中/ }).click();
  await supervisor.getByTestId('list-supervised').getByRole('row').nth(1).waitFor();
  await shoot(supervisor, 'supervision');
  await supervisor.goto(`${base}/reports/centre`);
  await supervisor.getByTestId('report-table').getByText('合计').waitFor();
  await shoot(supervisor, 'reports');
  await supervisor.getByRole('img', { name: /按单位/ }).scrollIntoViewIfNeeded();
  await shoot(supervisor, 'report-charts');
  const visitor = await session('mediator');
  await signIn(visitor);
  await visitor.goto(`${base}/cases/${visited.id}`);
  await visitor.getByRole('heading', { name: '登记回访' }).scrollIntoViewIfNeeded();
  await visitor.getByLabel('回访对象').fill('申请人郑一、被申请人冯二（上门回访）');
  await shoot(visitor, 'return-visit');
  await admin.goto(`${base}/admin/organizations`);
  await admin.getByTestId('org-name').waitFor();
  await shoot(admin, 'organizations');
  await admin.goto(`${base}/admin/users`);
  await admin.getByRole('row').nth(2).waitFor();
  await shoot(admin, 'users');
  await browser.close();
} finally {
  service.kill('SIGTERM');
  await new Promise((resolve) => service.once('exit', resolve));
  rmSync(dataParent, { recursive: true, force: true });
}
