import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PNG_1PX } from '../helpers/xlsx-upload.js';
import { launchBrowser, loginAs, pickOption, watchErrors } from './browser.js';
import { COMPANY } from './steps.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  // A phone: small touch screen.
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  page = await context.newPage();
});
afterAll(() => browser?.close());

const status = () => page.getByTestId('draft-status');

async function myRecordsFor(enterpriseName: string): Promise<Array<{ id: string }>> {
  return page.evaluate(async (name) => {
    const res = await fetch('/api/inspections?mine=1&pageSize=200');
    const body = (await res.json()) as { items: Array<{ id: string; enterpriseName: string }> };
    return body.items.filter((i) => i.enterpriseName === name);
  }, enterpriseName);
}

describe('inspector on a phone with no signal', () => {
  it('keeps the draft on the device, sends it when back online, and never makes two records', async () => {
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'inspector-1');
    await page.goto(`${baseUrl}/app/inspections/record`);
    await page.getByText('现场检查登记').first().waitFor();
    await page.locator('.ant-select', { has: page.locator('#m-campaign') }).locator('.ant-select-selection-item').waitFor();
    await page.locator('.ant-select', { has: page.locator('#m-enterprise') }).click();
    await pickOption(page, COMPANY);
    await page.getByTestId('projects').getByRole('checkbox').first().check();
    await page.getByTestId('inspectors').getByLabel('林海').check();
    await page.getByTestId('inspectors').getByLabel('邓杰').check();
    const item = page.getByTestId('finding-5');
    await item.locator('label', { hasText: '存在问题' }).click();
    await item.getByLabel('问题描述').fill('小区公示栏未公示收费标准（离线测试）');
    await item.getByLabel('拍照').setInputFiles({ name: 'camera.png', mimeType: 'image/png', buffer: PNG_1PX });
    await item.getByAltText('照片1').waitFor();
    expect(await item.getByAltText('照片1').getAttribute('src')).toMatch(/^data:image\/jpeg/);

    // The draft survives a reload (kept on the device).
    await page.reload();
    await page.getByTestId('finding-5').getByLabel('问题描述').waitFor();
    expect(await page.getByTestId('finding-5').getByLabel('问题描述').inputValue()).toBe('小区公示栏未公示收费标准（离线测试）');
    await page.getByTestId('finding-5').getByAltText('照片1').waitFor();

    // In the basement: no signal. Submitting queues the draft on the device.
    await context.setOffline(true);
    await page.getByTestId('network').filter({ hasText: '离线' }).waitFor();
    await page.getByRole('button', { name: /提交检查记录/ }).click();
    await status().filter({ hasText: '待发送' }).waitFor();
    const stored = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('inspection-draft:'))?.[1] ?? '');
    expect(JSON.parse(stored)).toMatchObject({ status: 'queued', clientKey: expect.stringMatching(/^draft-/) });

    // Back up the stairs, but the server's answer is lost on the way: the record is made, the phone does not know.
    let lost = 0;
    await page.route('**/api/inspections', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      lost++;
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    await expect.poll(() => lost, { timeout: 15_000 }).toBe(1);
    await status().filter({ hasText: '待发送' }).waitFor();
    expect(await myRecordsFor(COMPANY)).toHaveLength(1);

    // The signal drops and returns; the phone sends the same draft again — the server recognises it.
    await page.unroute('**/api/inspections');
    await context.setOffline(true);
    await page.getByTestId('network').filter({ hasText: '离线' }).waitFor();
    await context.setOffline(false);
    await status().filter({ hasText: '已发送' }).waitFor({ timeout: 15_000 });
    const records = await myRecordsFor(COMPANY);
    expect(records).toHaveLength(1);

    await page.getByRole('link', { name: '查看检查记录' }).click();
    await page.getByText('存在问题').first().waitFor();
    await expect.poll(async () => page.locator('a[href^="/app/problems/"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('staff pages', () => {
  it('shows a draw with its seed and verifies it, the coverage with the projects not yet visited, and the portal publication', async () => {
    const staff = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const p = await staff.newPage();
    const errors = watchErrors(p);
    await loginAs(p, baseUrl, 'district-housing');
    const draw = await p.evaluate(async () => {
      const campaigns = (await (await fetch('/api/campaigns?pageSize=50')).json()) as { items: Array<{ id: string; title: string }> };
      const campaignId = (campaigns.items.find((c) => c.title.includes('东湖')) ?? campaigns.items[0])?.id;
      const res = await fetch('/api/inspection-draws', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ campaignId, regionCode: '420100-DH', targetCount: 2, inspectorsPerTarget: 2, seed: '浏览器测试种子' }),
      });
      return { status: res.status, body: (await res.json()) as { id: string }, campaignId };
    });
    expect(draw.status).toBe(201);
    await p.goto(`${baseUrl}/app/inspections/draws/${draw.body.id}`);
    await p.getByText('浏览器测试种子').first().waitFor();
    await p.getByRole('button', { name: /复核抽取结果/ }).click();
    await p.getByText(/复核一致/).waitFor();

    await p.goto(`${baseUrl}/app/inspections/coverage?campaignId=${draw.campaignId}`);
    await p.getByText('尚未检查的项目').waitFor();
    await p.goto(`${baseUrl}/app/inspections/plans`);
    await p.getByRole('button', { name: /新建检查计划/ }).waitFor();
    await p.goto(`${baseUrl}/app/inspections`);
    await p.locator('.ant-table').first().waitFor();

    await p.goto(`${baseUrl}/portal/inspection-draws`);
    await p.getByText('浏览器测试种子').first().waitFor();
    expect(errors).toEqual([]);
    await staff.close();
  });
});
