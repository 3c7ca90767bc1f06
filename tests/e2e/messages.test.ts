import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, loginAs, newPage, watchErrors } from './browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('消息中心', () => {
  it('counts up the unit officer’s bell the moment a lead is dispatched to the unit, without a reload, and opens the lead from the list', async () => {
    const officer = await newPage(browser);
    const errors = watchErrors(officer);
    await loginAs(officer, baseUrl, 'district-market');
    const bell = officer.getByRole('button', { name: /消息中心，未读 \d+ 条/ });
    await bell.waitFor();
    const countOf = async () => Number(/未读 (\d+) 条/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1] ?? -1);
    // the stream's first event has arrived once the count is known
    await officer.waitForFunction(() => !!document.querySelector('[aria-label^="消息中心，未读"]'));
    await officer.waitForTimeout(500);
    const before = await countOf();

    // Another person, in another browser, registers a lead and dispatches it to the market bureau.
    const coordinator = await newPage(browser);
    await loginAs(coordinator, baseUrl, 'district-housing');
    const units = (await (await coordinator.request.get(`${baseUrl}/api/org-units?pageSize=200`)).json()) as { items?: Array<{ id: string; name: string }> } | Array<{ id: string; name: string }>;
    const list = Array.isArray(units) ? units : (units.items ?? []);
    const market = list.find((u) => u.name === '东湖风景区市场监督管理局');
    expect(market).toBeTruthy();
    const projects = (await (await coordinator.request.get(`${baseUrl}/api/projects?pageSize=50`)).json()) as { items: Array<{ id: string }> };
    const created = await coordinator.request.post(`${baseUrl}/api/complaints`, {
      data: { channel: 'phone', description: '小区电梯的电费按户分摊，价格比居民电价高出不少，物业不给说明', contactPhone: '13900005555', projectId: projects.items[0].id },
    });
    expect(created.status()).toBe(201);
    const lead = (await created.json()) as { id: string; trackingCode: string };
    const dispatched = await coordinator.request.post(`${baseUrl}/api/complaints/${lead.id}/dispatch`, { data: { leadOrgUnitId: market?.id } });
    expect(dispatched.status()).toBe(200);

    // No reload: the bell counts up by itself.
    await officer.waitForFunction(
      (n) => {
        const label = document.querySelector('[aria-label^="消息中心，未读"]')?.getAttribute('aria-label') ?? '';
        return Number(/未读 (\d+) 条/.exec(label)?.[1] ?? -1) > n;
      },
      before,
      { timeout: 20_000 },
    );
    // (Reminders and the morning digest of the demo data may arrive too: at least this lead's message.)
    expect(await countOf()).toBeGreaterThanOrEqual(before + 1);
    const mine = (await (await officer.request.get(`${baseUrl}/api/messages?kind=lead.dispatched`)).json()) as { items: Array<{ link: string; readAt: string | null }> };
    expect(mine.items.find((m) => m.link === `/app/complaints/${lead.id}`)).toMatchObject({ readAt: null });
    const unreadBeforeOpening = await countOf();

    // The list shows it; a click marks it read and opens the lead.
    await bell.click();
    await officer.waitForURL(/\/app\/messages$/);
    const item = officer.locator('.ant-list-item', { hasText: lead.trackingCode }).first();
    await item.waitFor();
    await item.click();
    await officer.waitForURL(new RegExp(`/app/complaints/${lead.id}$`));
    // opening it marked it read: the bell counts down, again without a reload
    await officer.waitForFunction(
      (n) => {
        const label = document.querySelector('[aria-label^="消息中心，未读"]')?.getAttribute('aria-label') ?? '';
        return Number(/未读 (\d+) 条/.exec(label)?.[1] ?? -1) < n;
      },
      unreadBeforeOpening,
      { timeout: 10_000 },
    );
    expect(errors).toEqual([]);
  });
});
