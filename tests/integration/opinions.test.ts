import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
let housing: string;
let street: string;
let hongshan: string;
let company: string;
let supervisor: string;

beforeAll(async () => {
  t = await createTestContext();
  [housing, street, hongshan, company, supervisor] = await Promise.all(
    ['district-housing', 'street-staff', 'other-district-housing', 'enterprise-user', 'district-supervisor'].map((u) => t.login(u)),
  );
});
afterAll(async () => {
  await t.close();
});

describe('opinions and suggestions list (意见建议清单)', () => {
  it('records an opinion, lists it paginated and filtered, and records a response with audit', async () => {
    const created = expectStatus(
      await t.as(housing, {
        method: 'POST',
        url: '/api/opinions',
        payload: { regionCode: '420100-DH-01', sourceUnit: '听涛社区居民委员会', content: '建议在小区公示栏统一张贴物业服务投诉电话。', submittedBy: '社区座谈会业主代表' },
      }),
      201,
    );
    expect(created).toMatchObject({ status: 'open', statusLabel: '待答复', regionCode: '420100-DH-01', response: null });

    const open = expectStatus(await t.as(housing, { method: 'GET', url: '/api/opinions?status=open&pageSize=200' }), 200);
    expect(open.items.map((o: { id: string }) => o.id)).toContain(created.id);
    expect(open.items.every((o: { status: string }) => o.status === 'open')).toBe(true);
    const found = expectStatus(await t.as(housing, { method: 'GET', url: `/api/opinions?q=${encodeURIComponent('公示栏')}` }), 200);
    expect(found.items.map((o: { id: string }) => o.id)).toContain(created.id);
    const paged = expectStatus(await t.as(housing, { method: 'GET', url: '/api/opinions?page=1&pageSize=1' }), 200);
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(1);

    const responded = expectStatus(
      await t.as(street, { method: 'POST', url: `/api/opinions/${created.id}/respond`, payload: { response: '已督促辖区物业企业于本月底前完成张贴。' } }),
      200,
    );
    expect(responded).toMatchObject({ status: 'responded', statusLabel: '已答复', response: '已督促辖区物业企业于本月底前完成张贴。', respondedByName: '何宁' });
    expect(responded.respondedAt).not.toBeNull();
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['opinion.create', 'opinion.respond']);
    const responsedList = expectStatus(await t.as(housing, { method: 'GET', url: '/api/opinions?status=responded&pageSize=200' }), 200);
    expect(responsedList.items.map((o: { id: string }) => o.id)).toContain(created.id);
  });

  it('validates input and keeps other districts and enterprise users out', async () => {
    const bad = await t.as(housing, { method: 'POST', url: '/api/opinions', payload: { sourceUnit: '', content: '', submittedBy: '' } });
    expect(Object.keys(expectStatus(bad, 422).error.details.fields)).toEqual(expect.arrayContaining(['sourceUnit', 'content', 'submittedBy']));

    const o = expectStatus(await t.as(housing, { method: 'POST', url: '/api/opinions', payload: { sourceUnit: '东湖风景区人大代表', content: '建议加强对物业服务企业的信用监管。', submittedBy: '人大代表' } }), 201);
    expect(expectStatus(await t.as(hongshan, { method: 'GET', url: `/api/opinions/${o.id}` }), 404)).toBeTruthy();
    expect((await t.as(hongshan, { method: 'POST', url: `/api/opinions/${o.id}/respond`, payload: { response: '越权答复' } })).statusCode).toBe(404);
    expect(expectStatus(await t.as(hongshan, { method: 'GET', url: '/api/opinions?pageSize=200' }), 200).items.map((x: { id: string }) => x.id)).not.toContain(o.id);
    // A district-level opinion is outside a street officer's subtree.
    expect((await t.as(street, { method: 'GET', url: `/api/opinions/${o.id}` })).statusCode).toBe(404);
    // 洪山 cannot file an opinion under 东湖.
    expect((await t.as(hongshan, { method: 'POST', url: '/api/opinions', payload: { regionCode: '420100-DH', sourceUnit: 'x', content: 'x', submittedBy: 'x' } })).statusCode).toBe(404);
    // Enterprise users: no access; the rule-of-law office may read but not respond.
    expect((await t.as(company, { method: 'GET', url: '/api/opinions' })).statusCode).toBe(403);
    expect((await t.as(supervisor, { method: 'GET', url: `/api/opinions/${o.id}` })).statusCode).toBe(200);
    expect((await t.as(supervisor, { method: 'POST', url: `/api/opinions/${o.id}/respond`, payload: { response: 'x' } })).statusCode).toBe(403);
    expect((await t.as(housing, { method: 'POST', url: `/api/opinions/${o.id}/respond`, payload: { response: '' } })).statusCode).toBe(422);
  });
});
