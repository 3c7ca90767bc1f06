import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginAs, newPage } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('staff console', () => {
  it('shows a clear message on a wrong password and lets the right one in', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl}/app/regions`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('用户名').fill('district-housing');
    await page.getByLabel('密码').fill('wrong-Password1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    await page.getByLabel('密码').fill('Demo@2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/app\/regions/);
    await page.getByText('东湖生态旅游风景区').first().waitFor();
    await page.context().close();
  });

  it('builds the menu from the user’s permissions: an auditor sees only the audit log', async () => {
    const page = await newPage(browser);
    await loginAs(page, baseUrl, 'auditor');
    await page.getByText('安全审计').first().click();
    await page.getByText('审计日志').first().click();
    await page.waitForURL(/\/app\/audit/);
    await page.getByText('auth.login').first().waitFor();
    expect(await page.getByText('用户管理').count()).toBe(0);
    expect(await page.getByText('行政区划').count()).toBe(0);
    await page.context().close();
  });

  it('lets an admin create a user, who must then change the initial password at first login', async () => {
    const page = await newPage(browser);
    await loginAs(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/app/users`);
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('e2e-officer');
    await dialog.getByLabel('姓名').fill('测试经办人');
    await dialog.getByLabel('角色').click();
    await page.getByTitle('部门经办人').click();
    await dialog.getByLabel('所属单位').click();
    await dialog.getByLabel('所属单位').fill('东湖风景区市场');
    await page.getByText('东湖风景区市场监督管理局（东湖生态旅游风景区）').click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const info = page.getByText(/临时密码：/);
    await info.waitFor();
    const password = ((await info.textContent()) ?? '').match(/临时密码：(\S+?)（/)?.[1] as string;
    expect(password.length).toBeGreaterThanOrEqual(12);
    await page.context().close();

    const fresh = await newPage(browser);
    await loginAs(fresh, baseUrl, 'e2e-officer', password);
    await fresh.getByText('首次登录或密码已被重置').waitFor();
    await fresh.getByLabel('当前密码').fill(password);
    await fresh.getByLabel('新密码', { exact: true }).fill('abc');
    await fresh.getByLabel('确认新密码').fill('abc');
    await fresh.getByRole('button', { name: '保存新密码' }).click();
    await fresh.getByText(/至少 8 位/).first().waitFor();
    await fresh.getByLabel('新密码', { exact: true }).fill('E2e#Officer9');
    await fresh.getByLabel('确认新密码').fill('E2e#Officer9');
    await fresh.getByRole('button', { name: '保存新密码' }).click();
    await fresh.getByText('您好，测试经办人').waitFor();
    await fresh.context().close();
  });
});

describe('public portal', () => {
  it('lists the published hotlines without login, on a phone-sized screen', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/portal/hotlines`);
    await page.getByText('东湖风景区建设（房管）局').waitFor();
    expect(await page.getByText('027-59900022').count()).toBeGreaterThan(0);
    await context.close();
  });
});
