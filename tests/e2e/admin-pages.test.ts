import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginAs, newPage, pickOption, watchErrors } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A suffix that keeps names unique when the journeys run again against the same server. */
const run = String(Date.now()).slice(-5);

/** The node of the 区划树 whose title is exactly `name`. */
const treeNode = (page: Page, name: string) => page.locator('.ant-tree-treenode', { has: page.locator('.ant-tree-title', { hasText: new RegExp(`^${name}$`) }) });

/** Waits for antd's expand/collapse animations to end: a node inside one ignores clicks. */
const settle = (page: Page) => page.waitForFunction(() => document.querySelectorAll('.ant-tree-treenode-motion, .ant-select-tree-treenode-motion').length === 0);

/** Opens a node of the 区划树 (loading its children) unless it is open already. */
async function expandTreeNode(page: Page, name: string) {
  await settle(page);
  const node = treeNode(page, name);
  await node.waitFor();
  await openNode(node, 'ant-tree');
  await settle(page);
}

/**
 * Clicks a tree node's switcher until it shows open. A click that lands while the tree (or the
 * select's dropdown) is still animating or loading is sometimes lost, so it is retried.
 */
async function openNode(node: Locator, prefix: 'ant-tree' | 'ant-select-tree') {
  const open = node.locator(`.${prefix}-switcher_open`);
  for (let attempt = 0; attempt < 5; attempt++) {
    if ((await open.count()) > 0) return;
    if ((await node.locator(`.${prefix}-switcher_close`).count()) > 0) await node.locator(`.${prefix}-switcher`).click();
    try {
      await open.waitFor({ timeout: 4000 });
      return;
    } catch {
      // not open yet: click again
    }
  }
  await open.waitFor();
}

/** Picks a region in a RegionSelect field: opens each level of `path`, then searches the last name and clicks it. */
async function pickRegion(page: Page, field: Locator, path: string[]) {
  await field.click();
  for (const name of path.slice(0, -1)) {
    await settle(page);
    const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode', { has: page.locator('.ant-select-tree-title', { hasText: new RegExp(`^${name}$`) }) });
    await node.waitFor();
    await openNode(node, 'ant-select-tree');
  }
  await settle(page);
  const last = path.at(-1) as string;
  await field.fill(last); // the list is virtual: search rather than scroll
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: new RegExp(`^${last}$`) }).click();
}

/** The text of one column of the ProTable on the page, row by row. */
async function columnTexts(page: Page, title: string): Promise<string[]> {
  const headers = await page.locator('.ant-table-thead th').allTextContents();
  const index = headers.findIndex((h) => h.trim() === title);
  if (index < 0) throw new Error(`no column ${title} in ${headers.join('|')}`);
  return page.locator(`.ant-table-tbody tr.ant-table-row td:nth-child(${index + 1})`).allTextContents();
}

