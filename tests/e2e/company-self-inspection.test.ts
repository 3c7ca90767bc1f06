import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginAs, newPage, watchErrors } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the 附件1 self-inspection, company on a phone and district at the desk', () => {
  let formUrl = '';
  const problem = `小区出入口未公示停车收费标准（浏览器测试 ${Date.now() % 100000}）`;

  it('lets the company fill, confirm and file its form on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'enterprise-user');
    await page.goto(`${baseUrl}/app/company/self-inspections`);
    await page.getByText('我的自查表').first().waitFor();
    await page.getByRole('button', { name: /^填\s*报$/ }).first().click();
    await page.getByTestId('fill-5').waitFor();
    // Six rows, in the plan's wording.
    expect(await page.locator('[data-testid^="fill-"]').count()).toBe(6);
    await page.getByTestId('fill-6').getByText('擅自提高物业服务收费标准，以及转供电代收加价等违规收取不合理费用行为').waitFor();
    const row = page.getByTestId('fill-5');
    await row.getByText('发现问题').click();
    // Saving without the responsible person is refused with a clear message.
    await row.getByLabel('问题描述').fill(problem);
    await page.getByRole('button', { name: /保存自查表/ }).click();
    await page.getByText('第 5 项填报了问题，请填写整改责任人').first().waitFor();
    await row.getByLabel('整改责任人').fill('王五');
    await row.getByLabel('联系方式').fill('13900000011');
    await row.getByLabel('整改完成期限').fill('2099-12-31');
    await page.getByRole('button', { name: /保存自查表/ }).click();
    await page.waitForURL(/\/app\/self-inspections\/[0-9a-f-]{36}$/);
    formUrl = page.url().replace(baseUrl, '');
    await page.getByRole('button', { name: /确认（电子盖章）/ }).click();
    await page.getByText('已确认（待备案）').first().waitFor();
    await page.getByRole('button', { name: /报送备案/ }).click();
    await page.getByText('已备案待审核').first().waitFor();
    // The company may not decide its own form.
    expect(await page.getByRole('button', { name: /审核通过/ }).count()).toBe(0);
    // Nothing overflows the phone's width.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(400);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the district housing department accept it, opening the declared problem in the ledger', async () => {
    expect(formUrl).not.toBe('');
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/self-inspections`);
    await page.getByText('报送情况').first().waitFor();
    await page.goto(`${baseUrl}${formUrl}`);
    await page.getByText(problem).waitFor();
    await page.getByRole('button', { name: /审核通过/ }).click();
    await page.getByText('已通过').first().waitFor();
    await page.getByText('查看台账问题').click();
    await page.waitForURL(/\/app\/problems\/[0-9a-f-]{36}$/);
    await page.getByText(problem).first().waitFor();
    await page.getByText('企业自查').first().waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('renders the staff pages (承诺书, 热线抽查) and records a failed hotline check', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/commitments`);
    await page.getByText('下发承诺书').first().waitFor();
    await page.context().close();

    const sup = await newPage(browser);
    const supErrors = watchErrors(sup);
    await loginAs(sup, baseUrl, 'district-supervisor');
    await sup.goto(`${baseUrl}/app/hotline-checks`);
    await sup.getByText('投诉举报电话').first().waitFor();
    const row = sup.locator('tr', { hasText: '东湖风景区市场监督管理局' }).first();
    await row.getByRole('button', { name: /记录抽查/ }).click();
    await sup.locator('.ant-modal').getByText('正常接听并受理').click();
    await sup.locator('.ant-select-dropdown').getByText('无人接听').click();
    await sup.locator('.ant-modal').getByRole('button', { name: /保\s*存/ }).click();
    await sup.getByText('抽查未通过，已列入问题台账并安排复查').waitFor();
    await sup.getByText('查看问题').first().waitFor();
    expect([...errors, ...supErrors]).toEqual([]);
    await sup.context().close();
  });

  it('shows the company its letters and the notices served on it, on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'enterprise-user');
    await page.goto(`${baseUrl}/app/company/commitments`);
    await page.getByText('我的承诺书').first().waitFor();
    await page.goto(`${baseUrl}/app/company/notices`);
    await page.getByText('送达文书').first().waitFor();
    const first = page.getByRole('button', { name: /查看并签收/ }).first();
    if ((await first.count()) > 0) {
      await first.click();
      await page.locator('.ant-modal').getByRole('button', { name: /签\s*收/ }).click();
      await page.getByText('已签收').first().waitFor();
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
