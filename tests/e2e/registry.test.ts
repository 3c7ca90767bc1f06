import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateUscc } from '../../core/uscc.js';
import { PNG_1PX, xlsxOf } from '../helpers/xlsx-upload.js';
import { launchBrowser, loginAs, newPage } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'wy-e2e-reg-'));
let seed = 7;
const rand = () => {
  seed = (seed * 48271) % 2147483647;
  return seed / 2147483647;
};

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('registry', () => {
  it('lets a district officer preview an enterprise spreadsheet’s errors, fix it and import it', async () => {
    const header = ['企业名称', '统一社会信用代码', '注册地行政区划代码', '联系电话'];
    const codes = [generateUscc('420100', rand), generateUscc('420100', rand)];
    const bad = join(dir, '企业台账-有误.xlsx');
    writeFileSync(bad, await xlsxOf([header, ['武汉浏览器甲物业有限公司', codes[0], '420100-DH', ''], ['武汉浏览器乙物业有限公司', `${codes[1].slice(0, 17)}Z`, '420100-DH', '']]));
    const good = join(dir, '企业台账.xlsx');
    writeFileSync(good, await xlsxOf([header, ['武汉浏览器甲物业有限公司', codes[0], '420100-DH', ''], ['武汉浏览器乙物业有限公司', codes[1], '420100-DH', '']]));

    const page = await newPage(browser);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/registry-import?kind=enterprises`);
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByRole('button', { name: '检查文件' }).click();
    await page.getByText('发现 1 处问题').waitFor();
    await page.getByRole('cell', { name: 'B3' }).waitFor();
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: '重新选择文件' }).click();
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByRole('button', { name: '检查文件' }).click();
    await page.getByText(/检查通过：共 2 行，将新增 2 条/).waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.locator('.ant-result-title', { hasText: '导入完成' }).waitFor();

    await page.goto(`${baseUrl}/app/enterprises`);
    await page.getByPlaceholder('企业名称、信用代码或法定代表人').fill('浏览器甲');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('武汉浏览器甲物业有限公司').first().click();
    await page.waitForURL(/\/app\/enterprises\/[0-9a-f-]{36}/);
    await page.getByText(codes[0]).waitFor();
    await page.context().close();
  });

  it('lets the managing company post a disclosure item with a photo', async () => {
    const photo = join(dir, '收费公示.png');
    writeFileSync(photo, PNG_1PX);
    const page = await newPage(browser);
    await loginAs(page, baseUrl, 'enterprise-user');
    await page.goto(`${baseUrl}/app/projects`);
    await page.getByRole('cell').filter({ hasText: /\d\/7/ }).first().click();
    await page.waitForURL(/\/app\/projects\/[0-9a-f-]{36}/);
    const pendingRow = page.getByRole('row').filter({ has: page.getByRole('button', { name: '已公示' }) }).first();
    const item = ((await pendingRow.getByRole('cell').first().textContent()) ?? '').replace('价格', '').trim();
    await pendingRow.locator('input[type=file]').setInputFiles(photo);
    await page.getByText('佐证已上传').waitFor();
    const target = page.getByRole('row').filter({ hasText: item }).first();
    await target.getByRole('button', { name: '已公示' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText(/已保存/).first().waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: item }).first().textContent()).toContain('已公示');
    await page.context().close();
  });
});
