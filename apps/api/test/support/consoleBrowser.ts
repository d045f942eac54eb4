import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CONSOLE_DIST } from '../../src/console/serveConsole.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './testApp.js';

/** The service with the built console, listening on a free port, and a headless Chromium to drive it. */
export interface ConsoleHarness {
  t: TestApp;
  browser: Browser;
  base: string;
}

/** No console build, no browser: the test fails rather than skips (issue 14). */
export async function startConsoleHarness(): Promise<ConsoleHarness> {
  if (!existsSync(`${CONSOLE_DIST}index.html`))
    throw new Error(`the console is not built at ${CONSOLE_DIST}: run pnpm -r run build`);
  const t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
  // Not --single-process (meant for AWS Lambda): there, closing one context ends the whole browser.
  const browser = await chromium.launch({
    executablePath: await sparticuz.executablePath(),
    args: sparticuz.args.filter((a) => a !== '--single-process'),
    headless: true,
  });
  return { t, browser, base };
}

export async function stopConsoleHarness(harness: Partial<ConsoleHarness>): Promise<void> {
  await harness.browser?.close();
  await harness.t?.close();
}

/** A fresh browser context (its own sessionStorage) per user; axe needs a page made by a context. */
export async function newConsolePage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    reducedMotion: 'reduce',
    ...options,
  });
  return context.newPage();
}

/** Signs in through the form as a person does, and waits for the signed-in header. */
export async function signInThroughForm(page: Page, base: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${base}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  return page;
}

/** Serious and critical axe-core findings (WCAG 2.1 A/AA rules) on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary})`).join(', ')}`);
}
