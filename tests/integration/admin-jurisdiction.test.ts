import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orgUnits, regions, users } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * Write-side jurisdiction of the administrator's pages. Every seeded admin sits at the province,
 * so this file creates (through the API, as the province admin) a system administrator placed at
 * 东湖风景区 (420100-DH) and shows that its region, org-unit and user writes work inside 东湖 and
 * answer 404 — writing nothing, auditing nothing — for 洪山区 (420111) records.
 */

let t: TestContext;
let admin: string; // province admin
let dhAdmin: string; // the district-scoped admin created below
const DH_ADMIN_PASSWORD = 'Dh#Admin-2026';

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('admin');
  const created = expectStatus(
    await t.as(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'dh-sysadmin', displayName: '东湖系统管理员', roles: ['admin'], regionCode: '420100-DH', password: 'Initial#Pass-1' },
    }),
    201,
  );
  expect(created.user).toMatchObject({ regionCode: '420100-DH', roles: ['admin'], orgUnitId: null, mustChangePassword: true });
  const first = await t.login('dh-sysadmin', 'Initial#Pass-1');
  expect(
    (await t.as(first, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: 'Initial#Pass-1', newPassword: DH_ADMIN_PASSWORD } })).statusCode,
  ).toBe(204);
  dhAdmin = await t.login('dh-sysadmin', DH_ADMIN_PASSWORD);
});
afterAll(() => t.close());

/** How many audit rows the district admin has written so far. */
const dhAudits = async () => (await t.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.actorName, 'dh-sysadmin'))).length;
const auditsOf = (action: string, entityId: string) => t.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
const regionByCode = async (code: string) => (await t.db.select().from(regions).where(eq(regions.code, code)))[0];
const unitNamed = async (name: string) => (await t.db.select().from(orgUnits).where(eq(orgUnits.name, name)))[0];
const userNamed = async (username: string) => (await t.db.select().from(users).where(eq(users.username, username)))[0];

describe('the district-scoped administrator', () => {
  it('holds the admin permissions at 东湖风景区 and sees only 东湖 in its lists', async () => {
    const me = expectStatus(await t.as(dhAdmin, { method: 'GET', url: '/api/me' }), 200);
    expect(me.region.code).toBe('420100-DH');
    expect(me.permissions).toEqual(expect.arrayContaining(['region:manage', 'org_unit:manage', 'user:manage']));
    const list = expectStatus(await t.as(dhAdmin, { method: 'GET', url: '/api/users?pageSize=100' }), 200);
    const names = list.items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['district-housing', 'street-staff', 'dh-sysadmin']));
    expect(names).not.toContain('other-district-housing');
    expect(names).not.toContain('admin');
    expect(list.items.every((u: { regionCode: string }) => u.regionCode.startsWith('420100-DH'))).toBe(true);
  });
});

