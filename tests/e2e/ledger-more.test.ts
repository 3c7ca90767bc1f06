import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { daysAhead, descriptionValue, launchBrowser, loginAs, newPage, openSelect, pickOption, submitDialog, watchErrors } from './browser.js';
import { COMPANY, registerProblem } from './steps.js';

/*
 * The parts of the problem ledger, enforcement, credit and opinions pages that ledger.test.ts
 * does not walk through: extension request and decision, listed supervision, problem objection
 * and decision; 双公示 of a penalty decision; credit rule editing, export and blacklist; opinions.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;
const RUN = Date.now() % 100000;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Picks a value in a ProTable search form, expanding the collapsed filters first. */
async function filterBy(page: Page, label: string, option: string | RegExp) {
  const form = page.locator('.ant-pro-query-filter');
  await form.getByRole('button', { name: /查\s*询/ }).waitFor();
  const expand = form.getByText('展开', { exact: true });
  if (await expand.isVisible()) await expand.click();
  await openSelect(form, page, label);
  await pickOption(page, option);
  await form.getByRole('button', { name: /查\s*询/ }).click();
}

async function openProblem(page: Page, problemId: string) {
  await page.goto(`${baseUrl}/app/problems/${problemId}`);
  await page.locator('.ant-page-header-heading-title').waitFor();
}

