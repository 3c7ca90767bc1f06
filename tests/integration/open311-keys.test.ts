import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, complaints, open311ApiKeys, regions } from '../../server/db/schema/index.js';
import { hashApiKey } from '../../server/modules/open311/open311.keys.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * Administration of Open311 API keys (/api/open311/keys, 系统管理 → 接口密钥): an administrator
 * issues a key for a region in their subtree and sees it once; only its hash is stored; lists
 * never carry the key or its hash; a revoked key is refused at once for posting and keyed reads;
 * keys of another district are 404; every write is audited without the key. The seeded admin
 * sits at the province, so this file creates (through the API) administrators placed at
 * 东湖风景区 (420100-DH) and at 洪山区 (420111).
 */

let t: TestContext;
let admin: string; // province admin
let dhAdmin: string; // 东湖风景区
let hsAdmin: string; // 洪山区

async function districtAdmin(username: string, displayName: string, regionCode: string): Promise<string> {
  expectStatus(
    await t.as(admin, { method: 'POST', url: '/api/users', payload: { username, displayName, roles: ['admin'], regionCode, password: 'Initial#Pass-1' } }),
    201,
  );
  const first = await t.login(username, 'Initial#Pass-1');
  const changed = await t.as(first, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: 'Initial#Pass-1', newPassword: 'Key#Admin-2026' } });
  expect(changed.statusCode).toBe(204);
  return t.login(username, 'Key#Admin-2026');
}

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('admin');
  dhAdmin = await districtAdmin('dh-keyadmin', '东湖密钥管理员', '420100-DH');
  hsAdmin = await districtAdmin('hs-keyadmin', '洪山密钥管理员', '420111');
});
afterAll(() => t.close());

const KEY_FIELDS = ['active', 'createdAt', 'createdBy', 'id', 'lastUsedAt', 'name', 'regionCode', 'regionId', 'regionName', 'revokedAt', 'revokedBy'];

const create = (cookie: string, payload: Record<string, unknown>) => t.as(cookie, { method: 'POST', url: '/api/open311/keys', payload });
const revoke = (cookie: string, id: string) => t.as(cookie, { method: 'POST', url: `/api/open311/keys/${id}/revoke` });
const list = (cookie: string, query = '') => t.as(cookie, { method: 'GET', url: `/api/open311/keys?pageSize=100${query}` });

