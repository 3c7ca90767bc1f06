import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
let city: string;
let district: string;
let company: string;

beforeAll(async () => {
  t = await createTestContext();
  [city, district, company] = await Promise.all(['city-coordinator', 'district-supervisor', 'enterprise-user'].map((u) => t.login(u)));
});
afterAll(() => t.close());

const total = async (cookie: string, url: string) => expectStatus<{ total: number }>(await t.as(cookie, { method: 'GET', url }), 200).total;

describe('GET /api/dashboard (挂图作战)', () => {
  it.each([
    ['city-coordinator', '420100'],
    ['district-supervisor', '420100-DH'],
  ])('%s: complaints.total and overdue equal the complaint list totals, and every breakdown agrees with its link', async (user, region) => {
    const cookie = user === 'city-coordinator' ? city : district;
    const d = expectStatus(await t.as(cookie, { method: 'GET', url: `/api/dashboard?region=${region}` }), 200);
    expect(d.complaints.total).toBe(await total(cookie, `/api/complaints?region=${region}`));
    expect(d.complaints.overdue).toBe(await total(cookie, `/api/complaints?region=${region}&overdue=true`));
    expect(d.complaints.total).toBeGreaterThan(0);
    expect(d.complaints.byCategory.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(d.complaints.total);
    for (const c of d.complaints.byCategory.slice(0, 3)) {
      expect(c.count).toBe(await total(cookie, `/api/complaints?${c.link.split('?')[1]}`));
    }
    for (const s of d.complaints.bySubRegion.slice(0, 3)) {
      expect(s.count).toBe(await total(cookie, `/api/complaints?${s.link.split('?')[1]}`));
      expect(s.overdue).toBe(await total(cookie, `/api/complaints?${s.overdueLink.split('?')[1]}`));
    }
    expect(d.problems.total).toBe(await total(cookie, `/api/problems?region=${region}`));
    expect(d.problems.overdue).toBe(await total(cookie, `/api/problems?region=${region}&overdue=true`));
    expect(d.hotline.available === false ? d.hotline.note : 'ok').toMatch(/尚无数据来源|ok/);
  });

  it('a region outside the jurisdiction is 404; a company user is refused', async () => {
    expectStatus(await t.as(district, { method: 'GET', url: '/api/dashboard?region=420111' }), 404);
    expectStatus(await t.as(company, { method: 'GET', url: '/api/dashboard' }), 403);
  });
});
