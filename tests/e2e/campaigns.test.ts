import type { Browser, } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginAs, newPage, watchErrors } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());


describe('campaign set-up', () => {
  it('shows the district the S3 plan: phases, focus items with legal basis, units and progress', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/campaigns`);
    // The 2021 plan, which ended in 2021 (the demo also runs this year's round of the same template).
    await page.getByRole('row').filter({ hasText: /至 2021-\d\d-\d\d/ }).getByText('《东湖风景区物业管理领域侵害群众利益问题专项整治工作实施方案》').click();
    await page.waitForURL(/\/app\/campaigns\/[0-9a-f-]{36}/);
    for (const phase of ['动员部署阶段', '自查自纠阶段', '集中整治阶段', '总结巩固阶段']) await page.getByText(phase).first().waitFor();
    await page.getByText('2021-10-01 至 2021-11-14').first().waitFor();
    await page.getByText('区物业协会向物业企业发出倡议').waitFor();

    await page.getByRole('tab', { name: /整治重点/ }).click();
    await page.getByText('《民法典》第944条第3款').waitFor();
    await page.getByText('《治安管理处罚法》第50条第1款').waitFor();

    await page.getByRole('tab', { name: /参与单位/ }).click();
    await page.getByText('东湖风景区建设（房管）局').first().waitFor();
    await page.getByText('冯远山').waitFor();

    await page.getByRole('tab', { name: '任务进度' }).click();
    await page.getByText('磨山街道').first().waitFor();
    await page.getByText('逾期未完成').first().waitFor();

    await page.getByRole('tab', { name: '责任分工规则' }).click();
    await page.getByRole('button', { name: '保存规则' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets a coordinator create the plan from the template for another year', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'other-district-housing');
    await page.goto(`${baseUrl}/app/campaigns`);
    await page.getByRole('button', { name: '按模板新建' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('模板').click();
    await page.getByText('东湖风景区实施方案（2021）').click();
    await dialog.getByLabel('适用区划').click();
    await page.locator('.ant-select-tree-title', { hasText: '洪山区' }).first().click();
    await dialog.getByLabel('年度').fill('2026');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.waitForURL(/\/app\/campaigns\/[0-9a-f-]{36}/);
    await page.getByText('2026-09-07 至 2026-09-30').first().waitFor();
    await page.getByText('草稿').first().waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('reference data pages', () => {
  it('computes a deadline across the 2026 Spring Festival on the calendar page', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/calendar`);
    await page.getByText('已录入年份').waitFor();
    const date = page.locator('.ant-picker-input input').first();
    await date.click();
    await date.fill('2026-02-13');
    await date.press('Enter');
    await page.locator('.ant-input-number-input').first().fill('2');
    await page.getByRole('button', { name: /计\s*算/ }).click();
    await page.getByText('2026-02-13 之后第 2 个工作日：2026-02-24（星期二）').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('filters the legal library by the date of the act', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/legal-provisions`);
    await page.getByText('《物业管理条例》第63条第1款第（三）项').waitFor();
    await page.getByLabel('关键词').fill('治安管理处罚法');
    const date = page.getByLabel('违法行为发生日');
    await date.click();
    await date.fill('2025-06-01');
    await date.press('Enter');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('《治安管理处罚法》第42条').waitFor();
    expect(await page.getByText('《治安管理处罚法》第50条第1款').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
