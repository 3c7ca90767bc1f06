import type { Page } from 'playwright-core';
import { daysAhead, pickOption } from './browser.js';

/** The demo company every ledger journey works with. */
export const COMPANY = '武汉听涛物业服务有限公司';

/**
 * On the ledger page, registers a category-5 problem for the demo company through 新建问题 and
 * returns its id once the detail page is open.
 */
export async function registerProblem(page: Page, baseUrl: string, p: { title: string; description: string; measures: string; deadlineDays: number }) {
  await page.goto(`${baseUrl}/app/problems`);
  await page.getByRole('button', { name: '新建问题' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('问题类别').click();
  await pickOption(page, '未按规定公示');
  await dialog.getByLabel('问题标题').fill(p.title);
  await dialog.getByLabel('物业服务企业').click();
  await dialog.getByLabel('物业服务企业').fill('听涛');
  await pickOption(page, COMPANY);
  await dialog.getByLabel('问题描述').fill(p.description);
  await dialog.getByLabel('整改措施').fill(p.measures);
  await dialog.getByLabel('整改时限').fill(daysAhead(p.deadlineDays));
  await dialog.getByLabel('整改时限').press('Enter');
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await page.waitForURL(/\/app\/problems\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop() as string;
}
