import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateUscc } from '../../core/uscc.js';
import { auditLog, enterprises, users } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
let eastLake: string; // district-housing (东湖风景区), coordinator + officer: may confirm checksums
let hongshan: string; // other-district-housing (洪山区)
let market: string; // district-market (东湖), officer without enterprise:confirm_checksum
let city: string; // city-coordinator (武汉市)
let company: string; // enterprise-user (武汉听涛物业服务有限公司)
let seq = 0;
const rand = () => {
  seq = (seq * 16807 + 7) % 2147483647;
  return seq / 2147483647;
};

beforeAll(async () => {
  t = await createTestContext();
  [eastLake, hongshan, market, city, company] = await Promise.all(
    ['district-housing', 'other-district-housing', 'district-market', 'city-coordinator', 'enterprise-user'].map((u) => t.login(u)),
  );
});
afterAll(() => t.close());

const create = (cookie: string, payload: Record<string, unknown>) => t.as(cookie, { method: 'POST', url: '/api/enterprises', payload });

describe('registering an enterprise', () => {
  it('refuses an invalid credit code with a field error that says what is wrong, and writes nothing', async () => {
    const before = (await t.db.select().from(enterprises)).length;
    const res = await create(eastLake, { creditCode: '91420100MA4K7QX8O1', name: '武汉测试物业服务有限公司', regionCode: '420100-DH' });
    const body = expectStatus(res, 422);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.fields.creditCode).toMatch(/18 位|「O」/);
    const typo = expectStatus(await create(eastLake, { creditCode: '91350200MA2YJ1XR8G', name: '武汉测试物业服务有限公司', regionCode: '420100-DH' }), 422);
    expect(typo.error.details.fields.creditCode).toContain('校验位不正确');
    expect(typo.error.details.fields.creditCode).toMatch(/应为 [0-9A-Z]/);
    expect((await t.db.select().from(enterprises)).length).toBe(before);
  });

  it('names every invalid field at once', async () => {
    const res = await create(eastLake, { creditCode: generateUscc('420100', rand), name: 'x', regionCode: '420100-DH', contactPhone: '12ab' });
    const fields = expectStatus(res, 422).error.details.fields;
    expect(Object.keys(fields).sort()).toEqual(['contactPhone', 'name']);
  });

  it('accepts a code failing only the checksum when a permitted user confirms it, recording who and when', async () => {
    const code = '91350203M0001QAY9B';
    const payload = { creditCode: code, name: '厦门某物业服务有限公司武汉分公司', regionCode: '420100-DH' };
    const unconfirmed = expectStatus(await create(eastLake, payload), 422);
    expect(unconfirmed.error.details.creditCodeCheck).toMatchObject({ checksumOnly: true, canConfirm: true });

    const notAllowed = await create(market, { ...payload, confirmChecksum: true });
    expect(notAllowed.statusCode).toBe(403);

    const created = expectStatus(await create(eastLake, { ...payload, confirmChecksum: true }), 201);
    expect(created.creditCode).toBe(code);
    expect(created.checksumConfirmation).toMatchObject({ by: '吴嘉禾' });
    const [row] = await t.db.select().from(enterprises).where(eq(enterprises.id, created.id));
    const [confirmer] = await t.db.select().from(users).where(eq(users.username, 'district-housing'));
    expect(row.creditCodeChecksumConfirmedBy).toBe(confirmer.id);
    expect(row.creditCodeChecksumConfirmedAt).toBeInstanceOf(Date);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['enterprise.confirm_checksum', 'enterprise.create']);
    expect(audits.find((a) => a.action === 'enterprise.confirm_checksum')?.actorId).toBe(confirmer.id);
  });

  it('refuses a second registration of the same code (after normalising case and spaces) with 409', async () => {
    const code = generateUscc('420100', rand);
    expectStatus(await create(eastLake, { creditCode: code, name: '武汉重复测试物业有限公司', regionCode: '420100-DH' }), 201);
    const dup = await create(eastLake, { creditCode: ` ${code.toLowerCase()} `, name: '另一个名字物业有限公司', regionCode: '420100-DH-01' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.fields.creditCode).toContain('已登记');
  });

  it('refuses a registered region outside the caller’s jurisdiction as a field error', async () => {
    const res = await create(eastLake, { creditCode: generateUscc('420111', rand), name: '武汉越界物业有限公司', regionCode: '420111' });
    expect(expectStatus(res, 422).error.details.fields.regionCode).toContain('管辖范围');
  });
});

