import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginAs, newPage } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

// antd's built-in texts come from the locale given to ConfigProvider. If the bundler hands main.tsx the
// CommonJS module object instead of the locale (Vite 8 CJS interop), everything silently falls back to English.
const ENGLISH = /\bCancel\b|\bOK\b|\/ page|\bitems\b|\bSearch\b|\bReset\b|No data/;

describe('built-in component texts', () => {
  it('are Simplified Chinese in table pagination and modal buttons', async () => {
    const page = await newPage(browser);
    await loginAs(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/app/users`);
    await page.locator('.ant-table-row').first().waitFor();
    // The pagination's arrows carry the locale's title ("Previous Page" in English).
    expect(await page.locator('.ant-pagination-prev').first().getAttribute('title')).toBe('上一页');
    expect(await page.locator('main').innerText()).not.toMatch(ENGLISH);

    await page.getByRole('button', { name: '新建用户' }).click();
    const footer = page.getByRole('dialog').locator('.ant-modal-footer');
    await footer.waitFor();
    expect((await footer.locator('button').allInnerTexts()).map((t) => t.replace(/\s/g, ''))).toEqual(['取消', '确定']);
    await page.context().close();
  });
});
