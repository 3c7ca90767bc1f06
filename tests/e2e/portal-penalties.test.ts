import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.js';

const baseUrl = inject('baseUrl');
const COMPANY = '武汉听涛物业服务有限公司';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A phone-sized page (375 px wide, touch), as most residents use the portal. */
async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  return context.newPage();
}

describe('portal: 行政处罚公示', () => {
  it('lists the seeded published fine without login on a phone, finds it by company name and opens the decision', async () => {
    const page = await phonePage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/portal/penalties`);
    await page.getByRole('heading', { name: '行政处罚公示' }).waitFor();
    const item = page.locator('.ant-list-item', { hasText: COMPANY }).first();
    await item.waitFor();
    await item.getByText('罚款').first().waitFor();

    await page.getByPlaceholder('企业名称、统一社会信用代码或文号').fill('听涛');
    await page.getByPlaceholder('企业名称、统一社会信用代码或文号').press('Enter');
    // Other journeys may publish more decisions against the company: open the seeded 50,000 元 fine.
    await page.locator('.ant-list-item', { hasText: COMPANY }).filter({ hasText: '50,000' }).first().click();
    await page.waitForURL(/\/portal\/penalties\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: '行政处罚决定书' }).waitFor();
    const details = page.locator('.ant-descriptions');
    await details.getByText(COMPANY).waitFor();
    await details.getByText('50,000 元').waitFor();
    await page.getByRole('heading', { name: '处罚依据' }).waitFor();
    await page.getByText(/物业管理条例/).first().waitFor();
    // Nothing overflows the phone screen sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