/** Clicks the action button in the page header and returns the modal it opens. */
async function openAction(page: Page, label: string) {
  await page.locator('.ant-page-header').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

async function headerTags(page: Page) {
  return page.locator('.ant-page-header-heading-tags');
}

describe('problem side actions: extension, listed supervision, objection', () => {
  const title = `消防通道堆放杂物（浏览器测试 ${RUN}）`;
  let problemId = '';
  let requestedDeadline = '';

  it('lets an officer register a problem for the company', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    problemId = await registerProblem(page, baseUrl, { title, description: '检查发现 3 号楼消防通道堆放装修垃圾和废旧家具。', measures: '清理消防通道杂物，设置禁止堆放标识。', deadlineDays: 20 });
    await (await headerTags(page)).getByText('待整改').waitFor();
    expect(await descriptionValue(page, '整改时限')).toBe(daysAhead(20));
    // Only the rule-of-law office lists a problem for supervision.
    expect(await page.getByRole('button', { name: '挂牌督办' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets the company request an extension and raise an objection', async () => {
    expect(problemId).not.toBe('');
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'enterprise-user');
    await openProblem(page, problemId);
    // Staff-only decisions are not offered to the company.
    expect(await page.getByRole('button', { name: /延期审批|异议处理|挂牌督办/ }).count()).toBe(0);

    let dialog = await openAction(page, '申请延期');
    await dialog.getByLabel('延期天数（工作日）').fill('5');
    await dialog.getByLabel('延期理由').fill('清运车辆需预约，物业须协调业主自行清理个人物品，申请延期。');
    await submitDialog(page);
    const extensions = page.locator('.ant-card', { hasText: '延期申请' });
    const extRow = extensions.getByRole('row').filter({ hasText: '5 个工作日' });
    await extRow.getByText('待处理').waitFor();
    const m = /→ (\d{4}-\d{2}-\d{2})/.exec((await extRow.textContent()) ?? '');
    requestedDeadline = m?.[1] ?? '';
    expect(requestedDeadline > daysAhead(20)).toBe(true);
    // One pending request at a time.
    expect(await page.getByRole('button', { name: '申请延期' }).count()).toBe(0);

    dialog = await openAction(page, '提出异议');
    await dialog.getByLabel('异议理由').fill('堆放物为业主个人物品，非物业公司所放，请求核实责任主体。');
    await submitDialog(page);
    const objections = page.locator('.ant-card', { hasText: '异议' }).filter({ hasText: '提出人' });
    await objections.getByRole('row').filter({ hasText: '非物业公司所放' }).getByText('待处理').waitFor();
    expect(await page.getByRole('button', { name: '提出异议' }).count()).toBe(0);
    // The timeline records both.
    await page.locator('.ant-timeline').getByText('申请延期', { exact: true }).waitFor();
    await page.locator('.ant-timeline').getByText('提出异议', { exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('has the department leader approve the extension and decide the objection', async () => {
    expect(requestedDeadline).not.toBe('');
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing-leader');
    await openProblem(page, problemId);

    let dialog = await openAction(page, '延期审批');
    await dialog.getByText(`申请延期 5 个工作日（至 ${requestedDeadline}）`).waitFor();
    await dialog.getByText('批准延期').click();
    await dialog.getByLabel('说明').fill('同意，请在延期内完成清理。');
    await submitDialog(page);
    const extRow = page.locator('.ant-card', { hasText: '延期申请' }).getByRole('row').filter({ hasText: '5 个工作日' });
    await extRow.getByText('已批准').waitFor();
    await extRow.getByText('同意，请在延期内完成清理。').waitFor();
    // The deadline moved to the approved date.
    await expect.poll(() => descriptionValue(page, '整改时限')).toBe(requestedDeadline);
    expect(await page.getByRole('button', { name: '延期审批' }).count()).toBe(0);

    dialog = await openAction(page, '异议处理');
    await dialog.getByText('非物业公司所放').waitFor();
    await dialog.getByText('异议不成立').click();
    await dialog.getByLabel('处理意见').fill('消防通道日常管理属物业服务范围，应督促清理。');
    await submitDialog(page);
    const objRow = page.locator('.ant-card', { hasText: '异议' }).filter({ hasText: '提出人' }).getByRole('row').filter({ hasText: '非物业公司所放' });
    await objRow.getByText('异议不成立').waitFor();
    await objRow.getByText('消防通道日常管理属物业服务范围').waitFor();
    expect(await page.getByRole('button', { name: '异议处理' }).count()).toBe(0);
    // A dept leader has no supervision power either.
    expect(await page.getByRole('button', { name: '挂牌督办' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets the supervisor list the problem for supervision, flagged in the ledger', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-supervisor');
    await openProblem(page, problemId);
    const dialog = await openAction(page, '挂牌督办');
    await dialog.getByLabel('督办期限').fill(daysAhead(10));
    await dialog.getByLabel('督办期限').press('Enter');
    await dialog.getByLabel('督办要求').fill('限期清理，每周报告进展。');
    await submitDialog(page);
    await (await headerTags(page)).getByText('挂牌督办').waitFor();
    await expect.poll(() => descriptionValue(page, '挂牌督办')).toBe(`督办期限 ${daysAhead(10)}；限期清理，每周报告进展。`);
    await page.locator('.ant-timeline').getByText(`挂牌督办，督办期限 ${daysAhead(10)}：限期清理，每周报告进展。`).waitFor();

    // The ledger's 挂牌督办 filter finds it.
    await page.goto(`${baseUrl}/app/problems`);
    await filterBy(page, '挂牌督办', /^是$/);
    const row = page.getByRole('row').filter({ hasText: title });
    await row.getByText('挂牌督办').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('enforcement: publication (双公示) of a penalty decision', () => {
  const facts = `经查，该企业在物业服务区域内擅自占用共用部位经营停车（浏览器测试 ${RUN}），责令改正后逾期未改正。`;
  let fineId = '';
  let fineNumber = '';

  it('lets an officer issue a fine, which awaits publication', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/enforcement`);
    await page.getByRole('button', { name: '新建执法文书' }).click();
    await page.waitForURL(/\/app\/enforcement\/new$/);
    await openSelect(page, page, '文书类型');
    await pickOption(page, /^罚款$/);
    await page.getByLabel('当事企业').click();
    await page.getByLabel('当事企业').fill('听涛');
    await pickOption(page, COMPANY);
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.getByLabel('违法事实').fill(facts);
    await page.getByLabel('法律依据').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await page.getByLabel('金额（元）').fill('20000');
    await page.getByRole('button', { name: '生成文书' }).click();
    await page.locator('.ant-result-title', { hasText: '执法文书已生成' }).waitFor();
    fineNumber = (await page.locator('.ant-result-subtitle .ant-typography').first().textContent())?.trim() ?? '';
    expect(fineNumber).toMatch(/〔\d{4}〕\d+号$/);
    await page.getByRole('button', { name: '查看文书' }).click();
    await page.waitForURL(/\/app\/enforcement\/[0-9a-f-]{36}$/);
    fineId = page.url().split('/').pop() as string;
    expect(await descriptionValue(page, '金额（元）')).toBe('20,000');
    await expect.poll(() => descriptionValue(page, '公示')).toMatch(/^待公示（\d{4}-\d{2}-\d{2} 前）$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lists it under 待公示 until the officer publishes it', async () => {
    expect(fineId).not.toBe('');
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    const filterDue = async () => {
      await page.goto(`${baseUrl}/app/enforcement`);
      const listed = page.waitForResponse((r) => r.url().includes('/api/enforcement-actions?') && r.url().includes('publicationDue=true'));
      await filterBy(page, '公示', '待公示');
      await listed;
      await page.locator('.ant-table-tbody .ant-table-row, .ant-table-tbody .ant-empty').first().waitFor();
    };
    await filterDue();
    await page.getByRole('row').filter({ hasText: fineNumber }).getByText('待公示').waitFor();
    // Every row in the filtered list awaits publication.
    const tags = await page.locator('.ant-table-tbody .ant-table-row').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    for (const t of tags) expect(t).toMatch(/待公示|公示逾期/);

    await page.getByRole('row').filter({ hasText: fineNumber }).click();
    await page.waitForURL(new RegExp(`/app/enforcement/${fineId}$`));
    await page.getByRole('button', { name: /公\s*示/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => descriptionValue(page, '公示')).toMatch(/^已公示 \d{4}-\d{2}-\d{2}$/);
    expect(await page.getByRole('button', { name: /^公\s*示$/ }).count()).toBe(0);

    await filterDue();
    expect(await page.getByRole('row').filter({ hasText: fineNumber }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('credit: scoring rule, export, blacklist', () => {
  const goodReason = `主动公开物业服务收费标准并获社区表扬（浏览器测试 ${RUN}）`;
  let enterpriseUrl = '';
  let creditCode = '';

  it('shows the rule read-only to staff without credit:manage', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-market');
    await page.goto(`${baseUrl}/app/credit`);
    await page.getByRole('tab', { name: '评分规则' }).click();
    await expect.poll(() => page.getByLabel('良好行为分值').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '保存规则' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: '信用数据导出' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets a credit manager change the points of good conduct, used for the next event', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/credit`);
    await page.getByRole('tab', { name: '评分规则' }).click();
    const points = page.getByLabel('良好行为分值');
    await expect.poll(() => points.inputValue()).not.toBe('');
    // A cleared cell is refused with a message, not silently ignored.
    await points.fill('');
    await page.getByRole('button', { name: '保存规则' }).click();
    await page.getByText('请填写分值').waitFor();
    await points.fill('7');
    await page.getByLabel('良好行为有效期').fill('18');
    await page.getByRole('button', { name: '保存规则' }).click();
    await page.locator('.ant-message').getByText('评分规则已保存').waitFor();

    // Saved: a fresh page shows the new values.
    await page.reload();
    await page.getByRole('tab', { name: '评分规则' }).click();
    await expect.poll(() => page.getByLabel('良好行为分值').inputValue()).toBe('7');
    expect(await page.getByLabel('良好行为有效期').inputValue()).toBe('18');

    // The company's credit page; a good-conduct event now scores +7.
    await page.getByRole('tab', { name: '企业信用' }).click();
    await page.locator('#credit-enterprise-search').fill('听涛');
    await page.locator('#credit-enterprise-search').press('Enter');
    await page.getByRole('row').filter({ hasText: COMPANY }).first().getByText(COMPANY).click();
    await page.waitForURL(/\/app\/credit\/enterprises\/[0-9a-f-]{36}$/);
    enterpriseUrl = page.url();
    await page.getByText('信用事件').first().waitFor();
    const scoreBefore = Number(await page.locator('.ant-statistic', { hasText: '信用分' }).locator('.ant-statistic-content-value').textContent());
    await page.getByRole('button', { name: '记录信用事件' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('事件类型').click();
    await pickOption(page, '良好行为');
    await dialog.getByLabel('事由').fill(goodReason);
    await submitDialog(page);
    const row = page.getByRole('row').filter({ hasText: goodReason });
    await row.getByText('+7').waitFor();
    const today = daysAhead(0);
    // Valid for the new 18 months (compared to the month: end-of-month rounding is the server's).
    const validMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 + 18, 1)).toISOString().slice(0, 7);
    expect((await row.textContent()) ?? '').toContain(validMonth);
    await expect
      .poll(async () => Number(await page.locator('.ant-statistic', { hasText: '信用分' }).locator('.ant-statistic-content-value').textContent()))
      .toBe(scoreBefore + 7);
    creditCode = (await page.evaluate(async (url) => {
      const res = await fetch(`/api/enterprises/${url.split('/').pop()}/credit`);
      return ((await res.json()) as { enterprise: { creditCode: string } }).enterprise.creditCode;
    }, enterpriseUrl)) as string;
    expect(creditCode).toMatch(/^[0-9A-Z]{18}$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('exports the credit records of a date range as JSON and CSV', async () => {
    expect(creditCode).not.toBe('');
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/credit`);
    await page.getByRole('tab', { name: '信用数据导出' }).click();
    const panel = page.getByRole('tabpanel', { name: '信用数据导出' });
    const setRange = async (from: string, to: string) => {
      await panel.getByPlaceholder('开始日期').click();
      await panel.getByPlaceholder('开始日期').fill(from);
      await panel.getByPlaceholder('开始日期').press('Enter');
      await panel.getByPlaceholder('结束日期').fill(to);
      await panel.getByPlaceholder('结束日期').press('Enter');
      await expect.poll(() => panel.getByPlaceholder('开始日期').inputValue()).toBe(from);
      await expect.poll(() => panel.getByPlaceholder('结束日期').inputValue()).toBe(to);
    };
    const exportFile = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /导\s*出/ }).click()]);
      return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
    };
    const today = daysAhead(0);
    const from = `${today.slice(0, 4)}-01-01`;
    await setRange(from, today);

    await panel.getByText('JSON', { exact: true }).click();
    const json = await exportFile();
    expect(json.name).toBe(`信用记录-${from}-${today}.json`);
    const doc = JSON.parse(json.text) as { from: string; to: string; count: number; records: Record<string, unknown>[] };
    expect(doc.from).toBe(from);
    expect(doc.to).toBe(today);
    expect(doc.count).toBe(doc.records.length);
    const good = doc.records.find((r) => r.reason === goodReason);
    expect(good).toMatchObject({ creditCode, enterpriseName: COMPANY, eventType: 'good_conduct', points: 7, occurredOn: today });
    for (const r of doc.records) {
      expect(r.creditCode).toMatch(/^[0-9A-Z]{18}$/);
      if (r.occurredOn) expect(r.occurredOn >= from && r.occurredOn <= today).toBe(true);
    }

    await panel.getByText('CSV', { exact: true }).click();
    const csv = await exportFile();
    expect(csv.name).toBe(`信用记录-${from}-${today}.csv`);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('creditCode');
    expect(lines.length).toBe(doc.records.length + 1);
    const line = lines.find((l) => l.includes(goodReason)) ?? '';
    expect(line).toContain(creditCode);
    expect(line).toContain('good_conduct');

    // A range before today's event leaves it out.
    await setRange(from, `${today.slice(0, 4)}-01-31`);
    await panel.getByText('JSON', { exact: true }).click();
    const early = JSON.parse((await exportFile()).text) as { records: Record<string, unknown>[] };
    expect(early.records.some((r) => r.reason === goodReason)).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('blacklists the company and repairs its credit', async () => {
    expect(enterpriseUrl).not.toBe('');
    const reason = `拒不履行行政处罚决定（浏览器测试 ${RUN}）`;
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(enterpriseUrl);
    await page.getByRole('button', { name: '列入黑名单' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('列入原因').fill(reason);
    await submitDialog(page);
    await page.getByText('该企业已被列入黑名单').waitFor();
    const card = page.locator('.ant-card', { hasText: '黑名单记录' });
    const row = card.getByRole('row').filter({ hasText: reason });
    await row.getByText('生效中').waitFor();
    expect((await row.textContent()) ?? '').toContain(`${daysAhead(0)} 至 信用修复前`);
    await page.locator('.ant-statistic', { hasText: '黑名单' }).getByText('已列入').waitFor();

    // Listed on the credit page's blacklist tab.
    await page.goto(`${baseUrl}/app/credit`);
    await page.getByRole('tab', { name: '黑名单' }).click();
    await page.getByRole('row').filter({ hasText: reason }).getByText('生效中').waitFor();
    await page.getByRole('row').filter({ hasText: reason }).click();
    await page.waitForURL(enterpriseUrl);

    await card.getByRole('row').filter({ hasText: reason }).getByText('信用修复', { exact: true }).click();
    await page.getByRole('dialog').getByLabel('修复说明').fill('企业已缴纳罚款并公开作出信用承诺。');
    await submitDialog(page);
    await row.getByText(/已修复 \d{4}-\d{2}-\d{2}/).waitFor();
    await page.locator('.ant-statistic', { hasText: '黑名单' }).getByText('未列入').waitFor();
    expect(await page.getByText('该企业已被列入黑名单').count()).toBe(0);
    expect(await row.getByText('信用修复', { exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('opinions and suggestions (意见建议清单)', () => {
  const content = `建议在小区公告栏公开物业维修资金使用明细（浏览器测试 ${RUN}）`;

  it('lets an officer record an opinion and respond to it', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/opinions`);
    await page.getByRole('button', { name: '登记意见建议' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('来源单位').fill('水果湖社区居委会');
    await dialog.getByLabel('提出人/提出单位').fill('业主代表座谈会');
    await dialog.getByLabel('意见建议内容').fill(content);
    await submitDialog(page, /登\s*记/);
    const row = page.getByRole('row').filter({ hasText: content });
    await row.getByText('待答复').waitFor();
    expect((await row.textContent()) ?? '').toContain('水果湖社区居委会');

    await row.getByText('答复', { exact: true }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByText(content).waitFor();
    await dialog.getByLabel('答复内容').fill('已要求辖区物业企业按季度在公告栏公开维修资金使用情况。');
    await submitDialog(page, /答\s*复/);
    await row.getByText('已答复').waitFor();
    await row.getByText('已要求辖区物业企业按季度在公告栏公开维修资金使用情况。').waitFor();
    await row.getByText('修改答复').waitFor();

    // Filter by status.
    await filterBy(page, '状态', '待答复');
    await expect.poll(() => page.getByRole('row').filter({ hasText: content }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the list to the supervisor without record or respond buttons', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-supervisor');
    await page.goto(`${baseUrl}/app/opinions`);
    await page.getByRole('row').filter({ hasText: content }).getByText('已答复').waitFor();
    expect(await page.getByRole('button', { name: '登记意见建议' }).count()).toBe(0);
    expect(await page.getByText('修改答复').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