describe('enterprise jurisdiction', () => {
  let eastLakeCompany: string;
  beforeAll(async () => {
    eastLakeCompany = expectStatus(
      await create(eastLake, { creditCode: generateUscc('420100', rand), name: '武汉湖畔辖区测试物业有限公司', regionCode: '420100-DH-01', contactPhone: '027-87654321' }),
      201,
    ).id;
  });

  it('answers 404 to another district for reads and writes, and leaves it out of their lists', async () => {
    expect((await t.as(hongshan, { method: 'GET', url: `/api/enterprises/${eastLakeCompany}` })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'PATCH', url: `/api/enterprises/${eastLakeCompany}`, payload: { name: '被改名物业有限公司' } })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'GET', url: `/api/enterprises/${eastLakeCompany}/projects` })).statusCode).toBe(404);
    const theirs = expectStatus(await t.as(hongshan, { method: 'GET', url: '/api/enterprises?q=湖畔辖区测试' }), 200);
    expect(theirs.total).toBe(0);
    const mine = expectStatus(await t.as(eastLake, { method: 'GET', url: '/api/enterprises?q=湖畔辖区测试' }), 200);
    expect(mine.items.map((e: { id: string }) => e.id)).toEqual([eastLakeCompany]);
    const [row] = await t.db.select().from(enterprises).where(eq(enterprises.id, eastLakeCompany));
    expect(row.name).toBe('武汉湖畔辖区测试物业有限公司');
  });

  it('shows a company registered elsewhere to the district where it manages a project, read-only', async () => {
    const hs = expectStatus(await create(hongshan, { creditCode: generateUscc('420111', rand), name: '武汉跨区服务测试物业有限公司', regionCode: '420111' }), 201);
    expect((await t.as(eastLake, { method: 'GET', url: `/api/enterprises/${hs.id}` })).statusCode).toBe(404);
    expectStatus(
      await t.as(eastLake, { method: 'POST', url: '/api/projects', payload: { name: '跨区测试小区', address: '听涛路 1 号', regionCode: '420100-DH-01-01', enterpriseId: hs.id } }),
      201,
    );
    const seen = expectStatus(await t.as(eastLake, { method: 'GET', url: `/api/enterprises/${hs.id}` }), 200);
    expect(seen).toMatchObject({ editable: false, projectCount: 1 });
    const patch = await t.as(eastLake, { method: 'PATCH', url: `/api/enterprises/${hs.id}`, payload: { contactName: '某人' } });
    expect(patch.statusCode).toBe(403);
    // Its home district sees the count of projects in *its own* jurisdiction only.
    expect(expectStatus(await t.as(hongshan, { method: 'GET', url: `/api/enterprises/${hs.id}` }), 200)).toMatchObject({ editable: true, projectCount: 0 });
  });

  it('lets the registering district change the record, audited with before and after', async () => {
    const updated = expectStatus(
      await t.as(eastLake, { method: 'PATCH', url: `/api/enterprises/${eastLakeCompany}`, payload: { status: 'suspended', contactPhone: '' } }),
      200,
    );
    expect(updated).toMatchObject({ status: 'suspended', contactPhone: null });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, eastLakeCompany), eq(auditLog.action, 'enterprise.update')));
    expect(audit.before).toMatchObject({ status: 'active', contactPhone: '027-87654321' });
    expect(audit.after).toMatchObject({ status: 'suspended', contactPhone: null });
  });

  it('shows an enterprise user only their own company and its projects', async () => {
    const list = expectStatus(await t.as(company, { method: 'GET', url: '/api/enterprises' }), 200);
    expect(list.total).toBe(1);
    expect(list.items[0].name).toBe('武汉听涛物业服务有限公司');
    const own = list.items[0].id;
    expect((await t.as(company, { method: 'GET', url: `/api/enterprises/${eastLakeCompany}` })).statusCode).toBe(404);
    const projects = expectStatus(await t.as(company, { method: 'GET', url: '/api/projects?pageSize=200' }), 200);
    expect(projects.total).toBeGreaterThan(0);
    expect(projects.items.every((p: { enterpriseId: string }) => p.enterpriseId === own)).toBe(true);
    const detail = expectStatus(await t.as(company, { method: 'GET', url: `/api/enterprises/${own}` }), 200);
    expect(detail.projectCount).toBe(projects.total);
    const other = expectStatus(await t.as(eastLake, { method: 'GET', url: `/api/projects?enterpriseId=none&pageSize=1` }), 200).items[0];
    expect((await t.as(company, { method: 'GET', url: `/api/projects/${other.id}` })).statusCode).toBe(404);
    expect((await create(company, { creditCode: generateUscc('420100', rand), name: '企业用户自建物业有限公司', regionCode: '420100-DH' })).statusCode).toBe(403);
  });
});

