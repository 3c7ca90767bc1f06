import { existsSync } from 'node:fs';
import { type Browser, type Locator, type Page, chromium } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

let resolved: Promise<string> | null = null;

/**
 * The Chromium for browser tests, in this order: CHROMIUM_PATH, the system's Chromium/Chrome, else
 * the binary shipped inside the `@sparticuz/chromium` dev dependency (headless Chromium for Linux
 * x64, unpacked to /tmp on first use), so `npm install && npm test` needs nothing but Node and npm.
 * Browser tests never skip: when none of these works the error says how to get one.
 */
export function chromiumPath(): Promise<string> {
  resolved ??= (async () => {
    if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
    const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
    if (found) return found;
    try {
      const packaged = (await import('@sparticuz/chromium')).default;
      return await packaged.executablePath();
    } catch (err) {
      throw new Error(
        'Browser tests need Chromium and none was found: no CHROMIUM_PATH, no system Chromium, and the npm package ' +
          `@sparticuz/chromium (a dev dependency; Linux x64 only) could not provide one (${(err as Error).message}). ` +
          'Run `npm install`, or install Chromium (`apt-get install -y chromium` on Debian), or set CHROMIUM_PATH.',
      );
    }
  })();
  return resolved;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  return context.newPage();
}

export async function loginAs(page: Page, baseUrl: string, username: string, password = 'Demo@2026') {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/\/app/);
}

/**
 * Fails the journey on any uncaught page error (a crashed React tree shows nothing otherwise) and
 * on any Content-Security-Policy violation (the pages must work under the policy of
 * server/http/security-headers.ts).
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(`CSP: ${m.text()}`);
  });
  return errors;
}

/** A date n days ahead (YYYY-MM-DD) in China time, as the server counts days. */
export function daysAhead(n: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

/** Clicks an option of the antd Select dropdown that is open now. */
export async function pickOption(page: Page, text: string | RegExp) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/** Clicks the dialog's OK button and waits for it to close; if it stays open, says why (form or server error). */
export async function submitDialog(page: Page, button: RegExp = /提\s*交/) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button }).click();
  try {
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  } catch (err) {
    const fieldErrors = await dialog.locator('.ant-form-item-explain-error').allTextContents();
    const messages = await page.locator('.ant-message').allTextContents();
    throw new Error(`dialog stayed open; field errors: ${JSON.stringify(fieldErrors)}; messages: ${JSON.stringify(messages)}; ${err}`);
  }
}

/** Opens an antd Select by its form label inside `scope` (clicking the selector, which may show a chosen value). */
export async function openSelect(scope: Page | Locator, page: Page, label: string) {
  await scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) }).locator('.ant-select-selector').click();
}

/** The text of one bordered Descriptions cell, by its label. */
export async function descriptionValue(page: Page, label: string): Promise<string> {
  const cell = page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::td[1]');
  return ((await cell.first().textContent()) ?? '').trim();
}
