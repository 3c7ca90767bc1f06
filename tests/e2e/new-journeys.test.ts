import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { daysAhead, descriptionValue, launchBrowser, loginAs, newPage, openSelect, pickOption, submitDialog, watchErrors } from './browser.js';
import { COMPANY } from './steps.js';

/*
 * Journeys not walked elsewhere: the company's objection to and repair application on its own
 * blacklist entry with the credit officer's decisions; correcting the project of a lead before
 * dispatch; a standalone 责令整改 that opens a problem in the ledger.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;
const RUN = Date.now() % 100000;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

interface CreditJson {
  blacklisted: boolean;
  blacklist: Array<{ id: string; reason: string; status: string; pendingApplication: string | null; applications: Array<{ kind: string; status: string; decisionNote: string | null }> }>;
}

describe('blacklist: the company objects to / applies to repair its own entry, the credit officer decides', () => {
  let enterpriseId = '';

  /** As the credit officer, lists the demo company through the API (setup, not the feature under test). */
  async function blacklistCompany(reason: string) {
    const page = await newPage(browser);
    await loginAs(page, baseUrl, 'district-credit');
    if (!enterpriseId) {
      const found = (await (await page.request.get(`${baseUrl}/api/enterprises?q=${encodeURIComponent('听涛')}&pageSize=20`)).json()) as { items: Array<{ id: string; name: string }> };
      enterpriseId = found.items.find((e) => e.name === COMPANY)?.id ?? '';
      expect(enterpriseId).not.toBe('');
    }
    const res = await page.request.post(`${baseUrl}/api/enterprises/${enterpriseId}/blacklist`, { data: { reason } });
    expect(res.status(), await res.text()).toBe(201);
    const entry = (await res.json()) as { id: string; status: string };
    expect(entry.status).toBe('active');
    await page.context().close();
    return entry.id;
  }

  const creditOf = async (page: Page) => (await (await page.request.get(`${baseUrl}/api/enterprises/${enterpriseId}/credit`)).json()) as CreditJson;
  const entryRow = (page: Page, reason: string) => page.locator('.ant-card', { hasText: '黑名单记录' }).locator('tr.ant-table-row').filter({ hasText: reason });
  /** The actions offered on an entry row (its links). */
  const actionsOf = (row: Locator) => row.locator('a').allTextContents();

  it('annuls an entry when the credit officer upholds the company’s objection', async () => {
    const reason = `未按规定公示收费标准，经责令整改逾期未改正（浏览器测试 ${RUN}）`;
    const entryId = await blacklistCompany(reason);

    // ── The company raises an objection on its own credit page ───────────────────────────
    const company = await newPage(browser);
    const companyErrors = watchErrors(company);
    await loginAs(company, baseUrl, 'enterprise-user');
    await company.goto(`${baseUrl}/app/credit`);
    await company.getByText('该企业已被列入黑名单').waitFor();
    let row = entryRow(company, reason);
    await row.getByText('生效中').waitFor();
    // Only the company's requests are offered to the company, not the staff decisions.
    expect((await actionsOf(row)).sort()).toEqual(['提出异议', '申请信用修复'].sort());
    await row.getByText('提出异议', { exact: true }).click();
    let dialog = company.getByRole('dialog');
    await dialog.getByText('对黑名单记录提出异议').waitFor();
    const objection = `所依据的行政处罚决定已被复议机关撤销，收费标准已于当月在小区公告栏公示（${RUN}）。`;
    await dialog.getByLabel('异议理由').fill(objection);
    await submitDialog(company);
    await row.getByText('异议待处理').waitFor();
    // The request shows on the entry (expanded), and no second one can be raised while it is pending.
    await company.getByText(objection).waitFor();
    expect(await actionsOf(row)).toEqual([]);
    expect(companyErrors).toEqual([]);
    await company.context().close();

    // ── The credit officer finds it under 异议与修复申请 and upholds it ──────────────────
    const staff = await newPage(browser);
    const staffErrors = watchErrors(staff);
    await loginAs(staff, baseUrl, 'district-credit');
    await staff.goto(`${baseUrl}/app/credit`);
    await staff.getByRole('tab', { name: '异议与修复申请' }).click();
    const pending = staff.getByRole('tabpanel', { name: '异议与修复申请' }).getByRole('row').filter({ hasText: reason });
    await pending.getByText('异议待处理').waitFor();
    await pending.click();
    await staff.waitForURL(`${baseUrl}/app/credit/enterprises/${enterpriseId}`);
    row = entryRow(staff, reason);
    await row.getByText('异议待处理').waitFor();
    await row.getByText('异议成立', { exact: true }).click();
    dialog = staff.getByRole('dialog');
    await dialog.getByText('处理黑名单异议').waitFor();
    await dialog.getByText(objection).waitFor(); // the company's reason is shown to the decider
    await dialog.getByLabel('处理意见').fill('经核实，所依据的处罚决定已被撤销，列入依据不足，异议成立。');
    await submitDialog(staff);
    await row.getByText('已撤销（异议成立）').waitFor();
    expect(await row.getByText('异议待处理').count()).toBe(0);
    await staff.locator('.ant-statistic', { hasText: '黑名单' }).getByText('未列入').waitFor();
    expect(await staff.getByText('该企业已被列入黑名单').count()).toBe(0);
    // No further action on an annulled entry.
    expect(await actionsOf(row)).toEqual([]);

    const credit = await creditOf(staff);
    expect(credit.blacklisted).toBe(false);
    const entry = credit.blacklist.find((b) => b.id === entryId);
    expect(entry?.status).toBe('annulled');
    expect(entry?.applications.map((a) => [a.kind, a.status])).toEqual([['objection', 'upheld']]);
    expect(staffErrors).toEqual([]);
    await staff.context().close();
  });

  it('repairs an entry when the credit officer grants the company’s repair application', async () => {
    expect(enterpriseId).not.toBe('');
    const reason = `拒不履行行政处罚决定（浏览器测试 ${RUN}）`;
    const entryId = await blacklistCompany(reason);

    // ── The company applies for credit repair ──────────────────────────────────────────────
    const company = await newPage(browser);
    const companyErrors = watchErrors(company);
    await loginAs(company, baseUrl, 'enterprise-user');
    await company.goto(`${baseUrl}/app/credit`);
    await company.getByText('该企业已被列入黑名单').waitFor();
    let row = entryRow(company, reason);
    await row.getByText('生效中').waitFor();
    await row.getByText('申请信用修复', { exact: true }).click();
    let dialog = company.getByRole('dialog');
    await dialog.getByText('申请信用修复').first().waitFor();
    const commitment = `我公司承诺依法诚信经营，按规定公示收费标准，接受业主和社会监督（${RUN}）。`;
    const summary = '已于上月足额缴纳罚款，在各小区公告栏和业主群公示收费标准、公共收益和投诉电话，并建立每月自查制度。';
    await dialog.getByLabel('信用承诺').fill(commitment);
    await dialog.getByLabel('整改情况').fill(summary);
    await submitDialog(company);
    await row.getByText('修复申请待处理').waitFor();
    await company.getByText(commitment).waitFor();
    expect(await actionsOf(row)).toEqual([]);
    expect(companyErrors).toEqual([]);
    await company.context().close();

    // ── The credit officer grants it ───────────────────────────────────────────────────────
    const staff = await newPage(browser);
    const staffErrors = watchErrors(staff);
    await loginAs(staff, baseUrl, 'district-credit');
    await staff.goto(`${baseUrl}/app/credit/enterprises/${enterpriseId}`);
    row = entryRow(staff, reason);
    await row.getByText('修复申请待处理').waitFor();
    // A repair application is granted or refused; there is no objection to decide.
    expect((await actionsOf(row)).sort()).toEqual(['同意修复', '不予修复'].sort());
    await row.getByText('同意修复', { exact: true }).click();
    dialog = staff.getByRole('dialog');
    await dialog.getByText('同意信用修复申请').waitFor();
    await dialog.getByText(commitment, { exact: false }).waitFor();
    await dialog.getByLabel('修复说明').fill('企业已履行处罚决定并公开信用承诺，同意信用修复。');
    await submitDialog(staff);
    await row.getByText(/已修复 \d{4}-\d{2}-\d{2}/).waitFor();
    expect(await row.getByText('修复申请待处理').count()).toBe(0);
    await staff.locator('.ant-statistic', { hasText: '黑名单' }).getByText('未列入').waitFor();
    expect(await staff.getByText('该企业已被列入黑名单').count()).toBe(0);
    // The entry stays open after the decision, so the application shows as granted at once.
    expect(await row.locator('.ant-table-row-expand-icon-collapsed').count()).toBe(0);
    await staff.locator('.ant-descriptions', { hasText: commitment }).getByText('同意修复', { exact: true }).waitFor();

    const credit = await creditOf(staff);
    expect(credit.blacklisted).toBe(false);
    const entry = credit.blacklist.find((b) => b.id === entryId);
    expect(entry?.status).toBe('repaired');
    expect(entry?.applications.map((a) => [a.kind, a.status])).toEqual([['repair', 'granted']]);
    expect(staffErrors).toEqual([]);
    await staff.context().close();

    // The company sees it repaired too.
    const again = await newPage(browser);
    const againErrors = watchErrors(again);
    await loginAs(again, baseUrl, 'enterprise-user');
    await again.goto(`${baseUrl}/app/credit`);
    await entryRow(again, reason).getByText(/已修复 \d{4}-\d{2}-\d{2}/).waitFor();
    await again.locator('.ant-statistic', { hasText: '黑名单' }).getByText('未列入').waitFor();
    expect(againErrors).toEqual([]);
    await again.context().close();
  });
});

