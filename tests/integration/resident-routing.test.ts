import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EAST_LAKE } from '../../server/db/seed/regions.seed.js';
import { auditLog, campaigns, complaints, enterprises, projects, regions } from '../../server/db/schema/index.js';
import { closeEndedCampaigns, todayInChina } from '../../server/modules/campaigns/campaigns.service.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * What a resident meets on the portal without choosing an estate (issue 15): the public region
 * picker, routing to the chosen district or to the city's 待确定属地 box with a deadline, the
 * company-name search of estates, the tracking page's 承办单位 and reply date, ended campaigns,
 * and redaction of online contact handles.
 */

let t: TestContext;
let district: string; // district-housing (东湖): dispatches
let hongshan: string; // other-district-housing (洪山)
let city: string; // city-coordinator (武汉)
let ip = 1;

beforeAll(async () => {
  t = await createTestContext();
  [district, hongshan, city] = await Promise.all(['district-housing', 'other-district-housing', 'city-coordinator'].map((u) => t.login(u)));
});
afterAll(() => t.close());

const get = (cookie: string | null, url: string) => t.as(cookie, { method: 'GET', url });
const file = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/public/complaints', payload, remoteAddress: `10.77.0.${ip++}` });
const inBox = async (cookie: string, box: string, code: string) =>
  (expectStatus(await get(cookie, `/api/complaints?box=${box}&pageSize=100`), 200).items as { trackingCode: string }[]).some((i) => i.trackingCode === code);

describe('GET /api/public/regions', () => {
  it('lists the districts of the service area without login, and a district’s streets, as code, name and level only', async () => {
    const top = expectStatus(await get(null, '/api/public/regions'), 200);
    expect(top.items).toContainEqual({ code: EAST_LAKE, name: expect.any(String), level: 'district' });
    const streets = expectStatus(await get(null, `/api/public/regions?parent=${EAST_LAKE}`), 200);
    expect(streets.items.length).toBeGreaterThan(0);
    for (const s of streets.items) {
      expect(Object.keys(s).sort()).toEqual(['code', 'level', 'name']);
      expect(s.level).toBe('street');
    }
    expect((await get(null, '/api/public/regions?parent=NO-SUCH')).statusCode).toBe(404);
  });
});

describe('a complaint without a chosen estate', () => {
  it('with a district or street goes to that district’s 待派单, not to another district’s', async () => {
    const streets = expectStatus(await get(null, `/api/public/regions?parent=${EAST_LAKE}`), 200).items;
    const { trackingCode } = expectStatus(await file({ description: '小区物业多次在夜间施工噪音扰民，投诉后无人处理。', regionCode: streets[0].code, anonymous: true }), 201);
    const [row] = await t.db.select({ regionId: complaints.regionId, dueAt: complaints.currentDueAt }).from(complaints).where(eq(complaints.trackingCode, trackingCode));
    const [street] = await t.db.select({ id: regions.id }).from(regions).where(eq(regions.code, streets[0].code));
    expect(row.regionId).toBe(street.id);
    expect(row.dueAt).toBeNull();
    expect(await inBox(district, 'to_dispatch', trackingCode)).toBe(true);
    expect(await inBox(hongshan, 'to_dispatch', trackingCode)).toBe(false);
    expect(await inBox(city, 'unlocated', trackingCode)).toBe(false);
  });

  it('with an unknown region code is refused with a field error', async () => {
    const res = await file({ description: '小区物业多次在夜间施工噪音扰民，投诉后无人处理。', regionCode: '999999-XX', anonymous: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields.regionCode).toBeTruthy();
  });

  it('with no district waits in the city’s 待确定属地 box with a deadline until a coordinator places it', async () => {
    const { trackingCode } = expectStatus(await file({ description: '我们小区物业乱收停车费，还不公示收费标准。', anonymous: true }), 201);
    const [row] = await t.db.select().from(complaints).where(eq(complaints.trackingCode, trackingCode));
    expect(row.currentDueKind).toBe('locate');
    expect(row.currentDueAt).not.toBeNull();
    expect(await inBox(city, 'unlocated', trackingCode)).toBe(true);
    expect(await inBox(district, 'to_dispatch', trackingCode)).toBe(false);
    // The district cannot see it (not in its jurisdiction) …
    expect((await get(district, `/api/complaints/${row.id}`)).statusCode).toBe(404);
    // … until the city coordinator places it in the district: then the deadline is the district's to meet by dispatching.
    const placed = await t.as(city, { method: 'POST', url: `/api/complaints/${row.id}/triage`, payload: { category: row.category, leadDepartment: row.leadDepartment, coDepartments: row.coDepartments, urgent: row.urgent, regionCode: EAST_LAKE } });
    expectStatus(placed, 200);
    expect(await inBox(city, 'unlocated', trackingCode)).toBe(false);
    expect(await inBox(district, 'to_dispatch', trackingCode)).toBe(true);
    const [after] = await t.db.select({ kind: complaints.currentDueKind }).from(complaints).where(eq(complaints.id, row.id));
    expect(after.kind).toBeNull();
  });

  it('links the company the resident names in 被投诉的物业公司 and notes what was written', async () => {
    const { trackingCode } = expectStatus(await file({ description: '小区电梯坏了一个月没人修。', enterpriseName: '武汉听涛物业服务有限公司', regionCode: EAST_LAKE, anonymous: true }), 201);
    const [row] = await t.db.select({ id: complaints.id, enterpriseId: complaints.enterpriseId }).from(complaints).where(eq(complaints.trackingCode, trackingCode));
    const [company] = await t.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.name, '武汉听涛物业服务有限公司'));
    expect(row.enterpriseId).toBe(company.id);
    // A name that matches no registered company is kept for the officer, and nothing is linked.
    const other = expectStatus(await file({ description: '小区电梯坏了一个月没人修。', enterpriseName: '不存在的某某物业', regionCode: EAST_LAKE, anonymous: true }), 201);
    const [unlinked] = await t.db.select({ id: complaints.id, enterpriseId: complaints.enterpriseId }).from(complaints).where(eq(complaints.trackingCode, other.trackingCode));
    expect(unlinked.enterpriseId).toBeNull();
    const detail = expectStatus(await get(district, `/api/complaints/${unlinked.id}`), 200);
    expect(JSON.stringify(detail.timeline)).toContain('不存在的某某物业');
  });
});

