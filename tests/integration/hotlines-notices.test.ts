import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enforcementActions, hotlineChecks, legalProvisions, orgUnits, problems, users } from '../../server/db/schema/index.js';
import { hotlineCompliance } from '../../server/modules/hotlines/hotlines.report.js';
import { createTestContext, type TestContext } from '../helpers/app.js';

let t: TestContext;
let supervisor: string;
let housing: string;
let company: string;
let hongshan: string;
let market: { id: string };
let street: { id: string };
let hongshanUnit: { id: string };

beforeAll(async () => {
  t = await createTestContext();
  [supervisor, housing, company, hongshan] = await Promise.all(['district-supervisor', 'district-housing', 'enterprise-user', 'other-district-housing'].map((u) => t.login(u)));
  [market] = await t.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.name, '东湖风景区市场监督管理局'));
  [street] = await t.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.name, '听涛街道办事处'));
  [hongshanUnit] = await t.db.select({ id: orgUnits.id }).from(orgUnits).where(like(orgUnits.name, '洪山%')).limit(1);
});
afterAll(() => t.close());

const now = () => new Date().toISOString();
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('hotline directory and spot checks', () => {
  it('publishes every unit hotline without login', async () => {
    const res = await t.as(null, { method: 'GET', url: '/api/public/hotlines' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toContainEqual(expect.objectContaining({ unitName: '东湖风景区市场监督管理局', number: '13900000026' }));
  });

  it('lets a unit maintain only its own hotline', async () => {
    const [me] = await t.db.select({ orgUnitId: users.orgUnitId }).from(users).where(eq(users.username, 'district-housing'));
    const ok = await t.as(housing, { method: 'PUT', url: `/api/hotlines/${me?.orgUnitId}`, payload: { number: '027-59900099', hours: '工作日 9:00–17:00' } });
    expect(ok.statusCode).toBe(200);
    const marketUser = await t.login('district-market');
    expect((await t.as(marketUser, { method: 'PUT', url: `/api/hotlines/${me?.orgUnitId}`, payload: { number: '027-1234567', hours: '全天' } })).statusCode).toBe(403);
    expect((await t.as(marketUser, { method: 'PUT', url: `/api/hotlines/${market.id}`, payload: { number: '027-1234567', hours: '全天' } })).statusCode).toBe(200);
    const pub = (await t.as(null, { method: 'GET', url: '/api/public/hotlines' })).json().items;
    expect(pub).toContainEqual(expect.objectContaining({ orgUnitId: me?.orgUnitId, number: '027-59900099', hours: '工作日 9:00–17:00' }));
  });

  it('a failed check opens a hotline_check problem and schedules a re-check; a passed one does not; compliance counts both', async () => {
    const bad = await t.as(supervisor, { method: 'POST', url: '/api/hotline-checks', payload: { orgUnitId: market.id, dialledNumber: '13900000026', result: 'no_answer', checkedAt: now(), note: '连续拨打三次无人接听' } });
    expect(bad.statusCode).toBe(201);
    const { id, problemId } = bad.json();
    expect(problemId).toEqual(expect.any(String));
    const [p] = await t.db.select().from(problems).where(eq(problems.id, problemId));
    expect(p).toMatchObject({ source: 'hotline_check', responsibleOrgUnitId: market.id, sourceId: id });
    const ledger = await t.as(supervisor, { method: 'GET', url: '/api/problems?source=hotline_check' });
    expect(ledger.json().items.map((i: { id: string }) => i.id)).toContain(problemId);
    expect(ledger.json().items[0].deadline).toEqual(expect.any(String));
    const [check] = await t.db.select().from(hotlineChecks).where(eq(hotlineChecks.id, id));
    expect(check?.recheckDueOn).toBeTruthy();

    const good = await t.as(supervisor, { method: 'POST', url: '/api/hotline-checks', payload: { orgUnitId: market.id, dialledNumber: '13900000026', result: 'answered', checkedAt: now() } });
    expect(good.json().problemId).toBeNull();
    const [rechecked] = await t.db.select().from(hotlineChecks).where(eq(hotlineChecks.id, id));
    expect(rechecked?.recheckedById).toBe(good.json().id);

    const c = (await t.as(supervisor, { method: 'GET', url: `/api/hotline-checks/compliance?region=420100-DH&from=${today()}&to=${today()}` })).json();
    expect(c).toMatchObject({ checked: 2, passed: 1, rate: 0.5 });
    expect(c.units).toContainEqual(expect.objectContaining({ orgUnitId: market.id, checked: 2, passed: 1 }));
    expect(c.neverChecked.map((u: { orgUnitId: string }) => u.orgUnitId)).toContain(street.id);
    expect(await hotlineCompliance(t.db, '/420000/420100/420100-DH/', today(), today())).toEqual({ checked: 2, passed: 1, rate: 0.5 });
    expect(await hotlineCompliance(t.db, '/420000/420100/420111/', today(), today())).toEqual({ checked: 0, passed: 0, rate: null });
    const list = await t.as(supervisor, { method: 'GET', url: `/api/hotline-checks?region=420100-DH&from=${today()}&to=${today()}` });
    expect(list.json().total).toBe(2);
  });

  it('refuses bad input, other jurisdictions and users without the permission', async () => {
    const bad = await t.as(supervisor, { method: 'POST', url: '/api/hotline-checks', payload: { orgUnitId: market.id, dialledNumber: 'abc', result: 'maybe', checkedAt: 'yesterday' } });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['checkedAt', 'dialledNumber', 'result']);
    const future = await t.as(supervisor, { method: 'POST', url: '/api/hotline-checks', payload: { orgUnitId: market.id, dialledNumber: '123456', result: 'busy', checkedAt: '2099-01-01T00:00:00Z' } });
    expect(future.statusCode).toBe(422);
    if (hongshanUnit) {
      expect((await t.as(supervisor, { method: 'POST', url: '/api/hotline-checks', payload: { orgUnitId: hongshanUnit.id, dialledNumber: '123456', result: 'busy', checkedAt: now() } })).statusCode).toBe(404);
    }
    expect((await t.as(company, { method: 'POST', url: '/api/hotline-checks', payload: { orgUnitId: market.id, dialledNumber: '123456', result: 'busy', checkedAt: now() } })).statusCode).toBe(403);
    expect((await t.as(hongshan, { method: 'GET', url: `/api/hotline-checks?region=420100-DH` })).json().total).toBe(0);
  });
});

describe('notices served on the company', () => {
  it('shows the documents issued to the company, redacted, and records the receipt once', async () => {
    const [prov] = await t.db.select({ id: legalProvisions.id }).from(legalProvisions).where(eq(legalProvisions.key, 'hubei-67-1'));
    const [me] = await t.db.select({ enterpriseId: users.enterpriseId }).from(users).where(eq(users.username, 'enterprise-user'));
    const created = await t.as(housing, {
      method: 'POST',
      url: '/api/enforcement-actions',
      payload: {
        type: 'rectification_order',
        enterpriseId: me?.enterpriseId,
        date: today(),
        facts: '经查，业主张三丰（电话13912345678）反映该企业以催缴物业费为由对3栋2单元1201室限时停水，情况属实。',
        legalBasisIds: [prov?.id],
        deadlineDays: 10,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const list = (await t.as(company, { method: 'GET', url: '/api/company/notices' })).json();
    const item = list.items.find((n: { id: string }) => n.id === id);
    expect(item).toMatchObject({ received: false, title: expect.stringContaining('责令') });
    expect(item).not.toHaveProperty('complaintId');
    const detail = (await t.as(company, { method: 'GET', url: `/api/company/notices/${id}` })).json();
    expect(detail.facts).not.toContain('13912345678');
    expect(detail.facts).not.toContain('1201');
    expect(detail.facts).toContain('限时停水');

    const receipt = await t.as(company, { method: 'POST', url: `/api/company/notices/${id}/receipt` });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.json().receivedBy).toBe('周晓（听涛物业）');
    expect((await t.as(company, { method: 'POST', url: `/api/company/notices/${id}/receipt` })).statusCode).toBe(409);
    expect((await t.as(housing, { method: 'GET', url: `/api/enforcement-actions/${id}/receipt` })).json()).toMatchObject({ received: true, receivedBy: '周晓（听涛物业）' });
    expect((await t.as(hongshan, { method: 'GET', url: `/api/enforcement-actions/${id}/receipt` })).statusCode).toBe(404);
    expect((await t.as(housing, { method: 'GET', url: '/api/company/notices' })).statusCode).toBe(403);

    const [foreign] = await t.db.select({ id: enforcementActions.id }).from(enforcementActions).where(and(eq(enforcementActions.type, 'rectification_order'))).limit(50);
    const others = await t.db.select({ id: enforcementActions.id, enterpriseId: enforcementActions.enterpriseId }).from(enforcementActions);
    const notMine = others.find((o) => o.enterpriseId !== me?.enterpriseId);
    if (notMine) expect((await t.as(company, { method: 'POST', url: `/api/company/notices/${notMine.id}/receipt` })).statusCode).toBe(404);
    expect(foreign).toBeTruthy();
  });
});
