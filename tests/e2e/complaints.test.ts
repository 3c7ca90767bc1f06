import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { xlsxOf } from '../helpers/xlsx-upload.js';
import { launchBrowser, loginAs, newPage, watchErrors } from './browser.js';

const baseUrl = inject('baseUrl');
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

/** Opens the action's modal from the lead's header, lets `fill` complete it, confirms, and waits for the modal to close. */
async function act(page: Page, button: RegExp | string, fill?: (dialog: Locator) => Promise<void>, ok: RegExp = /确\s*定/) {
  await page.getByRole('button', { name: button }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: ok }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Opens the antd Select of the form item labelled `label` (inside `scope`) and picks the option containing `option`. */
async function pickOption(page: Page, scope: Locator | Page, label: string, option: string) {
  await scope.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: label }) }).locator('.ant-select-selector').first().click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** The status tag in the lead page's header. */
const statusTag = (page: Page, label: string) => page.locator('.ant-page-header-heading-tags .ant-tag').filter({ hasText: label }).first();

describe('complaint journey: portal form → officer handling → public tracking', () => {
  it('takes a resident’s complaint from the phone form to closure, with the reply and rating seen by code', async () => {
    // The officer logs in first; a project of their district is the one the resident picks.
    const officer = await newPage(browser);
    const officerErrors = watchErrors(officer);
    await loginAs(officer, baseUrl, 'district-housing');
    const projects = (await (await officer.request.get(`${baseUrl}/api/projects?pageSize=50`)).json()) as {
      items: Array<{ id: string; name: string; regionName: string; enterpriseName: string | null }>;
    };
    const project = projects.items.find((p) => p.enterpriseName) ?? projects.items[0];
    expect(project).toBeTruthy();

    // ── Resident: portal form on a phone ───────────────────────────────────────────────────
    const resident = await phonePage();
    const residentErrors = watchErrors(resident);
    await resident.goto(`${baseUrl}/portal/complaint`);
    const picker = resident.getByLabel('所在小区');
    await picker.click();
    await picker.fill(project.name);
    await resident.locator('.ant-select-item-option', { hasText: project.regionName }).filter({ hasText: project.name }).first().click();
    await resident.getByLabel('详细地址').fill('5 栋 1 单元');
    const description = `物业公司以我家欠物业费为由，上周五起把我家的水停了，到今天还没恢复，家里有老人，生活非常困难。请主管部门处理。（${project.name}）`;
    await resident.getByLabel('反映的问题').fill(description);
    await resident.getByLabel('联系电话').fill('13900001234');
    await resident.getByLabel('您的称呼（选填）').fill('王女士');
    // The bot check is switched off for the test server (PORTAL_BOT_CHECK=off): nothing to wait for.
    await resident.getByRole('button', { name: '提交投诉' }).click();
    const codeEl = resident.getByTestId('tracking-code');
    await codeEl.waitFor();
    const code = ((await codeEl.textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    await resident.getByText('请妥善保存查询码').waitFor();
    // Nothing on the page is wider than the phone.
    expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The tracking page knows the code at once, and says so for an unknown one.
    await resident.goto(`${baseUrl}/portal/track?code=ZZZZZZZZZZ`);
    await resident.getByText('未找到该查询码，请核对后重试').waitFor();
    await resident.getByLabel('查询码').fill(code.toLowerCase());
    await resident.getByRole('button', { name: /查\s*询/ }).click();
    await resident.getByTestId('tracking-status').waitFor();
    await resident.getByText(code).first().waitFor();

    // ── Officer (coordinator of 东湖 housing): inbox → detail → dispatch ──────────────────
    await officer.goto(`${baseUrl}/app/complaints?box=all`);
    await officer.getByLabel('关键词').fill(code);
    await officer.getByRole('button', { name: /查\s*询/ }).click();
    await officer.getByRole('row').filter({ hasText: code }).first().click();
    await officer.waitForURL(/\/app\/complaints\/[0-9a-f-]{36}/);
    const detailUrl = officer.url();
    await officer.getByText(description).waitFor();
    // Contact is masked by default; revealing it needs a reason.
    await officer.getByText('139****1234').waitFor();
    expect(await officer.getByText('13900001234').count()).toBe(0);
    await act(officer, '查看完整联系方式', (d) => d.getByLabel('查看理由').fill('电话联系投诉人核实停水情况'), /查\s*看/);
    await officer.getByText('13900001234').waitFor();
    // The triage engine's cues are shown.
    await officer.getByText('依据线索').waitFor();

    await act(officer, /派\s*单/); // the proposed lead unit is preselected
    await statusTag(officer, '待签收').waitFor();

    // ── The lead unit's officer (the same person in the demo: coordinator + officer of 房管局) ──
    await act(officer, /签\s*收/);
    await statusTag(officer, '办理中').waitFor();
    await officer.getByText('办理答复期限').waitFor();
    await act(officer, '登记核查结果', async (d) => {
      await d.getByText('属实', { exact: true }).click();
      await pickOption(officer, d, '处理结果', '就地化解');
      await d.getByLabel('核查情况').fill('现场核实，物业公司确以欠费为由停水，已当场责令恢复供水并批评教育。');
    });
    await statusTag(officer, '待答复').waitFor();
    const reply =
      '经核查，您反映的物业公司以欠费为由停水问题属实。我局已于当日责令物业公司恢复供水，并告知其不得以欠费为由停止供水；欠费问题应通过协商或诉讼解决。如再发生，请及时反映。';
    await act(officer, '起草答复', (d) => d.getByLabel('答复内容').fill(reply));
    await statusTag(officer, '答复待审核').waitFor();
    expect(officerErrors).toEqual([]);

    // ── Leader approves the reply ──────────────────────────────────────────────────────────
    const leader = await newPage(browser);
    const leaderErrors = watchErrors(leader);
    await loginAs(leader, baseUrl, 'district-housing-leader');
    await leader.goto(detailUrl);
    await act(leader, '审核通过', undefined, /通过并告知投诉人/);
    await statusTag(leader, '已答复待回访').waitFor();
    expect(leaderErrors).toEqual([]);
    await leader.context().close();

    // ── Resident reads the reply and rates it ─────────────────────────────────────────────
    await resident.goto(`${baseUrl}/portal/track?code=${code}`);
    await resident.getByText(reply).waitFor();
    expect(await resident.getByText('吴嘉禾').count()).toBe(0); // no staff names on the public page
    await resident.getByText('满意', { exact: true }).click();
    await resident.getByRole('button', { name: '提交评价' }).click();
    await resident.getByText('您的评价', { exact: true }).waitFor();
    expect(await resident.getByRole('button', { name: '提交评价' }).count()).toBe(0);

    // ── Officer closes; the public page shows it closed ──────────────────────────────────
    await officer.goto(detailUrl);
    await act(officer, /办\s*结/);
    await statusTag(officer, '已办结').waitFor();
    expect(officerErrors).toEqual([]);

    await resident.goto(`${baseUrl}/portal/track?code=${code}`);
    await resident.getByTestId('tracking-status').getByText('已办结').waitFor();
    expect(residentErrors).toEqual([]);
    await resident.context().close();
    await officer.context().close();
  });
});

describe('staff intake', () => {
  it('registers a phone call with live triage and a stored correction', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/complaints/new`);
    await page.getByLabel('诉求内容').fill('我们小区物业经理说不交物业费就停我家的水，还把我的电话和房号贴在公告栏上，请求把这家物业列入黑名单。');
    // The proposal and the phrases it relied on appear while typing.
    await page.locator('.ant-tag', { hasText: '黑名单' }).first().waitFor();
    await pickOption(page, page, '问题类别', '6. 擅自提高收费标准');
    await page.getByText('您修改了系统建议').waitFor();
    await page.getByLabel('投诉人姓名').fill('李先生');
    await page.getByLabel('联系电话').fill('13900002222');
    await page.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByText(/线索已登记，查询码 [0-9A-Z]{10}/).waitFor();
    await page.waitForURL(/\/app\/complaints\/[0-9a-f-]{36}/);
    await page.getByText(/已人工修正：6\. 不合理收费/).waitFor();
    await page.getByText('139****2222').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets the co-unit record its part (办理意见) on a dispatched lead', async () => {
    const coordinator = await newPage(browser);
    await loginAs(coordinator, baseUrl, 'district-housing');
    const created = await coordinator.request.post(`${baseUrl}/api/complaints`, {
      data: { channel: 'phone', description: '物业把小区转供电价格从每度0.6元加到1.2元，还以欠费为由停了我家的电', contactPhone: '13900003333' },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const triage = await coordinator.request.post(`${baseUrl}/api/complaints/${id}/triage`, { data: { category: 6, leadDepartment: 'housing', coDepartments: ['market'], urgent: false } });
    expect(triage.status()).toBe(200);
    const dispatched = await coordinator.request.post(`${baseUrl}/api/complaints/${id}/dispatch`, { data: {} });
    expect(dispatched.status()).toBe(200);
    await coordinator.context().close();

    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-market');
    await page.goto(`${baseUrl}/app/complaints/${id}`);
    await act(page, /办理意见/, async (dialog) => {
      await dialog.getByLabel('办理意见').fill('已核查转供电收费：按国家规定转供电不得加价，已责令退还多收电费。');
    });
    await page.getByText('【协办单位】已核查转供电收费').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows hot spots with triage accuracy and each unit’s returns (退单计入考核)', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-supervisor');
    await page.goto(`${baseUrl}/app/complaints/hot-spots`);
    const returns = page.locator('.ant-card', { hasText: '各单位退单情况' });
    await returns.waitFor();
    // the demo data holds one lead housing sent back as a civil-affairs matter
    await returns.locator('tr', { hasText: '东湖风景区建设（房管）局' }).waitFor();
    await page.locator('.ant-card', { hasText: '企业' }).first().waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('previews a 12345 export’s row errors and imports the corrected file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wy-e2e-12345-'));
    const header = ['办件编号', '诉求主题', '诉求内容', '诉求人', '诉求人电话', '派发时间', '办件状态'];
    const ref = `E2E${Date.now()}`;
    const rows = [
      [`${ref}-1`, '停水', '物业以欠费为由停水三天，家中老人无法生活，请尽快处理。', '赵女士', '13900003333', '2026-03-02 10:00', '已派发'],
      [`${ref}-2`, '收费', '', '钱先生', '13900004444', '2026-03-02 11:00', '已派发'],
    ];
    const bad = join(dir, '12345-有误.xlsx');
    writeFileSync(bad, await xlsxOf([header, ...rows]));
    const good = join(dir, '12345.xlsx');
    rows[1][2] = '物业擅自把停车费从每月150元涨到300元，没有公示也没有征求业主意见。';
    writeFileSync(good, await xlsxOf([header, ...rows]));

    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/complaints/import`);
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByRole('button', { name: '检查文件' }).click();
    await page.getByText(/发现 \d+ 处问题/).waitFor();
    await page.getByRole('cell', { name: 'C3' }).waitFor(); // Excel row 3 = the second order, column C = 诉求内容
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: '重新选择文件' }).click();
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByRole('button', { name: '检查文件' }).click();
    await page.getByText(/检查通过：共 2 行，将新增 2 条/).waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.locator('.ant-result-title', { hasText: '导入完成' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