describe('GET /api/public/projects', () => {
  it('finds the estates of a company by a part of its name', async () => {
    const [company] = await t.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.name, '武汉听涛物业服务有限公司'));
    const own = await t.db.select({ id: projects.id }).from(projects).where(eq(projects.enterpriseId, company.id));
    expect(own.length).toBeGreaterThan(0);
    const found = expectStatus(await get(null, `/api/public/projects?q=${encodeURIComponent('听涛')}`), 200) as { id: string }[];
    const ownIds = new Set(own.map((p) => p.id));
    expect(found.some((p) => ownIds.has(p.id))).toBe(true);
    const byShort = expectStatus(await get(null, `/api/public/projects?q=${encodeURIComponent('听涛物业')}`), 200) as { id: string }[];
    expect(byShort.some((p) => p.id === own[0].id)).toBe(true);
  });
});

describe('tracking page', () => {
  it('tells the 承办单位 and the reply date once dispatched, and that a code has 10 characters', async () => {
    const { trackingCode } = expectStatus(await file({ description: '物业以欠费为由停了我家的水，家里有老人小孩。', regionCode: EAST_LAKE, anonymous: true }), 201);
    const before = expectStatus(await get(null, `/api/public/complaints/${trackingCode}`), 200);
    expect(before).toMatchObject({ handlingUnit: null, replyDueBy: null });
    const [row] = await t.db.select({ id: complaints.id }).from(complaints).where(eq(complaints.trackingCode, trackingCode));
    const dispatched = expectStatus(await t.as(district, { method: 'POST', url: `/api/complaints/${row.id}/dispatch`, payload: {} }), 200);
    const after = expectStatus(await get(null, `/api/public/complaints/${trackingCode}`), 200);
    expect(after.handlingUnit).toBe(dispatched.leadOrgUnitName);
    expect(after.replyDueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const short = await get(null, '/api/public/complaints/ABC123');
    expect(short.statusCode).toBe(422);
    expect(JSON.stringify(short.json())).toContain('查询码为 10 位');
  });
});

describe('campaigns past their end date', () => {
  it('read as closed, are closed by the daily job with an audit row, and reopen when extended', async () => {
    const [old] = await t.db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.templateId, 'east-lake-2021'), eq(campaigns.startsOn, '2021-09-03')));
    expect(expectStatus(await get(district, `/api/campaigns/${old.id}`), 200).status).toBe('closed');
    // The demo's current round of the district plan runs today.
    const running = await t.db.select({ id: campaigns.id, startsOn: campaigns.startsOn, endsOn: campaigns.endsOn }).from(campaigns).where(eq(campaigns.templateId, 'east-lake-2021'));
    const today = todayInChina();
    const current = running.find((c) => c.startsOn <= today && c.endsOn >= today);
    expect(current).toBeTruthy();
    expect(expectStatus(await get(district, `/api/campaigns/${current?.id}`), 200).status).toBe('active');

    expect(await closeEndedCampaigns(t.db)).toBeGreaterThanOrEqual(2);
    const [stored] = await t.db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, old.id));
    expect(stored.status).toBe('closed');
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'campaign.close'), inArray(auditLog.entityId, [old.id])));
    expect(audits).toHaveLength(1);
    expect(await closeEndedCampaigns(t.db)).toBe(0);
  });
});

describe('POST /api/cases/redact-preview', () => {
  it('removes WeChat ids, QQ numbers and e-mail addresses', async () => {
    const res = expectStatus(
      await t.as(district, { method: 'POST', url: '/api/cases/redact-preview', payload: { text: '业主微信号：tingtao_2021，QQ：123456789，邮箱 owner@example.com。' } }),
      200,
    );
    expect(res.text).not.toContain('tingtao_2021');
    expect(res.text).not.toContain('123456789');
    expect(res.text).not.toContain('owner@example.com');
  });
});
