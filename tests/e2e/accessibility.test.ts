import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginAs, newPage } from './browser.js';

/*
 * Automated accessibility checks (axe-core) on the pages residents and officers use most
 * (issue 15): no serious or critical violation. Plus keyboard reach of the home tiles.
 */

const baseUrl = inject('baseUrl');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Serious and critical axe violations of the page as it is now, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) does not apply.
  await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation on the portal home, complaint form and tracking page', async () => {
    const page = await newPage(browser);
    // A lead to track.
    const res = await page.request.post(`${baseUrl}/api/public/complaints`, { data: { description: '小区物业以欠费为由停了我家的水，已经两天了。', anonymous: true } });
    expect(res.status()).toBe(201);
    const { trackingCode } = (await res.json()) as { trackingCode: string };
    for (const path of ['/portal', '/portal/complaint', `/portal/track?code=${trackingCode}`]) {
      await page.goto(`${baseUrl}${path}`);
      await settle(page);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.context().close();
  });

  it('finds no serious or critical violation on the console login, inbox and lead detail', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl}/login`);
    await settle(page);
    expect(await seriousViolations(page), 'login').toEqual([]);
    await loginAs(page, baseUrl, 'district-housing');
    await page.goto(`${baseUrl}/app/complaints?box=all`);
    await page.locator('.ant-table-row a').first().waitFor();
    await settle(page);
    expect(await seriousViolations(page), 'inbox').toEqual([]);
    await page.locator('.ant-table-row a').first().click();
    await page.waitForURL(/\/app\/complaints\/[0-9a-f-]{36}/);
    await settle(page);
    expect(await seriousViolations(page), 'lead detail').toEqual([]);
    await page.context().close();
  });

  it('reaches the portal home tiles with the keyboard as links', async () => {
    const page = await newPage(browser);
    await page.goto(`${baseUrl}/portal`);
    await settle(page);
    const tile = page.getByRole('main').getByRole('link', { name: '我要投诉' });
    await expect(tile.count()).resolves.toBeGreaterThan(0);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      const inMain = await page.evaluate(() => !!document.activeElement?.closest('#main'));
      if (inMain && focused.includes('我要投诉')) break;
      if (i === 29) throw new Error('the 我要投诉 tile was not reached with Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/portal\/complaint$/);
    await page.context().close();
  });
});
