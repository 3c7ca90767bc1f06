import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, legalProvisions } from '../../server/db/schema/index.js';
import { provisionsInForce } from '../../server/modules/legal/legal.service.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
let admin: string;
let housing: string;
let ids: Record<string, number>;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('admin');
  housing = await t.login('district-housing');
  const rows = await t.db.select({ id: legalProvisions.id, key: legalProvisions.key }).from(legalProvisions);
  ids = Object.fromEntries(rows.map((r) => [r.key, r.id]));
});
afterAll(() => t.close());

const list = (cookie: string, query: string) => t.as(cookie, { method: 'GET', url: `/api/legal-provisions?pageSize=200&${query}` });

describe('legal provision library seeded from domain-facts', () => {
  it('is reference data with the confidence tags of the source', async () => {
    const body = expectStatus(await list(housing, ''), 200);
    expect(body.total).toBeGreaterThanOrEqual(45);
    const byKey = Object.fromEntries(body.items.map((p: { key: string }) => [p.key, p]));
    expect(byKey['wygl-63']).toMatchObject({
      citation: '《物业管理条例》第63条第1款第（三）项',
      penaltyMin: 50000,
      penaltyMax: 200000,
      enforcingDepartmentType: 'housing',
      confidence: '✅',
      focusCategories: [2],
    });
    expect(byKey['hubei-67-1']).toMatchObject({ confidence: '◐', actRegionCode: '420000', penaltyMin: 10000, penaltyMax: 50000 });
    expect(byKey['civil-code-949'].confidence).toBe('❓');
    expect(byKey['electricity-66'].penaltyRange).toMatch(/5倍以下/);
  });

  it('filters by focus category and enforcing department', async () => {
    const market6 = expectStatus(await list(housing, 'category=6&department=market'), 200);
    expect(market6.total).toBeGreaterThan(3);
    expect(market6.items.every((p: { focusCategories: number[]; enforcingDepartmentType: string }) => p.focusCategories.includes(6) && p.enforcingDepartmentType === 'market')).toBe(true);
    const police = expectStatus(await list(housing, 'department=police'), 200);
    expect(police.items.map((p: { actShortName: string }) => p.actShortName)).toContain('治安管理处罚法');
  });

  it('offers the 2012 text of 治安管理处罚法 for 2025 and the 2025 revision from 2026-01-01', async () => {
    const before = expectStatus(await list(housing, 'inForceOn=2025-12-31&q=治安管理处罚法'), 200);
    expect(before.items.map((p: { article: string }) => p.article).sort()).toEqual(['第42条', '第43条']);
    const after = expectStatus(await list(housing, 'inForceOn=2026-01-01&q=治安管理处罚法'), 200);
    expect(after.items.map((p: { article: string }) => p.article).sort()).toEqual(['第50条第1款', '第59条']);
  });

  it('follows the version chain to the article in force on the date of the act', async () => {
    const old = ids['public-security-2012-42'];
    const revised = ids['public-security-2025-50-1'];
    expect((await provisionsInForce(t.db, [old], '2026-03-01')).map((p) => p.id)).toEqual([revised]);
    expect((await provisionsInForce(t.db, [revised], '2021-10-15')).map((p) => p.id)).toEqual([old]);
    expect((await provisionsInForce(t.db, [old, revised, ids['pipl-66-1']], '2021-10-15')).map((p) => p.id)).toEqual([old]);
    const body = expectStatus(await t.as(housing, { method: 'GET', url: `/api/legal-provisions/in-force?ids=${old},${ids['pipl-66-1']}&date=2026-06-01` }), 200);
    expect(body.items.map((p: { citation: string }) => p.citation)).toEqual(['《治安管理处罚法》第50条第1款', '《个人信息保护法》第66条第1款']);
  });

  it('shows a provision with every version of the article', async () => {
    const body = expectStatus(await t.as(housing, { method: 'GET', url: `/api/legal-provisions/${ids['public-security-2025-50-1']}` }), 200);
    expect(body.supersedesId).toBe(ids['public-security-2012-42']);
    expect(body.versions.map((v: { versionLabel: string; effectiveTo: string | null }) => [v.versionLabel, v.effectiveTo])).toEqual([
      ['2012年修正', '2025-12-31'],
      ['2025年修订', null],
    ]);
    expect((await t.as(housing, { method: 'GET', url: '/api/legal-provisions/999999' })).statusCode).toBe(404);
  });

  it('is not open to enterprise users or anonymous callers', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/legal-provisions' })).statusCode).toBe(401);
    const auditor = await t.login('auditor');
    expect((await list(auditor, '')).statusCode).toBe(403);
  });
});