describe('enterprise list', () => {
  it('filters by registered region (with its subtree), status and name, paginating in SQL', async () => {
    const hs = expectStatus(await t.as(city, { method: 'GET', url: '/api/enterprises?region=420111&pageSize=200' }), 200);
    expect(hs.total).toBeGreaterThan(5);
    expect(hs.items.every((e: { regionCode: string }) => e.regionCode.startsWith('420111'))).toBe(true);
    const all = expectStatus(await t.as(city, { method: 'GET', url: '/api/enterprises?pageSize=200' }), 200);
    expect(all.total).toBeGreaterThan(hs.total);

    const p1 = expectStatus(await t.as(city, { method: 'GET', url: '/api/enterprises?pageSize=7&page=1' }), 200);
    const p2 = expectStatus(await t.as(city, { method: 'GET', url: '/api/enterprises?pageSize=7&page=2' }), 200);
    expect(p1.items).toHaveLength(7);
    expect(p2.total).toBe(all.total);
    const ids1 = new Set(p1.items.map((e: { id: string }) => e.id));
    expect(p2.items.some((e: { id: string }) => ids1.has(e.id))).toBe(false);
    expect(p2.items.map((e: { id: string }) => e.id)).toEqual(all.items.slice(7, 14).map((e: { id: string }) => e.id));

    const suspended = expectStatus(await t.as(city, { method: 'GET', url: '/api/enterprises?status=suspended&pageSize=200' }), 200);
    expect(suspended.items.every((e: { status: string }) => e.status === 'suspended')).toBe(true);
    const byName = expectStatus(await t.as(city, { method: 'GET', url: `/api/enterprises?q=${encodeURIComponent('听涛物业')}` }), 200);
    expect(byName.items.map((e: { name: string }) => e.name)).toContain('武汉听涛物业服务有限公司');
    const byCode = expectStatus(await t.as(city, { method: 'GET', url: `/api/enterprises?q=${byName.items[0].creditCode.slice(0, 12).toLowerCase()}` }), 200);
    expect(byCode.items[0].id).toBe(byName.items[0].id);
  });

  it('returns nothing for a region filter outside the caller’s jurisdiction rather than widening it', async () => {
    const res = expectStatus(await t.as(eastLake, { method: 'GET', url: '/api/enterprises?region=420111' }), 200);
    expect(res.total).toBe(0);
  });

  it('counts an enterprise’s projects and disclosed projects consistently with the project list', async () => {
    const [demo] = expectStatus(await t.as(eastLake, { method: 'GET', url: `/api/enterprises?q=${encodeURIComponent('听涛物业')}` }), 200).items;
    const projects = expectStatus(await t.as(eastLake, { method: 'GET', url: `/api/enterprises/${demo.id}/projects?pageSize=200` }), 200);
    const disclosed = expectStatus(await t.as(eastLake, { method: 'GET', url: `/api/projects?enterpriseId=${demo.id}&disclosed=true&pageSize=200` }), 200);
    expect(demo.projectCount).toBe(projects.total);
    expect(demo.fullyDisclosedProjectCount).toBe(disclosed.total);
    expect(disclosed.items.every((p: { fullyDisclosedSince: string | null }) => p.fullyDisclosedSince !== null)).toBe(true);
  });
});
