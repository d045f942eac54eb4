// Item 6: the console (issue 14). The built service on a fresh database with 1,000 open
// people-mediation cases of the demo mediator (opened, accepted and assigned through the API), the
// console driven by headless Chromium (@sparticuz/chromium + playwright-core, as the browser tests):
//   - JavaScript for the first screen: gzip -9 of the scripts apps/console/dist/index.html loads
//     (entry and modulepreloads); the report charts must not be among them (a lazy chunk);
//   - first screen usable, cold cache: a new browser context, navigation → 用户名 field typed into;
//   - the work queue of 1,000 open cases: a click on 工作台 → its first page (20 rows) on screen, and
//     of that, rendering after the last of its API responses arrived.
// Alone: `node bench/console.mjs` after a build (starts its own embedded PostgreSQL).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openMediatingCases } from './lib/cases.mjs';
import { migrate } from './lib/generate.mjs';
import { signIn } from './lib/http.mjs';
import { path, repoRoot } from './lib/paths.mjs';
import { DEMO_PASSWORD, startService } from './lib/service.mjs';
import { median } from './lib/stats.mjs';

const CONSOLE_DIST = new URL('apps/console/dist/', repoRoot);
const RUNS = Number(process.env.BENCH_CONSOLE_RUNS ?? 5);
const OPEN_CASES = Number(process.env.BENCH_CONSOLE_CASES ?? 1000);
const PAGE_ROWS = 20;

/** The browser packages are the API's test dependencies: resolved from there, like the screenshots script. */
async function browserKit() {
  const fromApi = createRequire(new URL('apps/api/package.json', repoRoot));
  const playwright = await import(pathToFileURL(fromApi.resolve('playwright-core')).href);
  const sparticuz = (await import(pathToFileURL(fromApi.resolve('@sparticuz/chromium')).href)).default;
  return { chromium: playwright.chromium ?? playwright.default.chromium, sparticuz };
}

/** The scripts index.html loads before anything is clicked, each gzip -9. */
export function firstScreenJavaScript() {
  const html = readFileSync(new URL('index.html', CONSOLE_DIST), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]);
  const files = [...new Set(srcs)].map((src) => {
    const bytes = readFileSync(new URL(src.replace(/^\//, ''), CONSOLE_DIST));
    return { file: src, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const charts = files.filter((f) => /echarts|zrender/i.test(f.file)).map((f) => f.file);
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzip, 0), chartsInFirstScreen: charts };
}

export async function runConsole({ db, log, outDir }) {
  const js = firstScreenJavaScript();
  log(
    `item 6: first screen JavaScript ${(js.gzipBytes / 1024).toFixed(0)} KB gzip in ${js.files.length} files` +
      (js.chartsInFirstScreen.length
        ? `; CHARTS LOADED UP FRONT: ${js.chartsInFirstScreen.join(', ')}`
        : '; charts not among them'),
  );
  const database = await db.newDatabase('console');
  let service;
  let browser;
  try {
    await migrate(database.url, DEMO_PASSWORD);
    service = await startService({
      databaseUrl: database.url,
      env: { JIEFEN_BACKGROUND_JOBS: 'false' },
      logFile: join(outDir, 'service-console.log'),
      log,
    });
    const token = await signIn(service.baseUrl, 'mediator', DEMO_PASSWORD);
    const seeded = await openMediatingCases(service.baseUrl, token, OPEN_CASES, { concurrency: 8, log });
    log(`  ${OPEN_CASES} open cases of the demo mediator in ${seeded.seconds.toFixed(1)} s`);

    const { chromium, sparticuz } = await browserKit();
    browser = await chromium.launch({
      executablePath: await sparticuz.executablePath(),
      args: sparticuz.args.filter((a) => a !== '--single-process'),
      headless: true,
    });
    const base = service.baseUrl;

    const firstScreen = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`${base}/`, { waitUntil: 'commit' });
      await page.getByLabel('用户名').fill('mediator');
      firstScreen.push(Date.now() - t0);
      await context.close();
    }

    const queue = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await page.getByLabel('用户名').fill('mediator');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page
        .locator('.el-table__body tbody tr')
        .nth(PAGE_ROWS - 1)
        .waitFor();
      // Away to another page, then back by the header link: what a mediator does all day.
      await page.getByRole('link', { name: '登记受理' }).click();
      await page.getByRole('button', { name: '保存并受理登记' }).waitFor();
      await page.waitForLoadState('networkidle');
      const timing = await page.evaluate(
        (rows) =>
          new Promise((resolve) => {
            performance.clearResourceTimings();
            const link = [...document.querySelectorAll('a')].find((a) => a.getAttribute('href') === '/queue');
            const clickedAt = performance.now();
            link.click();
            const check = () => {
              // Rows on screen (the loading mask's fade-out over them is not waited for).
              if (document.querySelectorAll('.el-table__body tbody tr').length >= rows) {
                const shownAt = performance.now();
                const api = performance
                  .getEntriesByType('resource')
                  .filter((e) => /\/api\/v1\/(cases|deadlines|flows)/.test(e.name));
                const dataAt = Math.max(...api.map((e) => e.responseEnd));
                resolve({
                  clickToRowsMs: shownAt - clickedAt,
                  renderAfterDataMs: shownAt - dataAt,
                  requests: api.map((e) => ({ url: e.name.replace(/^https?:\/\/[^/]+/, ''), ms: e.duration })),
                });
              } else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          }),
        PAGE_ROWS,
      );
      queue.push(timing);
      await context.close();
    }
    const result = {
      javascript: js,
      firstScreenMs: { runs: firstScreen, median: median(firstScreen), max: Math.max(...firstScreen) },
      workQueue: {
        openCases: OPEN_CASES,
        clickToRowsMs: {
          runs: queue.map((q) => Math.round(q.clickToRowsMs)),
          median: median(queue.map((q) => q.clickToRowsMs)),
          max: Math.max(...queue.map((q) => q.clickToRowsMs)),
        },
        renderAfterDataMs: {
          runs: queue.map((q) => Math.round(q.renderAfterDataMs)),
          median: median(queue.map((q) => q.renderAfterDataMs)),
          max: Math.max(...queue.map((q) => q.renderAfterDataMs)),
        },
        requests: queue.at(-1).requests,
      },
    };
    log(`  first screen usable (cold): median ${result.firstScreenMs.median} ms, max ${result.firstScreenMs.max} ms`);
    log(
      `  work queue first page: click → rows median ${result.workQueue.clickToRowsMs.median.toFixed(0)} ms ` +
        `(max ${result.workQueue.clickToRowsMs.max.toFixed(0)}), render after data ` +
        `median ${result.workQueue.renderAfterDataMs.median.toFixed(0)} ms ` +
        `(max ${result.workQueue.renderAfterDataMs.max.toFixed(0)})`,
    );
    return result;
  } finally {
    await browser?.close();
    await service?.stop();
    await database.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { startDatabase } = await import('./lib/postgres.mjs');
  const { mkdirSync } = await import('node:fs');
  const { resultsDir } = await import('./lib/paths.mjs');
  const log = (m) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${m}\n`);
  const outDir = path(new URL(`console-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}/`, resultsDir));
  mkdirSync(outDir, { recursive: true });
  const db = await startDatabase(log);
  try {
    console.log(JSON.stringify(await runConsole({ db, log, outDir }), null, 2));
  } finally {
    await db.stop();
  }
}
