import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orgUnits, regions } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
let eastLake: string; // district-housing (东湖风景区)
let hongshan: string; // other-district-housing (洪山区)
let admin: string;
beforeAll(async () => {
  t = await createTestContext();
  eastLake = await t.login('district-housing');
  hongshan = await t.login('other-district-housing');
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('regions', () => {
  it('lists children of a region inside the caller’s subtree', async () => {
    const body = expectStatus(await t.as(eastLake, { method: 'GET', url: '/api/regions?parent=420100-DH' }), 200);
    const names = body.items.map((r: { name: string }) => r.name);
    expect(names).toContain('听涛街道');
    expect(body.items.find((r: { code: string }) => r.code === '420100-DH-01').childCount).toBe(3);
  });

  it('defaults to the children of the caller’s own region', async () => {
    const body = expectStatus(await t.as(hongshan, { method: 'GET', url: '/api/regions' }), 200);
    expect(body.items.length).toBeGreaterThan(10);
    expect(body.items.every((r: { path: string }) => r.path.startsWith('/420000/420100/420111/'))).toBe(true);
  });

  it('answers 404 for a region in another district, never revealing it', async () => {
    const res = await t.as(eastLake, { method: 'GET', url: '/api/regions?parent=420111' });
    expect(res.statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'GET', url: '/api/regions/420100-DH' })).statusCode).toBe(404);
    expect((await t.as(eastLake, { method: 'GET', url: '/api/regions/420100' })).statusCode).toBe(404);
  });

  it('carries the real GB/T 2260 codes of Hubei from the data package', async () => {
    const body = expectStatus(await t.as(admin, { method: 'GET', url: '/api/regions?parent=420000' }), 200);
    const byCode = Object.fromEntries(body.items.map((r: { code: string; name: string }) => [r.code, r.name]));
    expect(byCode['420100']).toBe('武汉市');
    expect(byCode['420500']).toBe('宜昌市');
    expect(byCode['422800']).toBe('恩施土家族苗族自治州');
    const wuhan = expectStatus(await t.as(admin, { method: 'GET', url: '/api/regions?parent=420100' }), 200);
    const codes = wuhan.items.map((r: { code: string }) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['420102', '420106', '420111', '420117', '420100-DH']));
    expect(codes).not.toContain('420101'); // 市辖区 is not a real district
    const zone = wuhan.items.find((r: { code: string }) => r.code === '420100-DH');
    expect(zone).toMatchObject({ name: '东湖生态旅游风景区', level: 'district', codeSource: 'custom' });
  });

  it('lets an admin add a custom node, rename it and move it, each audited', async () => {
    const created = expectStatus(
      await t.as(admin, { method: 'POST', url: '/api/regions', payload: { parentCode: '420100-DH-02', name: '新建测试社区' } }),
      201,
    );
    expect(created.code).toBe('420100-DH-02-03');
    expect(created.level).toBe('community');
    const renamed = expectStatus(await t.as(admin, { method: 'PATCH', url: `/api/regions/${created.code}`, payload: { name: '樱园社区' } }), 200);
    expect(renamed.name).toBe('樱园社区');
    const moved = expectStatus(
      await t.as(admin, { method: 'POST', url: `/api/regions/${created.code}/move`, payload: { newParentCode: '420100-DH-01' } }),
      200,
    );
    expect(moved.path).toBe('/420000/420100/420100-DH/420100-DH-01/420100-DH-02-03/');
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.code));
    expect(audits.map((a) => a.action).sort()).toEqual(['region.create', 'region.move', 'region.update']);
  });

  it('moves a whole subtree and keeps the paths of its descendants consistent', async () => {
    // 磨山街道 (with its communities) moves under 洪山区 and back.
    expectStatus(await t.as(admin, { method: 'POST', url: '/api/regions/420100-DH-02/move', payload: { newParentCode: '420111' } }), 200);
    const [child] = await t.db.select().from(regions).where(eq(regions.code, '420100-DH-02-01'));
    expect(child.path).toBe('/420000/420100/420111/420100-DH-02/420100-DH-02-01/');
    expectStatus(await t.as(admin, { method: 'POST', url: '/api/regions/420100-DH-02/move', payload: { newParentCode: '420100-DH' } }), 200);
    const [back] = await t.db.select().from(regions).where(eq(regions.code, '420100-DH-02-01'));
    expect(back.path).toBe('/420000/420100/420100-DH/420100-DH-02/420100-DH-02-01/');
  });

  it('refuses moves that break the tree, with field errors', async () => {
    const intoSelf = await t.as(admin, { method: 'POST', url: '/api/regions/420100-DH/move', payload: { newParentCode: '420100-DH-01' } });
    expect(intoSelf.statusCode).toBe(422);
    expect(intoSelf.json().error.details.fields.newParentCode).toBeTruthy();
    const wrongLevel = await t.as(admin, { method: 'POST', url: '/api/regions/420100-DH-01/move', payload: { newParentCode: '420000' } });
    expect(wrongLevel.statusCode).toBe(422);
    const official = await t.as(admin, { method: 'POST', url: '/api/regions', payload: { parentCode: '420100', name: '假区', code: '420199' } });
    expect(official.statusCode).toBe(422);
    expect(official.json().error.details.fields.code).toMatch(/GB\/T 2260/);
  });

  it('lets only region:manage holders change the tree', async () => {
    const res = await t.as(eastLake, { method: 'POST', url: '/api/regions', payload: { parentCode: '420100-DH-01', name: '某社区' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('organisation units', () => {
  it('lists only units inside the caller’s district', async () => {
    const mine = expectStatus(await t.as(eastLake, { method: 'GET', url: '/api/org-units?pageSize=100' }), 200);
    expect(mine.total).toBeGreaterThanOrEqual(9);
    expect(mine.items.every((u: { regionCode: string }) => u.regionCode.startsWith('420100-DH'))).toBe(true);
    const types = new Set(mine.items.map((u: { type: string }) => u.type));
    for (const ty of ['rule_of_law_office', 'housing', 'credit', 'police', 'civil', 'market', 'street_office', 'community_committee']) expect(types.has(ty)).toBe(true);
    const theirs = expectStatus(await t.as(hongshan, { method: 'GET', url: '/api/org-units?region=420100-DH' }), 200);
    expect(theirs.total).toBe(0);
  });

  it('answers 404 for a unit in another district', async () => {
    const [unit] = await t.db.select().from(orgUnits).where(eq(orgUnits.name, '东湖风景区公安分局'));
    expect((await t.as(hongshan, { method: 'GET', url: `/api/org-units/${unit.id}` })).statusCode).toBe(404);
    expect((await t.as(eastLake, { method: 'GET', url: `/api/org-units/${unit.id}` })).statusCode).toBe(200);
  });

  it('validates hotline numbers and names every invalid field', async () => {
    const res = await t.as(admin, { method: 'POST', url: '/api/org-units', payload: { regionCode: '420100-DH', type: 'nonsense', name: 'x', hotline: '12ab' } });
    expect(res.statusCode).toBe(422);
    const fields = res.json().error.details.fields;
    expect(Object.keys(fields).sort()).toEqual(['hotline', 'name', 'type']);
  });

  it('publishes hotlines on the public directory without login', async () => {
    const body = expectStatus(await t.app.inject({ method: 'GET', url: '/api/public/hotlines?region=420100-DH' }), 200);
    expect(body.items.some((i: { name: string; hotline: string }) => i.name === '东湖风景区建设（房管）局' && i.hotline === '027-59900022')).toBe(true);
    expect(JSON.stringify(body)).not.toContain('contactName');
  });
});

describe('users', () => {
  it('are listed for admins only', async () => {
    expect((await t.as(eastLake, { method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    const body = expectStatus(await t.as(admin, { method: 'GET', url: '/api/users?pageSize=50' }), 200);
    expect(body.total).toBeGreaterThanOrEqual(15);
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash/);
  });

  it('keeps 三员分立: admin and auditor roles cannot be combined', async () => {
    const res = await t.as(admin, { method: 'POST', url: '/api/users', payload: { username: 'combo', displayName: 'x', roles: ['admin', 'auditor'], regionCode: '420000' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields.roles).toMatch(/三员分立/);
  });

  it('requires a company for enterprise users and agreement between unit and region', async () => {
    const [unit] = await t.db.select().from(orgUnits).where(eq(orgUnits.name, '东湖风景区公安分局'));
    const res = await t.as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'mismatch', displayName: 'x', roles: ['dept_officer'], orgUnitId: unit.id, regionCode: '420111' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields.regionCode).toBeTruthy();
    const ent = await t.as(admin, { method: 'POST', url: '/api/users', payload: { username: 'ent-x', displayName: 'x', roles: ['enterprise_user'], regionCode: '420100-DH' } });
    expect(ent.json().error.details.fields.enterpriseId).toBeTruthy();
    const unknown = await t.as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'ent-y', displayName: 'y', roles: ['enterprise_user'], regionCode: '420100-DH', enterpriseId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details.fields.enterpriseId).toMatch(/企业不存在/);
  });

  it('refuses a duplicate username with 409', async () => {
    const res = await t.as(admin, { method: 'POST', url: '/api/users', payload: { username: 'auditor', displayName: 'x', roles: ['auditor'], regionCode: '420000' } });
    expect(res.statusCode).toBe(409);
  });
});