describe('lead: correcting the project before dispatch', () => {
  it('sets the project (and with it the company) through 修正分类, recorded in the timeline', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    const projects = (await (await page.request.get(`${baseUrl}/api/projects?pageSize=5`)).json()) as {
      items: Array<{ id: string; name: string; regionName: string; enterpriseName: string | null }>;
    };
    const project = projects.items.find((p) => p.enterpriseName) ?? projects.items[0];
    expect(project?.enterpriseName).toBeTruthy();
    const description = `来电反映：小区物业把地下车库出租给外来车辆，业主车位被占，门岗还收取临时停车费，物业拒不说明收费依据（${RUN}）。`;
    const created = await page.request.post(`${baseUrl}/api/complaints`, { data: { channel: 'phone', description, contactPhone: `1390000${String(RUN).padStart(5, '0').slice(-4)}` } });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`${baseUrl}/app/complaints/${id}`);
    await page.getByText(description).waitFor();
    expect(await descriptionValue(page, '物业项目')).toBe('未识别');

    await page.getByRole('button', { name: '修正分类' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('修正分类与责任部门').waitFor();
    const field = dialog.getByLabel('物业项目');
    await field.click();
    await field.fill(project.name.slice(0, Math.min(4, project.name.length)));
    await pickOption(page, project.name);
    await expect.poll(() => dialog.locator('.ant-form-item', { hasText: '物业项目' }).locator('.ant-select-selection-item').textContent()).toContain(project.name);
    await submitDialog(page, /确\s*定/);

    await expect.poll(() => descriptionValue(page, '物业项目')).toBe(project.name);
    expect(await descriptionValue(page, '物业服务企业')).toBe(project.enterpriseName);
    await page.locator('.ant-descriptions').getByRole('link', { name: project.name }).waitFor();
    await page.locator('.ant-timeline').getByText(`更正物业项目为：${project.name}`).waitFor();
    // The server has it as well.
    const detail = (await (await page.request.get(`${baseUrl}/api/complaints/${id}`)).json()) as { projectId: string | null; enterpriseName: string | null };
    expect(detail.projectId).toBe(project.id);
    expect(detail.enterpriseName).toBe(project.enterpriseName);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('enforcement: a standalone rectification order opens a problem in the ledger', () => {
  it('issues a 责令整改 not tied to a problem and finds the problem it opened in 问题台账', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/enforcement`);
    await page.getByRole('button', { name: '新建执法文书' }).click();
    await page.waitForURL(/\/app\/enforcement\/new$/);

    await openSelect(page, page, '文书类型');
    await pickOption(page, /^责令整改通知书$/);
    const date = daysAhead(-1);
    const dateField = page.getByLabel('日期', { exact: true });
    await dateField.click();
    await dateField.fill(date);
    await dateField.press('Enter');
    await expect.poll(() => dateField.inputValue()).toBe(date);
    await page.getByLabel('当事企业').click();
    await page.getByLabel('当事企业').fill('听涛');
    await pickOption(page, COMPANY);
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    const facts = `经查，该企业未在物业服务区域显著位置公示收费项目、收费标准和投诉电话（浏览器测试 ${RUN}）。`;
    await page.getByLabel('违法事实').fill(facts);
    await page.getByLabel('法律依据').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-form-item', { hasText: '法律依据' }).locator('.ant-select-selection-item').count()).toBe(1);
    await page.getByLabel('整改期限（工作日）').fill('10');
    await openSelect(page, page, '问题类别');
    await pickOption(page, '未按规定公示收费');
    await page.getByRole('button', { name: '生成文书' }).click();

    await page.locator('.ant-result-title', { hasText: '执法文书已生成' }).waitFor();
    const subtitle = page.locator('.ant-result-subtitle');
    await subtitle.getByText(/已在整改台账立项/).waitFor();
    const number = (await subtitle.locator('.ant-typography').first().textContent())?.trim() ?? '';
    expect(number).toMatch(/〔\d{4}〕\d+号$/);

    // The ledger lists the problem it opened, named after the document, with the chosen category.
    await page.goto(`${baseUrl}/app/problems`);
    await page.getByLabel('关键词').fill(number);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    // The keyword narrows the list to that one problem (the unfiltered list shows it too, newest first).
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBe(1);
    const row = page.locator('tr.ant-table-row').filter({ hasText: number });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(`责令整改通知书 ${number}`);
    expect(text).toContain('5. 未按规定公示');
    expect(text).toContain(COMPANY);
    expect(text).toContain('待整改');
    await row.click();
    await page.waitForURL(/\/app\/problems\/[0-9a-f-]{36}$/);
    await page.getByText(facts).first().waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
