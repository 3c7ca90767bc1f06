import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginAs, newPage, watchErrors } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A suffix that keeps names unique when the journey runs again against the same server. */
const run = String(Date.now()).slice(-5);

/** Waits for antd's expand/collapse animations to end: a node inside one ignores clicks. */
const settle = (page: Page) => page.waitForFunction(() => document.querySelectorAll('.ant-select-tree-treenode-motion').length === 0);

/** Picks a region in a RegionSelect field: opens each level of `path`, then searches the last name and clicks it. */
async function pickRegion(page: Page, field: Locator, path: string[]) {
  await field.click();
  for (const name of path.slice(0, -1)) {
    await settle(page);
    const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode', { has: page.locator('.ant-select-tree-title', { hasText: new RegExp(`^${name}$`) }) });
    await node.waitFor();
    if ((await node.locator('.ant-select-tree-switcher_close').count()) > 0) await node.locator('.ant-select-tree-switcher').click();
    await node.locator('.ant-select-tree-switcher_open').waitFor();
  }
  await settle(page);
  const last = path.at(-1) as string;
  await field.fill(last);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: new RegExp(`^${last}$`) }).click();
}

/** Posts an Open311 lead with `apiKey` as another system would; returns the HTTP status. */
async function postLead(apiKey: string): Promise<number> {
  const res = await fetch(`${baseUrl}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      api_key: apiKey,
      service_code: '1',
      description: '物业以业主欠费为由，给 2 栋整栋停水一天，至今没有恢复供水。',
      address_string: '武汉市东湖风景区某小区 2 栋',
      phone: '13900004444',
    }).toString(),
  });
  return res.status;
}

describe('接口密钥 (admin)', () => {
  it('issues a key that is shown once with a copy button and works at once, then revokes it after confirmation', async () => {
    const page = await newPage(browser);
    const errors = watchErrors(page);
    await loginAs(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/app`);
    await page.locator('.ant-menu').getByText('系统管理').click();
    await page.locator('.ant-menu').getByText('接口密钥', { exact: true }).click();
    await page.waitForURL(/\/app\/open311-keys$/);
    // the seeded demo key is listed, without its key
    await page.locator('.ant-table-row', { hasText: '12345 热线平台（演示）' }).waitFor();

    const name = `E2E对接系统${run}`;
    await page.getByRole('button', { name: '新建密钥' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill(name);
    await pickRegion(page, dialog.getByLabel('所属区划'), ['湖北省', '武汉市', '东湖生态旅游风景区']);
    await dialog.getByRole('button', { name: '生成密钥' }).click();

    await dialog.getByText('密钥只显示这一次，关闭后无法再次查看').waitFor();
    const apiKey = ((await dialog.locator('.open311-issued-key').textContent()) ?? '').trim();
    expect(apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await dialog.getByText('复制密钥').click();
    await dialog.getByText('已复制').waitFor();
    expect(await postLead(apiKey)).toBe(201);

    await dialog.getByRole('button', { name: '我已保存，关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('.ant-table-row', { hasText: name });
    await row.waitFor();
    await row.getByText('东湖生态旅游风景区').waitFor();
    await row.getByText('系统管理员').waitFor();
    await row.getByText('启用').waitFor();
    expect(await page.content()).not.toContain(apiKey);

    // 新建密钥 again opens an empty form, not the key shown before
    await page.getByRole('button', { name: '新建密钥' }).click();
    await dialog.getByLabel('名称').waitFor();
    expect(await dialog.getByLabel('名称').inputValue()).toBe('');
    expect(await page.content()).not.toContain(apiKey);
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    // 停用 asks for confirmation; afterwards the key is refused at once
    await row.getByText('停用', { exact: true }).click();
    const confirm = page.locator('.ant-popconfirm:visible');
    await confirm.getByText('停用后，使用该密钥的系统将立即无法提交和查询线索，且不能恢复。').waitFor();
    await confirm.getByRole('button', { name: /停\s*用/ }).click();
    await page.getByText(`已停用：${name}`).waitFor();
    await row.getByText('已停用').waitFor();
    expect(await row.getByText('停用', { exact: true }).count()).toBe(0);
    expect(await postLead(apiKey)).toBe(403);

    expect(errors).toEqual([]);
    await page.context().close();
  });
});