describe('region writes', () => {
  it('adds, renames and moves a node inside 东湖, each audited under its name', async () => {
    const created = expectStatus(await t.as(dhAdmin, { method: 'POST', url: '/api/regions', payload: { parentCode: '420100-DH-01', name: '东湖新村社区' } }), 201);
    expect(created).toMatchObject({ code: '420100-DH-01-04', level: 'community', path: '/420000/420100/420100-DH/420100-DH-01/420100-DH-01-04/', codeSource: 'custom' });
    const renamed = expectStatus(await t.as(dhAdmin, { method: 'PATCH', url: `/api/regions/${created.code}`, payload: { name: '湖光社区' } }), 200);
    expect(renamed.name).toBe('湖光社区');
    const moved = expectStatus(await t.as(dhAdmin, { method: 'POST', url: `/api/regions/${created.code}/move`, payload: { newParentCode: '420100-DH-02' } }), 200);
    expect(moved.path).toBe('/420000/420100/420100-DH/420100-DH-02/420100-DH-01-04/');
    expect(await regionByCode(created.code)).toMatchObject({ name: '湖光社区', parentId: (await regionByCode('420100-DH-02')).id });

    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.code));
    expect(audits.map((a) => [a.action, a.actorName]).sort()).toEqual([
      ['region.create', 'dh-sysadmin'],
      ['region.move', 'dh-sysadmin'],
      ['region.update', 'dh-sysadmin'],
    ]);
    expect(audits.find((a) => a.action === 'region.update')?.before).toMatchObject({ name: '东湖新村社区' });
  });

  it('answers 404 for every write touching 洪山区, changes nothing and audits nothing', async () => {
    const street = (await t.db.select().from(regions).where(eq(regions.code, '420111002')))[0];
    const hongshanBefore = await t.db.select().from(regions).where(like(regions.path, '/420000/420100/420111/%')).orderBy(asc(regions.id));
    const auditsBefore = await dhAudits();

    const attempts = [
      { method: 'POST' as const, url: '/api/regions', payload: { parentCode: '420111', name: '越权街道' } },
      { method: 'POST' as const, url: '/api/regions', payload: { parentCode: '420111002', name: '越权社区' } },
      { method: 'PATCH' as const, url: '/api/regions/420111', payload: { name: '改名区' } },
      { method: 'PATCH' as const, url: '/api/regions/420111002', payload: { name: '改名街道' } },
      { method: 'PATCH' as const, url: '/api/regions/420100', payload: { name: '改名市' } },
      { method: 'POST' as const, url: '/api/regions/420111002/move', payload: { newParentCode: '420100-DH' } },
      { method: 'POST' as const, url: '/api/regions/420111002-01/move', payload: { newParentCode: '420100-DH-01' } },
      { method: 'POST' as const, url: '/api/regions/420100-DH-02/move', payload: { newParentCode: '420111' } },
      { method: 'POST' as const, url: '/api/regions/420100-DH-01-01/move', payload: { newParentCode: '420111002' } },
    ];
    for (const a of attempts) {
      const res = await t.as(dhAdmin, a);
      expect(res.statusCode, `${a.method} ${a.url}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }

    expect(await t.db.select().from(regions).where(like(regions.path, '/420000/420100/420111/%')).orderBy(asc(regions.id))).toEqual(hongshanBefore);
    expect(await regionByCode('420111002')).toEqual(street);
    expect((await regionByCode('420100-DH-02')).path).toBe('/420000/420100/420100-DH/420100-DH-02/');
    expect((await regionByCode('420100')).name).toBe('武汉市');
    expect(await t.db.select().from(regions).where(like(regions.name, '越权%'))).toEqual([]);
    expect(await dhAudits()).toBe(auditsBefore);
  });

  it('cannot move its own district', async () => {
    const res = await t.as(dhAdmin, { method: 'POST', url: '/api/regions/420100-DH/move', payload: { newParentCode: '420100' } });
    expect(res.statusCode).toBe(404); // the new parent, 武汉市, is outside its scope
    const self = await t.as(dhAdmin, { method: 'POST', url: '/api/regions/420100-DH-01/move', payload: { newParentCode: '420100-DH' } });
    expect(self.statusCode).toBe(200); // already there: no change
    expect((await regionByCode('420100-DH')).path).toBe('/420000/420100/420100-DH/');
  });
});

describe('org-unit writes', () => {
  it('the province admin creates an org unit: 201, listed, with its audit row', async () => {
    const created = expectStatus(
      await t.as(admin, {
        method: 'POST',
        url: '/api/org-units',
        payload: { regionCode: '420100-DH-02', type: 'street_office', name: '磨山街道综合执法中心', shortName: '磨山执法', hotline: '027-59900099', contactName: '陆川', contactPhone: '13900000099' },
      }),
      201,
    );
    expect(created).toMatchObject({ regionCode: '420100-DH-02', regionName: '磨山街道', type: 'street_office', name: '磨山街道综合执法中心', hotline: '027-59900099', active: true });
    const listed = expectStatus(await t.as(admin, { method: 'GET', url: '/api/org-units?region=420100-DH-02&exact=true&pageSize=100' }), 200);
    expect(listed.items.map((u: { id: string }) => u.id)).toContain(created.id);
    const audits = await auditsOf('org_unit.create', created.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorName: 'admin', entityType: 'org_unit', regionId: (await regionByCode('420100-DH-02')).id });
    expect(audits[0].after).toMatchObject({ id: created.id, name: '磨山街道综合执法中心', hotline: '027-59900099', contactPhone: '13900000099' });
    expect(audits[0].before).toBeNull();
  });

  it('the district admin adds and renames a unit inside 东湖, audited', async () => {
    const created = expectStatus(
      await t.as(dhAdmin, { method: 'POST', url: '/api/org-units', payload: { regionCode: '420100-DH-01-01', type: 'community_committee', name: '听涛二社区居民委员会', hotline: '027-59900042' } }),
      201,
    );
    expect(created).toMatchObject({ regionCode: '420100-DH-01-01', name: '听涛二社区居民委员会' });
    const renamed = expectStatus(await t.as(dhAdmin, { method: 'PATCH', url: `/api/org-units/${created.id}`, payload: { name: '听涛第二社区居委会', responsibleLeader: '郭明' } }), 200);
    expect(renamed).toMatchObject({ name: '听涛第二社区居委会', responsibleLeader: '郭明' });
    const [create] = await auditsOf('org_unit.create', created.id);
    expect(create.actorName).toBe('dh-sysadmin');
    const [update] = await auditsOf('org_unit.update', created.id);
    expect(update).toMatchObject({ actorName: 'dh-sysadmin' });
    expect(update.before).toMatchObject({ name: '听涛二社区居民委员会', responsibleLeader: null });
    expect(update.after).toMatchObject({ name: '听涛第二社区居委会', responsibleLeader: '郭明' });
  });

  it('answers 404 for 洪山区 units and regions, changes nothing and audits nothing', async () => {
    const hsHousing = await unitNamed('洪山区住房和城市更新局');
    const dhMarket = await unitNamed('东湖风景区市场监督管理局');
    const countBefore = (await t.db.select({ id: orgUnits.id }).from(orgUnits)).length;
    const auditsBefore = await dhAudits();

    const attempts = [
      { method: 'POST' as const, url: '/api/org-units', payload: { regionCode: '420111', type: 'housing', name: '越权单位' } },
      { method: 'POST' as const, url: '/api/org-units', payload: { regionCode: '420111002', type: 'street_office', name: '越权街道办' } },
      { method: 'PATCH' as const, url: `/api/org-units/${hsHousing.id}`, payload: { name: '改名单位', hotline: '027-11111111' } },
      { method: 'PATCH' as const, url: `/api/org-units/${dhMarket.id}`, payload: { regionCode: '420111' } },
    ];
    for (const a of attempts) {
      const res = await t.as(dhAdmin, a);
      expect(res.statusCode, `${a.method} ${a.url} ${JSON.stringify(a.payload)}`).toBe(404);
    }
    expect((await t.as(dhAdmin, { method: 'GET', url: `/api/org-units/${hsHousing.id}` })).statusCode).toBe(404);

    expect(await unitNamed('洪山区住房和城市更新局')).toEqual(hsHousing);
    expect(await unitNamed('东湖风景区市场监督管理局')).toEqual(dhMarket);
    expect((await t.db.select({ id: orgUnits.id }).from(orgUnits)).length).toBe(countBefore);
    expect(await dhAudits()).toBe(auditsBefore);
  });
});

describe('user writes', () => {
  it('creates and edits a user inside 东湖, audited', async () => {
    const market = await unitNamed('东湖风景区市场监督管理局');
    const created = expectStatus(
      await t.as(dhAdmin, { method: 'POST', url: '/api/users', payload: { username: 'dh-new-officer', displayName: '东湖新经办', roles: ['dept_officer'], orgUnitId: market.id } }),
      201,
    );
    expect(created.user).toMatchObject({ regionCode: '420100-DH', orgUnitName: '东湖风景区市场监督管理局', mustChangePassword: true });
    expect(created.initialPassword).toEqual(expect.any(String));
    const id = created.user.id;
    const edited = expectStatus(await t.as(dhAdmin, { method: 'PATCH', url: `/api/users/${id}`, payload: { displayName: '东湖经办人', phone: '13900000077' } }), 200);
    expect(edited).toMatchObject({ displayName: '东湖经办人', phone: '13900000077' });

    const [create] = await auditsOf('user.create', id);
    expect(create).toMatchObject({ actorName: 'dh-sysadmin', regionId: (await regionByCode('420100-DH')).id });
    expect(JSON.stringify(create.after)).not.toMatch(/argon2|passwordHash/);
    const [update] = await auditsOf('user.update', id);
    expect(update.before).toMatchObject({ displayName: '东湖新经办' });
    expect(update.after).toMatchObject({ displayName: '东湖经办人' });
    // The new officer can sign in with the temporary password.
    await t.login('dh-new-officer', created.initialPassword);
  });

  it('answers 404 for 洪山区 users and the province admin: no edit, reset or unlock', async () => {
    const other = await userNamed('other-district-housing');
    const province = await userNamed('admin');
    const auditsBefore = await dhAudits();
    for (const target of [other, province]) {
      const attempts = [
        { method: 'GET' as const, url: `/api/users/${target.id}` },
        { method: 'PATCH' as const, url: `/api/users/${target.id}`, payload: { displayName: '被改名', disabled: true } },
        { method: 'POST' as const, url: `/api/users/${target.id}/reset-password` },
        { method: 'POST' as const, url: `/api/users/${target.id}/unlock` },
      ];
      for (const a of attempts) expect((await t.as(dhAdmin, a)).statusCode, `${a.method} ${a.url}`).toBe(404);
    }
    expect(await userNamed('other-district-housing')).toEqual(other);
    expect(await userNamed('admin')).toEqual(province);
    await t.login('other-district-housing'); // password not reset, account not disabled
    expect(await dhAudits()).toBe(auditsBefore);
  });

  it('cannot place a user in 洪山区, nor move a 东湖 user there (the same answer as for an unknown region)', async () => {
    const hsHousing = await unitNamed('洪山区住房和城市更新局');
    const auditsBefore = await dhAudits();
    const inHongshan = await t.as(dhAdmin, { method: 'POST', url: '/api/users', payload: { username: 'hs-intruder', displayName: 'x', roles: ['admin'], regionCode: '420111' } });
    const unknown = await t.as(dhAdmin, { method: 'POST', url: '/api/users', payload: { username: 'hs-intruder', displayName: 'x', roles: ['admin'], regionCode: '999999-XX' } });
    expect(inHongshan.statusCode).toBe(422);
    expect(inHongshan.json().error.details).toEqual(unknown.json().error.details);
    expect(inHongshan.json().error.details.fields).toEqual({ regionCode: '区划不存在或不在您的管辖范围内' });
    const inHsUnit = await t.as(dhAdmin, { method: 'POST', url: '/api/users', payload: { username: 'hs-intruder', displayName: 'x', roles: ['dept_officer'], orgUnitId: hsHousing.id } });
    expect(inHsUnit.statusCode).toBe(422);
    expect(inHsUnit.json().error.details.fields).toEqual({ orgUnitId: '单位不存在或不在您的管辖范围内' });
    expect(await userNamed('hs-intruder')).toBeUndefined();

    const mine = await userNamed('district-market');
    const moveRegion = await t.as(dhAdmin, { method: 'PATCH', url: `/api/users/${mine.id}`, payload: { regionCode: '420111', orgUnitId: null, roles: ['admin'] } });
    expect(moveRegion.statusCode).toBe(422);
    expect(moveRegion.json().error.details.fields.regionCode).toBe('区划不存在或不在您的管辖范围内');
    const moveUnit = await t.as(dhAdmin, { method: 'PATCH', url: `/api/users/${mine.id}`, payload: { orgUnitId: hsHousing.id } });
    expect(moveUnit.statusCode).toBe(422);
    expect(await userNamed('district-market')).toEqual(mine);
    expect(await dhAudits()).toBe(auditsBefore);
  });
});
