import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginAs, newPage, watchErrors } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('工作台', () => {
  it('shows an officer what waits (the same counts as the inbox) and leads there', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app`);
    const tile = page.locator('.ant-card', { hasText: '待签收线索' });
    await tile.waitFor();
    await expect.poll(async () => (await tile.locator('.ant-statistic-content-value').textContent())?.trim()).toMatch(/^\d+$/);
    const count = Number((await tile.locator('.ant-statistic-content-value').textContent())?.trim());
    // Supervisors' tile is not offered to an officer.
    expect(await page.locator('.ant-card', { hasText: '超期升级' }).count()).toBe(0);
    await tile.click();
    await page.waitForURL(/\/app\/complaints\?box=to_sign/);
    await page.getByText(`总共 ${count} 条`).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
