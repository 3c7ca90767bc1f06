import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginAs, newPage, watchErrors } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('挂图作战', () => {
  it('every figure opens the list behind it, and the list shows the same number', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-supervisor');
    await page.goto(`${baseUrl}/app/dashboard`);
    const overdue = page.getByTestId('complaints-overdue');
    await overdue.waitFor({ timeout: 60_000 });
    const n = Number((await overdue.locator('.ant-statistic-content-value').textContent())?.replace(/,/g, '').trim());
    await overdue.click();
    await page.waitForURL(/\/app\/complaints\?.*overdue=true/);
    await page.getByText(`总共 ${n} 条`).waitFor();

    // a bar of the "by sub-region" chart: the canvas click and the link beside it lead to the same list
    await page.goto(`${baseUrl}/app/dashboard`);
    const chart = page.getByTestId('complaints-by-region');
    await chart.waitFor({ timeout: 60_000 });
    const link = chart.getByTestId('complaints-by-region-link').first();
    const count = Number(await link.getAttribute('data-count'));
    const canvas = chart.locator('canvas').first();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('chart not drawn');
    await page.waitForTimeout(1500); // the bars grow in (ECharts animation)
    // the first (largest) bar, half-way along, on the first row
    await page.mouse.click(box.x + box.width / 2, box.y + 10 + (box.height - 30) / Math.max(1, await chart.getByTestId('complaints-by-region-link').count()) / 2);
    await page.waitForURL(/\/app\/complaints\?region=/);
    await page.getByText(`总共 ${count} 条`).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