describe('行政区划 (admin)', () => {
  it('adds a custom node under a district, renames it and moves it to another district, the open tree following each change', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/app/regions`);
    await expandTreeNode(page, '湖北省');
    await expandTreeNode(page, '武汉市');
    await treeNode(page, '东湖生态旅游风景区').locator('.ant-tree-title').click();
    const details = page.locator('.ant-card', { hasText: '节点详情' });
    await details.getByText('420100-DH', { exact: true }).waitFor();

    // Add a street-level node under the district.
    const name = `E2E新区${run}`;
    await details.getByRole('button', { name: '新增下级' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByText('新增下级区划').waitFor();
    await dialog.getByLabel('名称').fill(name);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已保存').first().waitFor();

    // It shows in the tree at once (the open levels stay open, 东湖 opens), with a generated custom code.
    await treeNode(page, name).waitFor();
    await settle(page);
    await treeNode(page, name).locator('.ant-tree-title').click();
    await details.getByText('自定义').waitFor();
    await details.getByText('街道/乡镇', { exact: true }).waitFor();
    const code = ((await details.locator('.ant-descriptions-item-content').nth(1).textContent()) ?? '').trim();
    expect(code).toMatch(/^420100-DH-\d{2}$/);
    expect(await details.getByText(`/420000/420100/420100-DH/${code}/`).count()).toBe(1);

    // Rename it.
    const renamed = `E2E湖滨街道${run}`;
    await details.getByRole('button', { name: '重命名' }).click();
    dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('名称').inputValue()).toBe(name);
    await dialog.getByLabel('名称').fill(renamed);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await treeNode(page, renamed).waitFor();
    expect(await treeNode(page, name).count()).toBe(0);

    // Move it to another district (江岸区).
    await treeNode(page, renamed).locator('.ant-tree-title').click();
    await details.getByText(code, { exact: true }).waitFor();
    await details.getByRole('button', { name: /移\s*动/ }).click();
    dialog = page.getByRole('dialog');
    await pickRegion(page, dialog.getByLabel('新的上级'), ['湖北省', '武汉市', '江岸区']);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已保存').first().waitFor();
    // Now under 江岸区 (opened to show it) and no longer under 东湖, which stays open.
    await treeNode(page, '磨山街道').waitFor();
    await treeNode(page, '江岸区').locator('.ant-tree-switcher_open').waitFor();
    await expect.poll(() => treeNode(page, renamed).count()).toBe(1);
    await settle(page);
    await treeNode(page, renamed).locator('.ant-tree-title').click();
    await details.getByText(`/420000/420100/420102/${code}/`).waitFor();

    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('单位与投诉电话 (admin)', () => {
  it('creates an org unit and finds it in the list', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/app/org-units`);
    await page.getByText('湖北省住房和城乡建设厅').first().waitFor();

    const name = `E2E测试社区居委会${run}`;
    await page.getByRole('button', { name: '新增单位' }).click();
    const dialog = page.getByRole('dialog');
    await pickRegion(page, dialog.getByLabel('所属区划'), ['湖北省', '黄石市']);
    await dialog.getByLabel('单位类型').click();
    await pickOption(page, '社区居委会');
    await dialog.getByLabel('单位名称').fill(name);
    await dialog.getByLabel('公布的投诉举报电话').fill('12ab');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.getByText(/电话号码格式不正确/).waitFor(); // the server's field error, on the field
    await dialog.getByLabel('公布的投诉举报电话').fill('027-59900097');
    await dialog.getByLabel('联系人').fill('陆川');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByLabel('名称').fill(name);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: name });
    await row.waitFor();
    await expect.poll(() => columnTexts(page, '单位名称')).toEqual([name]);
    expect(await row.textContent()).toContain('027-59900097');
    expect(await row.textContent()).toContain('黄石市');
    expect(await row.textContent()).toContain('社区居委会');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('审计日志 (auditor)', () => {
  it('filters by action and shows only matching rows', async () => {
    // A region change by the admin, so there is a region.update row however the journeys run.
    const api = await browser.newContext();
    expect((await api.request.post(`${baseUrl}/api/auth/login`, { data: { username: 'admin', password: 'Demo@2026' } })).ok()).toBe(true);
    expect((await api.request.patch(`${baseUrl}/api/regions/420100-DH-01`, { data: { name: '听涛街道' } })).ok()).toBe(true);
    await api.close();

    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'auditor');
    await page.goto(`${baseUrl}/app/audit`);
    await page.getByText('auth.login').first().waitFor();
    const unfiltered = await columnTexts(page, '动作');
    expect(unfiltered.some((a) => a !== 'region.update')).toBe(true);

    if (!(await page.getByLabel('动作').isVisible())) await page.getByText(/^展开$/).click(); // the search form starts collapsed
    await page.getByLabel('动作').fill('region.update');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(async () => [...new Set(await columnTexts(page, '动作'))]).toEqual(['region.update']);
    const entities = await columnTexts(page, '对象编号');
    expect(entities).toContain('420100-DH-01');

    // A prefix selects the whole family of actions, and nothing else.
    await page.getByLabel('动作').fill('region.');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(async () => (await columnTexts(page, '动作')).every((a) => a.startsWith('region.'))).toBe(true);
    expect((await columnTexts(page, '动作')).length).toBeGreaterThan(0);

    await page.getByLabel('动作').fill('no.such.action');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.locator('.ant-table-tbody .ant-empty').waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('checks the seal chain of the audit log and reports it intact', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'auditor');
    await page.goto(`${baseUrl}/app/audit`);
    await page.getByRole('button', { name: '校验完整性' }).click();
    await page.getByText(/审计日志完整：已校验 \d+ 条封存记录/).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