describe('admins maintain the library', () => {
  it('refuses staff without reference:manage', async () => {
    const res = await t.as(housing, { method: 'PATCH', url: `/api/legal-provisions/${ids['wygl-45']}`, payload: { confidence: '✅' } });
    expect(res.statusCode).toBe(403);
  });

  it('validates a new provision field by field', async () => {
    const res = await t.as(admin, {
      method: 'POST',
      url: '/api/legal-provisions',
      payload: { actId: 999999, article: '', summary: '短', effectiveFrom: '2026-01-01', effectiveTo: '2025-01-01', confidence: '?', penaltyMin: 100, penaltyMax: 10 },
    });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.details.fields).sort()).toEqual(['article', 'confidence', 'summary']);
    const semantic = await t.as(admin, {
      method: 'POST',
      url: '/api/legal-provisions',
      payload: { actId: 999999, article: '第1条', summary: '一个测试条款的要旨', effectiveFrom: '2026-01-01', effectiveTo: '2025-01-01', confidence: '❓', penaltyMin: 100, penaltyMax: 10 },
    });
    expect(semantic.statusCode).toBe(422);
    expect(Object.keys(semantic.json().error.details.fields).sort()).toEqual(['actId', 'effectiveTo', 'penaltyMax']);
  });

  it('adds a new version that ends the old one the day before, all audited', async () => {
    const [old] = await t.db.select().from(legalProvisions).where(eq(legalProvisions.id, ids['wygl-58']));
    const created = expectStatus(
      await t.as(admin, {
        method: 'POST',
        url: '/api/legal-provisions',
        payload: {
          actId: old.actId,
          article: '第58条',
          versionLabel: '测试修订',
          summary: '不移交有关资料的，责令限期改正（测试用新版本）。',
          penaltyMin: 20000,
          penaltyMax: 100000,
          enforcingDepartmentType: 'housing',
          effectiveFrom: '2027-01-01',
          supersedesId: old.id,
          confidence: '❓',
          focusCategories: [4],
        },
      }),
      201,
    );
    expect(created.versions.map((v: { id: number }) => v.id)).toEqual([old.id, created.id]);
    const [closed] = await t.db.select().from(legalProvisions).where(eq(legalProvisions.id, old.id));
    expect(closed.effectiveTo).toBe('2026-12-31');
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'legal_provision')));
    expect(audits.map((a) => `${a.action}:${a.entityId}`).sort()).toEqual([`legal_provision.create:${created.id}`, `legal_provision.update:${old.id}`].sort());
    const patched = expectStatus(await t.as(admin, { method: 'PATCH', url: `/api/legal-provisions/${created.id}`, payload: { confidence: '◐', note: '已核对部分' } }), 200);
    expect(patched).toMatchObject({ confidence: '◐', note: '已核对部分', penaltyMin: 20000 });
  });

  it('adds a local act that applies only in its region', async () => {
    const act = expectStatus(
      await t.as(admin, { method: 'POST', url: '/api/legal-acts', payload: { title: '武汉市物业管理测试办法', shortName: '武汉测试办法', issuer: '武汉市人民政府', level: 'local_rule', regionCode: '420100' } }),
      201,
    );
    expectStatus(
      await t.as(admin, {
        method: 'POST',
        url: '/api/legal-provisions',
        payload: { actId: act.id, article: '第1条', summary: '仅在武汉市适用的测试条款。', effectiveFrom: '2020-01-01', confidence: '❓', focusCategories: [1] },
      }),
      201,
    );
    const inEastLake = expectStatus(await list(housing, 'category=1&applicableIn=420100-DH'), 200);
    expect(inEastLake.items.map((p: { actShortName: string }) => p.actShortName)).toContain('武汉测试办法');
    const inYichang = expectStatus(await list(housing, 'category=1&applicableIn=420500'), 200);
    expect(inYichang.items.map((p: { actShortName: string }) => p.actShortName)).not.toContain('武汉测试办法');
    expect(inYichang.items.map((p: { actShortName: string }) => p.actShortName)).toContain('湖北条例');
    const dup = await t.as(admin, { method: 'POST', url: '/api/legal-acts', payload: { title: '武汉市物业管理测试办法', shortName: 'x2', issuer: '武汉市人民政府', level: 'local_rule' } });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.details.fields.title).toBe('同名法规已存在');
  });
});

describe('reference seeding on an existing database', () => {
  it('inserts nothing twice and keeps an admin’s edits', async () => {
    const { seedDatabase } = await import('../../server/seed.js');
    const before = await t.db.select().from(legalProvisions);
    const edited = before.find((p) => p.key === 'wygl-63');
    await t.db.update(legalProvisions).set({ note: '管理员已核对' }).where(eq(legalProvisions.id, edited?.id as number));
    expect(await seedDatabase(t.db, t.env, t.cipher)).toBe(false);
    const after = await t.db.select().from(legalProvisions);
    expect(after).toHaveLength(before.length);
    expect(after.find((p) => p.key === 'wygl-63')?.note).toBe('管理员已核对');
  });
});