const formPost = (fields: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
const lead = (apiKey: string) => ({
  api_key: apiKey,
  service_code: '1',
  description: '物业以业主欠费为由，给 3 栋整栋停水一天，至今没有恢复供水。',
  address_string: '武汉市东湖风景区某小区 3 栋',
  first_name: '女士',
  last_name: '测试',
  phone: '13900005555',
});
const keyedGet = (path: string, apiKey: string) =>
  t.app.inject({ method: 'GET', url: `${path}${path.includes('?') ? '&' : '?'}api_key=${encodeURIComponent(apiKey)}` });
const isOpen311Error = (body: unknown, code: number) => {
  expect(Array.isArray(body)).toBe(true);
  expect((body as Array<{ code: number }>)[0].code).toBe(code);
};
const auditsOf = (entityId: string) => t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
const keyAuditCount = async () =>
  (await t.db.select({ id: auditLog.id }).from(auditLog).where(inArray(auditLog.action, ['open311_key.create', 'open311_key.revoke']))).length;

let dhKey: { id: string; apiKey: string };
let hsKey: { id: string; apiKey: string };
let postedId: string;

describe('issuing a key', () => {
  it('the province admin issues a key for 东湖: 201 with the key once, only its hash stored, audited without it', async () => {
    const res = await create(admin, { name: '  东湖 12345 对接测试  ', regionCode: '420100-DH' });
    const body = expectStatus(res, 201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Object.keys(body).sort()).toEqual(['apiKey', 'key']);
    expect(Object.keys(body.key).sort()).toEqual(KEY_FIELDS);
    expect(body.key).toMatchObject({ name: '东湖 12345 对接测试', regionCode: '420100-DH', active: true, createdBy: '系统管理员', lastUsedAt: null, revokedAt: null, revokedBy: null });
    expect(body.apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    dhKey = { id: body.key.id, apiKey: body.apiKey };

    const [row] = await t.db.select().from(open311ApiKeys).where(eq(open311ApiKeys.id, dhKey.id));
    expect(row.keyHash).toBe(hashApiKey(dhKey.apiKey));
    expect(JSON.stringify(row)).not.toContain(dhKey.apiKey);
    const [dh] = await t.db.select().from(regions).where(eq(regions.code, '420100-DH'));
    expect(row.regionId).toBe(dh.id);

    const audits = await auditsOf(dhKey.id);
    expect(audits.map((a) => [a.action, a.actorName, a.entityType, a.regionId])).toEqual([['open311_key.create', 'admin', 'open311_api_key', dh.id]]);
    expect(audits[0].after).toMatchObject({ name: '东湖 12345 对接测试', regionCode: '420100-DH' });
  });

  it('two keys never coincide', async () => {
    const a = expectStatus(await create(admin, { name: '洪山 对接测试', regionCode: '420111' }), 201);
    hsKey = { id: a.key.id, apiKey: a.apiKey };
    expect(hsKey.apiKey).not.toBe(dhKey.apiKey);
    expect(a.key.regionCode).toBe('420111');
  });

  it('the new key posts a lead into its region and reads it back; the key records its last use', async () => {
    const posted = expectStatus(await formPost(lead(dhKey.apiKey)), 201);
    postedId = posted[0].service_request_id;
    const [row] = await t.db.select().from(complaints).where(eq(complaints.id, postedId));
    const [dh] = await t.db.select().from(regions).where(eq(regions.code, '420100-DH'));
    expect(row).toMatchObject({ channel: 'open311', regionId: dh.id });
    const [created] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, postedId), eq(auditLog.action, 'complaint.create')));
    expect(created.actorName).toBe('system:open311:东湖 12345 对接测试');

    const read = expectStatus(await keyedGet(`/open311/v2/requests/${postedId}.json`, dhKey.apiKey), 200);
    expect(read[0].service_request_id).toBe(postedId);
    expect(expectStatus(await keyedGet('/open311/v2/requests.json', dhKey.apiKey), 200).map((r: { service_request_id: string }) => r.service_request_id)).toContain(postedId);
    // the 洪山 key does not see a 东湖 lead
    expect((await keyedGet(`/open311/v2/requests/${postedId}.json`, hsKey.apiKey)).statusCode).toBe(404);

    const listed = expectStatus(await list(admin), 200).items.find((k: { id: string }) => k.id === dhKey.id);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('refuses a missing or too short name and a region outside the subtree (422), a name in use (409)', async () => {
    const before = await keyAuditCount();
    const empty = await create(admin, { regionCode: '420100-DH' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details.fields).toHaveProperty('name');
    const short = await create(admin, { name: ' 东 ', regionCode: '420100-DH' });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.details.fields).toHaveProperty('name');
    const noRegion = await create(admin, { name: '无区划' });
    expect(noRegion.statusCode).toBe(422);
    expect(noRegion.json().error.details.fields).toHaveProperty('regionCode');
    const unknown = await create(admin, { name: '未知区划', regionCode: '999999' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details.fields.regionCode).toContain('管辖范围');
    const outside = await create(dhAdmin, { name: '越权密钥', regionCode: '420111' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.details.fields.regionCode).toContain('管辖范围');

    for (const name of ['东湖 12345 对接测试', '12345 热线平台（演示）']) {
      const dup = await create(admin, { name, regionCode: '420100-DH' });
      expect(dup.statusCode, name).toBe(409);
      expect(dup.json().error.details.fields).toHaveProperty('name');
    }
    expect(await t.db.select().from(open311ApiKeys).where(eq(open311ApiKeys.name, '越权密钥'))).toEqual([]);
    expect(await keyAuditCount()).toBe(before);
  });

  it('is for administrators only (403 for staff, 401 without a session)', async () => {
    const staff = await t.login('district-housing');
    for (const res of [await list(staff), await create(staff, { name: '员工密钥', regionCode: '420100-DH' }), await revoke(staff, dhKey.id)]) {
      expect(res.statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/open311/keys' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/open311/keys', payload: { name: '匿名', regionCode: '420100-DH' } })).statusCode).toBe(401);
  });
});

describe('listing keys', () => {
  it('never carries a key or its hash', async () => {
    const res = await list(admin);
    const body = expectStatus(res, 200);
    for (const item of body.items) expect(Object.keys(item).sort()).toEqual(KEY_FIELDS);
    for (const secret of [dhKey.apiKey, hashApiKey(dhKey.apiKey), hsKey.apiKey, hashApiKey(hsKey.apiKey), t.env.OPEN311_DEMO_KEY, hashApiKey(t.env.OPEN311_DEMO_KEY)]) {
      expect(res.body).not.toContain(secret);
    }
    expect(res.body).not.toContain('keyHash');
    const names = body.items.map((k: { name: string }) => k.name);
    expect(names).toEqual(expect.arrayContaining(['东湖 12345 对接测试', '洪山 对接测试', '12345 热线平台（演示）']));
    expect(body.items.find((k: { name: string }) => k.name === '12345 热线平台（演示）')).toMatchObject({ active: true, createdBy: null, regionCode: '420100-DH' });
  });

  it('shows each administrator the keys of their own subtree only', async () => {
    const dh = expectStatus(await list(dhAdmin), 200).items.map((k: { name: string }) => k.name);
    expect(dh).toEqual(expect.arrayContaining(['东湖 12345 对接测试', '12345 热线平台（演示）']));
    expect(dh).not.toContain('洪山 对接测试');
    const hs = expectStatus(await list(hsAdmin), 200).items.map((k: { name: string }) => k.name);
    expect(hs).toEqual(['洪山 对接测试']);
    // a region filter only narrows
    expect(expectStatus(await list(dhAdmin, '&region=420111'), 200).items).toEqual([]);
    expect(expectStatus(await list(admin, '&region=420111'), 200).items.map((k: { name: string }) => k.name)).toEqual(['洪山 对接测试']);
    expect(expectStatus(await list(admin, `&q=${encodeURIComponent('东湖 12345')}`), 200).items.map((k: { name: string }) => k.name)).toEqual(['东湖 12345 对接测试']);
  });

  it('an administrator of another district can neither see nor revoke a key (404, nothing changes, nothing audited)', async () => {
    const before = await keyAuditCount();
    for (const [cookie, id] of [
      [hsAdmin, dhKey.id],
      [dhAdmin, hsKey.id],
    ] as const) {
      const res = await revoke(cookie, id);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await revoke(admin, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await revoke(admin, 'not-a-uuid')).statusCode).toBe(422);
    const rows = await t.db.select().from(open311ApiKeys).where(inArray(open311ApiKeys.id, [dhKey.id, hsKey.id]));
    expect(rows.map((r) => r.revokedAt)).toEqual([null, null]);
    expect(await keyAuditCount()).toBe(before);
    expect((await formPost(lead(hsKey.apiKey))).statusCode).toBe(201);
  });
});

describe('revoking a key', () => {
  it('the district admin revokes its key: it stops working at once for posting and keyed reads (403)', async () => {
    const body = expectStatus(await revoke(dhAdmin, dhKey.id), 200);
    expect(body).toMatchObject({ id: dhKey.id, active: false, revokedBy: '东湖密钥管理员', createdBy: '系统管理员' });
    expect(body.revokedAt).not.toBeNull();

    const posted = await formPost(lead(dhKey.apiKey));
    expect(posted.statusCode).toBe(403);
    isOpen311Error(posted.json(), 403);
    for (const path of [`/open311/v2/requests/${postedId}.json`, '/open311/v2/requests.json', `/open311/v2/requests.json?service_request_id=${postedId}`]) {
      const res = await keyedGet(path, dhKey.apiKey);
      expect(res.statusCode, path).toBe(403);
      isOpen311Error(res.json(), 403);
    }
    // other keys are unaffected
    expect((await formPost(lead(t.env.OPEN311_DEMO_KEY))).statusCode).toBe(201);
    expect((await keyedGet(`/open311/v2/requests/${postedId}.json`, t.env.OPEN311_DEMO_KEY)).statusCode).toBe(200);
  });

  it('revoking twice is 409 and audits nothing more', async () => {
    const before = await keyAuditCount();
    for (const cookie of [dhAdmin, admin]) {
      const res = await revoke(cookie, dhKey.id);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CONFLICT');
    }
    expect(await keyAuditCount()).toBe(before);
  });

  it('lists the key as revoked; the status filter separates active and revoked keys; the name stays taken', async () => {
    const revoked = expectStatus(await list(admin, '&status=revoked'), 200).items.map((k: { id: string }) => k.id);
    expect(revoked).toEqual([dhKey.id]);
    const active = expectStatus(await list(admin, '&status=active'), 200).items.map((k: { id: string }) => k.id);
    expect(active).toContain(hsKey.id);
    expect(active).not.toContain(dhKey.id);
    expect((await create(admin, { name: '东湖 12345 对接测试', regionCode: '420100-DH' })).statusCode).toBe(409);
  });

  it('audits create and revoke with who and where, never the key or its hash', async () => {
    const audits = await auditsOf(dhKey.id);
    expect(audits.map((a) => [a.action, a.actorName])).toEqual([
      ['open311_key.create', 'admin'],
      ['open311_key.revoke', 'dh-keyadmin'],
    ]);
    expect(audits[1].before).toMatchObject({ revokedAt: null });
    expect((audits[1].after as { revokedAt: string }).revokedAt).toBeTruthy();
    const all = await t.db.select().from(auditLog).where(inArray(auditLog.entityId, [dhKey.id, hsKey.id]));
    const text = JSON.stringify(all);
    for (const secret of [dhKey.apiKey, hashApiKey(dhKey.apiKey), hsKey.apiKey, hashApiKey(hsKey.apiKey)]) expect(text).not.toContain(secret);
  });
});
