import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PNG_1PX } from '../helpers/xlsx-upload.js';
import { launchBrowser, loginAs, newPage, pickOption, watchErrors } from './browser.js';
import { COMPANY, registerProblem } from './steps.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'wy-e2e-ledger-'));
/** Title of the case published by the ledger journey (empty when that journey did not run). */
let publishedCase = '';
/** The company's credit code, read from its record by the credit journey. */
let companyCode = '';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());




async function openProblem(page: Page, problemId: string) {
  await page.goto(`${baseUrl}/app/problems/${problemId}`);
  await page.locator('.ant-page-header-heading-title').waitFor();
}

describe('problem ledger, rectification and enforcement', () => {
  const title = `电梯维保信息未公示（浏览器测试 ${Date.now() % 100000}）`;
  const caseTitle = `物业企业未公示电梯维保信息被责令整改案（${Date.now() % 100000}）`;
  let problemId = '';
  let orderNumber = '';

  it('lets an officer register a problem for a company', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    problemId = await registerProblem(page, baseUrl, { title, description: '检查发现小区公告栏未公示电梯维保单位及维保记录。', measures: '在各单元公告栏公示电梯维保单位、联系电话和最近一次维保记录。', deadlineDays: 30 });
    await page.getByText('待整改').first().waitFor();
    await page.getByText(COMPANY).first().waitFor();
    // The officer created it but is not the company: the company reports the rectification.
    expect(await page.getByRole('button', { name: '提出异议' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the problem to the company, which starts and reports the rectification with a photo', async () => {
    expect(problemId).not.toBe('');
    const photo = join(dir, '电梯维保公示.png');
    writeFileSync(photo, PNG_1PX);
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'enterprise-user');
    await page.goto(`${baseUrl}/app/problems`);
    await page.getByText('本企业问题').first().waitFor();
    await page.getByText(title).click();
    await page.waitForURL(new RegExp(`/app/problems/${problemId}$`));
    // Company pages never show complaint links or complainant data.
    expect(await page.getByText('来源投诉').count()).toBe(0);
    expect(await page.getByText('投诉人').count()).toBe(0);

    await page.getByRole('button', { name: '开始整改' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('整改中').first().waitFor();

    await page.getByRole('button', { name: '报送整改情况' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('整改情况').fill('已在 12 个单元公告栏张贴电梯维保公示，附现场照片。');
    await dialog.locator('input[type=file]').setInputFiles(photo);
    await dialog.locator('.ant-upload-list-item-done').waitFor();
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('第 1 次报送').waitFor();
    await page.getByText('待回头看复核').waitFor();
    await expect.poll(() => page.locator('a[href*="/attachments/"]').count()).toBeGreaterThan(0);
    // The company cannot review or close its own report.
    expect(await page.getByRole('button', { name: /回头看/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /销\s*号/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('has another staff member review the report on site and close the problem', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing-leader');
    await openProblem(page, problemId);
    // Nothing closes without a recorded review.
    expect(await page.getByRole('button', { name: /销\s*号/ }).count()).toBe(0);
    await page.getByRole('button', { name: /回头看/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('现场复查').click();
    await dialog.getByText('通过', { exact: true }).click();
    await dialog.getByLabel('复查意见').fill('现场核实各单元均已公示。');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText(/现场复查 · 通过/).waitFor();

    await page.getByRole('button', { name: /销\s*号/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /提\s*交/ }).click();
    await page.locator('.ant-page-header-heading-tags').getByText('已销号').waitFor();
    expect(await page.getByRole('button', { name: /回头看|返\s*工|报送整改情况/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets the officer issue a rectification order from the problem and download the numbered .docx', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await openProblem(page, problemId);
    await page.getByRole('button', { name: '责令整改通知书', exact: true }).click();
    await page.waitForURL(/\/app\/enforcement\/new\?/);
    // Prefilled from the problem: the company and the facts.
    await page.locator('.ant-select-selection-item', { hasText: COMPANY }).waitFor();
    await expect.poll(() => page.getByLabel('违法事实').inputValue()).toContain(title);
    await page.getByLabel('法律依据').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await page.getByLabel('整改期限（工作日）').fill('10');
    await page.getByRole('button', { name: '生成文书' }).click();
    await page.locator('.ant-result-title', { hasText: '执法文书已生成' }).waitFor();
    const number = (await page.locator('.ant-result-subtitle .ant-typography').first().textContent())?.trim() ?? '';
    expect(number).toMatch(/〔\d{4}〕\d+号$/);
    orderNumber = number;

    await page.getByRole('button', { name: '查看文书' }).click();
    await page.waitForURL(/\/app\/enforcement\/[0-9a-f-]{36}$/);
    await page.getByText(number).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载文书' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    expect(download.suggestedFilename()).toContain(number);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(4000);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the company its credit, with the order’s deduction, and lets it object', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'enterprise-user');
    await page.goto(`${baseUrl}/app/credit`);
    expect(orderNumber).not.toBe('');
    await page.getByText('本企业信用').first().waitFor();
    await page.getByText('信用等级').waitFor();
    const row = page.getByRole('row').filter({ hasText: orderNumber }).first();
    await row.waitFor();
    await row.getByText('提出异议').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('异议理由').fill('该问题已在期限内整改完毕并经复查销号，请求撤销扣分。');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await row.getByText('异议处理中').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();

    // Staff reach the same page from the enterprise's record.
    const officer = await newPage(browser);
    await loginAs(officer, baseUrl, 'district-housing');
    await officer.goto(`${baseUrl}/app/enterprises`);
    await officer.getByPlaceholder('企业名称、信用代码或法定代表人').fill('听涛');
    await officer.getByRole('button', { name: /查\s*询/ }).click();
    await officer.getByText(COMPANY).first().click();
    await officer.waitForURL(/\/app\/enterprises\/[0-9a-f-]{36}$/);
    companyCode = ((await officer.locator('.ant-descriptions-item-content span[style*="monospace"]').first().textContent()) ?? '').trim();
    expect(companyCode).toMatch(/^[0-9A-Z]{18}$/);
    await officer.getByRole('button', { name: /信\s*用/ }).click();
    await officer.waitForURL(/\/app\/credit\/enterprises\/[0-9a-f-]{36}$/);
    await officer.getByRole('row').filter({ hasText: '异议处理中' }).getByText('处理异议').first().waitFor();
    await officer.context().close();
  });

  it('drafts a typical case from the closed problem, has it approved by someone else and published', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/cases`);
    await page.getByRole('button', { name: '新建案例' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('选择案件').click();
    await pickOption(page, title);
    await dialog.getByLabel('案例标题（可稍后修改）').fill(caseTitle);
    await dialog.getByRole('button', { name: '生成草稿' }).click();
    await page.waitForURL(/\/app\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = page.url();
    await page.getByText('基本情况 · 脱敏检查').waitFor();
    // Submitting needs the human check.
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.getByText('提交审批前须人工核对脱敏结果并勾选').waitFor();
    await page.getByLabel(/已人工核对/).check();
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.locator('.ant-page-header-heading-tags').getByText('待审批').waitFor();
    // The drafter cannot approve their own case.
    expect(await page.getByRole('button', { name: '审批通过' }).count()).toBe(0);
    await page.context().close();

    const leader = await newPage(browser);
    const leaderErrors = watchErrors(leader);
    await loginAs(leader, baseUrl, 'district-housing-leader');
    await leader.goto(caseUrl);
    await leader.getByRole('button', { name: '审批通过' }).click();
    await leader.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
    await leader.locator('.ant-page-header-heading-tags').getByText('已审批待发布').waitFor();
    await leader.getByRole('button', { name: /发\s*布/ }).click();
    await leader.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
    await leader.locator('.ant-page-header-heading-tags').getByText('已发布').waitFor();
    publishedCase = caseTitle;
    expect([...errors, ...leaderErrors]).toEqual([]);
    await leader.context().close();
  });
});

describe('portal', () => {
  it('lists published typical cases (seeded and just published) and opens one', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await page.goto(`${baseUrl}/portal`);
    await page.locator('.ant-card', { hasText: '典型案例' }).click();
    await page.waitForURL(/\/portal\/cases$/);
    const items = page.locator('.ant-list-item');
    await items.first().waitFor();
    // The seeded published case plus, when the journey above ran, the one it published.
    expect(await items.count()).toBeGreaterThanOrEqual(publishedCase ? 2 : 1);
    const target = publishedCase ? items.filter({ hasText: publishedCase }).first() : items.first();
    const shown = ((await target.locator('.ant-list-item-meta-title').textContent()) ?? '').trim();
    expect(shown.length).toBeGreaterThan(0);
    await target.click();
    await page.waitForURL(/\/portal\/cases\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: shown }).waitFor();
    await page.getByText('一、基本情况').waitFor();
    // The journey's case names the company and cites the rectification order's legal basis.
    if (publishedCase) {
      await page.getByText(COMPANY).first().waitFor();
      await page.getByText('三、处罚依据').waitFor();
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('looks up a company’s credit grade by its credit code', async () => {
    expect(companyCode).not.toBe('');
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await page.goto(`${baseUrl}/portal/credit`);
    await page.getByLabel('统一社会信用代码').fill(companyCode);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.locator('.ant-descriptions').getByText(COMPANY).waitFor();
    await expect.poll(() => page.locator('.ant-descriptions-row', { hasText: '信用等级' }).textContent()).toMatch(/^信用等级(AAA|AA|A|B|C)$/);
    await page.getByLabel('统一社会信用代码').fill('91420100000000000X');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.locator('.ant-alert').waitFor();
    expect(await page.locator('.ant-descriptions').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
