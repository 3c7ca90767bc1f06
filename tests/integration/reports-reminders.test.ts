import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindMonthlyReports } from '../../server/modules/reports/reports.jobs.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('monthly-report reminders', () => {
  it('remind reporting regions before the due day, chase missing reports after it, and stop once submitted', async () => {
    // East Lake reports are due on the 1st (每月1日前): on 11-29 the November report is due soon.
    const before = await remindMonthlyReports(t.db, '2026-11-29');
    expect(before).toBeGreaterThan(0);
    const cookie = await t.login('district-housing');
    expectStatus(await t.as(cookie, { method: 'POST', url: '/api/reports/monthly/submit', payload: { region: '420100-DH', month: '2026-11' } }), 200);
    expect(await remindMonthlyReports(t.db, '2026-11-29')).toBe(before - 1);
    // mid-month only last month's missing reports are chased (overdue), and a submission stops it
    const overdue = await remindMonthlyReports(t.db, '2026-11-15');
    expect(overdue).toBeGreaterThan(0);
    expectStatus(await t.as(cookie, { method: 'POST', url: '/api/reports/monthly/submit', payload: { region: '420100-DH', month: '2026-10' } }), 200);
    expect(await remindMonthlyReports(t.db, '2026-11-15')).toBe(overdue - 1);
  });
});
