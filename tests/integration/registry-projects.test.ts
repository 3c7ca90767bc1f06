import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCLOSURE_ITEMS } from '../../core/registry.js';
import { generateUscc } from '../../core/uscc.js';
import { auditLog, projects } from '../../server/db/schema/index.js';
import { chinaDate } from '../../core/working-days.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';
import { PNG_1PX, multipart } from '../helpers/xlsx-upload.js';

let t: TestContext;
let dataDir: string;
let eastLake: string;
let hongshan: string;
let inspector: string;
let company: string;
let companyId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wy-reg-'));
  t = await createTestContext({ DATA_DIR: dataDir });
  [eastLake, hongshan, inspector, company] = await Promise.all(['district-housing', 'other-district-housing', 'inspector-1', 'enterprise-user'].map((u) => t.login(u)));
  companyId = expectStatus(await t.as(company, { method: 'GET', url: '/api/enterprises' }), 200).items[0].id;
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const newProject = async (payload: Record<string, unknown>) =>
  expectStatus(await t.as(eastLake, { method: 'POST', url: '/api/projects', payload: { address: '听涛路 8 号', regionCode: '420100-DH-01-01', ...payload } }), 201);

describe('projects', () => {
  it('registers a project with its managing company and answers 404 to another district for reads and writes', async () => {
    const p = await newProject({ name: '项目辖区测试小区', enterpriseId: companyId, households: 420, buildingArea: 38000.5, lat: 30.55, lng: 114.41, hasOwnersCommittee: true });
    expect(p).toMatchObject({ regionCode: '420100-DH-01-01', enterpriseName: '武汉听涛物业服务有限公司', households: 420, buildingArea: 38000.5, hasOwnersCommittee: true, fullyDisclosedSince: null });
    expect(p.disclosures).toHaveLength(DISCLOSURE_ITEMS.length);
    expect(p.disclosures.every((d: { status: string }) => d.status === 'missing')).toBe(true);

    expect((await t.as(hongshan, { method: 'GET', url: `/api/projects/${p.id}` })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'PATCH', url: `/api/projects/${p.id}`, payload: { households: 1 } })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'GET', url: `/api/projects/${p.id}/disclosures` })).statusCode).toBe(404);
    expect(
      (await t.as(hongshan, { method: 'PUT', url: `/api/projects/${p.id}/disclosures/complaint_phone`, payload: { status: 'posted' } })).statusCode,
    ).toBe(404);
    const [row] = await t.db.select().from(projects).where(eq(projects.id, p.id));
    expect(row.households).toBe(420);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'project.create')));
    expect(audit).toHaveLength(1);
  });

  it('validates references and names with field errors', async () => {
    const outside = await t.as(eastLake, { method: 'POST', url: '/api/projects', payload: { name: '越界小区', address: '某路', regionCode: '420111002-01' } });
    expect(expectStatus(outside, 422).error.details.fields.regionCode).toContain('管辖范围');
    const noCompany = await t.as(eastLake, {
      method: 'POST',
      url: '/api/projects',
      payload: { name: '无此企业小区', address: '某路', regionCode: '420100-DH-01', enterpriseId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(expectStatus(noCompany, 422).error.details.fields.enterpriseId).toContain('不存在');
    const halfCoords = await t.as(eastLake, { method: 'POST', url: '/api/projects', payload: { name: '坐标小区', address: '某路', regionCode: '420100-DH-01', lat: 30.5 } });
    expect(expectStatus(halfCoords, 422).error.details.fields.lng).toContain('同时');
    const city = await t.login('city-coordinator');
    const cityLevel = await t.as(city, { method: 'POST', url: '/api/projects', payload: { name: '市级小区', address: '某路', regionCode: '420100' } });
    expect(expectStatus(cityLevel, 422).error.details.fields.regionCode).toContain('区县');
    await newProject({ name: '同名测试小区' });
    const dup = await t.as(eastLake, { method: 'POST', url: '/api/projects', payload: { name: '同名测试小区', address: '另一地址', regionCode: '420100-DH-01-01' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.fields.name).toContain('同名');
  });

  it('filters the list by region subtree, managing company, disclosure and name', async () => {
    const sub = expectStatus(await t.as(eastLake, { method: 'GET', url: '/api/projects?region=420100-DH-02&pageSize=200' }), 200);
    expect(sub.total).toBeGreaterThan(0);
    expect(sub.items.every((p: { regionCode: string }) => p.regionCode.startsWith('420100-DH-02'))).toBe(true);
    const all = expectStatus(await t.as(eastLake, { method: 'GET', url: '/api/projects?pageSize=1' }), 200);
    const unmanaged = expectStatus(await t.as(eastLake, { method: 'GET', url: '/api/projects?enterpriseId=none&pageSize=200' }), 200);
    expect(unmanaged.total).toBeGreaterThan(0);
    expect(unmanaged.items.every((p: { enterpriseId: string | null }) => p.enterpriseId === null)).toBe(true);
    const disclosed = expectStatus(await t.as(eastLake, { method: 'GET', url: '/api/projects?disclosed=true&pageSize=1' }), 200);
    const notDisclosed = expectStatus(await t.as(eastLake, { method: 'GET', url: '/api/projects?disclosed=false&pageSize=1' }), 200);
    expect(disclosed.total).toBeGreaterThan(0);
    expect(notDisclosed.total).toBeGreaterThan(0);
    expect(disclosed.total + notDisclosed.total).toBe(all.total);
    const theirs = expectStatus(await t.as(hongshan, { method: 'GET', url: '/api/projects?region=420100-DH&pageSize=1' }), 200);
    expect(theirs.total).toBe(0);
    const byName = expectStatus(await t.as(eastLake, { method: 'GET', url: `/api/projects?q=${encodeURIComponent('项目辖区测试')}` }), 200);
    expect(byName.items.map((p: { name: string }) => p.name)).toEqual(['项目辖区测试小区']);
  });
});

describe('fee disclosure', () => {
  const put = (cookie: string, id: string, item: string, payload: Record<string, unknown>) =>
    t.as(cookie, { method: 'PUT', url: `/api/projects/${id}/disclosures/${item}`, payload });

  it('derives "fully disclosed since" from the items: the date the last missing item was posted', async () => {
    const p = await newProject({ name: '公示推导测试小区' });
    const dates = ['2025-09-01', '2025-09-03', '2025-09-05', '2025-09-02', '2025-09-10', '2025-09-04'];
    for (const [i, item] of DISCLOSURE_ITEMS.slice(0, 6).entries()) {
      const res = expectStatus(await put(eastLake, p.id, item, { status: 'posted', postedOn: dates[i] }), 200);
      expect(res.fullyDisclosedSince).toBeNull();
    }
    const last = expectStatus(await put(inspector, p.id, DISCLOSURE_ITEMS[6], { status: 'verified', postedOn: '2025-09-08' }), 200);
    expect(last.fullyDisclosedSince).toBe('2025-09-10');
    expect(last.disclosure).toMatchObject({ status: 'verified', verifiedBy: '林海' });
    const listed = expectStatus(await t.as(eastLake, { method: 'GET', url: `/api/projects?disclosed=true&q=${encodeURIComponent('公示推导')}` }), 200);
    expect(listed.items.map((x: { id: string }) => x.id)).toEqual([p.id]);

    // Re-posting an item later (a new phone number) does not move the completion date.
    expect(expectStatus(await put(eastLake, p.id, 'complaint_phone', { status: 'posted', postedOn: '2025-10-20' }), 200).fullyDisclosedSince).toBe('2025-09-10');
    // An item taken down clears it; posting it again restarts from that posting.
    expect(expectStatus(await put(eastLake, p.id, 'public_revenue', { status: 'missing' }), 200).fullyDisclosedSince).toBeNull();
    const [cleared] = await t.db.select().from(projects).where(eq(projects.id, p.id));
    expect(cleared.fullyDisclosedSince).toBeNull();
    expect(expectStatus(await put(eastLake, p.id, 'public_revenue', { status: 'posted', postedOn: '2025-10-25' }), 200).fullyDisclosedSince).toBe('2025-10-25');

    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'project.disclosure.update')));
    expect(audits).toHaveLength(10);
    expect(audits.some((a) => (a.after as { fullyDisclosedSince: string | null }).fullyDisclosedSince === '2025-09-10')).toBe(true);
  });

  it('refuses a posting date in the future', async () => {
    const p = await newProject({ name: '未来日期测试小区' });
    const res = await put(eastLake, p.id, 'service_content', { status: 'posted', postedOn: '2999-01-01' });
    expect(expectStatus(res, 422).error.details.fields.postedOn).toContain('不能晚于今天');
  });

  it('lets the managing company report a posting only with photo evidence, and never verify it', async () => {
    const p = await newProject({ name: '企业公示测试小区', enterpriseId: companyId });
    const early = await put(company, p.id, 'fee_items_standards', { status: 'posted' });
    expect(expectStatus(early, 422).error.details.fields.status).toContain('上传');

    const notImage = multipart([{ name: 'notice.txt', data: Buffer.from('not a photo') }]);
    const rejected = await t.as(company, { method: 'POST', url: `/api/projects/${p.id}/disclosures/fee_items_standards/evidence`, ...notImage });
    expect(expectStatus(rejected, 422).error.details.fields.file).toContain('只能上传');

    const upload = multipart([{ name: '../../收费公示.png', data: PNG_1PX, type: 'text/plain' }]);
    const withEvidence = expectStatus(await t.as(company, { method: 'POST', url: `/api/projects/${p.id}/disclosures/fee_items_standards/evidence`, ...upload }), 201);
    expect(withEvidence.evidence).toHaveLength(1);
    expect(withEvidence.evidence[0]).toMatchObject({ name: '收费公示.png', mime: 'image/png', size: PNG_1PX.length });

    const posted = expectStatus(await put(company, p.id, 'fee_items_standards', { status: 'posted' }), 200);
    expect(posted.disclosure).toMatchObject({ status: 'posted', postedOn: chinaDate() });
    expect((await put(company, p.id, 'fee_items_standards', { status: 'verified' })).statusCode).toBe(403);

    const url = `/api/projects/${p.id}/disclosures/fee_items_standards/evidence/${withEvidence.evidence[0].id}`;
    const file = await t.as(eastLake, { method: 'GET', url });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG_1PX)).toBe(true);
    expect((await t.as(hongshan, { method: 'GET', url })).statusCode).toBe(404);
    // A file id that belongs to another item is not served through this one.
    expect((await t.as(eastLake, { method: 'GET', url: url.replace('fee_items_standards', 'charging_method') })).statusCode).toBe(404);
  });

  it('hides other companies’ projects from an enterprise user, including their disclosures', async () => {
    const p = await newProject({ name: '他人项目测试小区' });
    expect((await t.as(company, { method: 'GET', url: `/api/projects/${p.id}` })).statusCode).toBe(404);
    expect((await put(company, p.id, 'service_content', { status: 'missing' })).statusCode).toBe(404);
  });
});

describe('practitioners', () => {
  it('registers practitioners of a company in the district and hides them from another district', async () => {
    const created = expectStatus(
      await t.as(eastLake, {
        method: 'POST',
        url: '/api/practitioners',
        payload: { enterpriseId: companyId, name: '测试经理', role: 'project_manager', certificateNo: 'WYXM-TEST-1', phone: '13900009999' },
      }),
      201,
    );
    expect(created).toMatchObject({ enterpriseName: '武汉听涛物业服务有限公司', role: 'project_manager', active: true });
    expect((await t.as(hongshan, { method: 'GET', url: `/api/practitioners/${created.id}` })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'PATCH', url: `/api/practitioners/${created.id}`, payload: { active: false } })).statusCode).toBe(404);
    // the region filter narrows to companies registered there or people on a project there
    const inLake = expectStatus(await t.as(eastLake, { method: 'GET', url: '/api/practitioners?region=420100-DH&pageSize=200' }), 200);
    expect(inLake.items.map((p: { id: string }) => p.id)).toContain(created.id);
    const elsewhere = expectStatus(await t.as(eastLake, { method: 'GET', url: '/api/practitioners?region=420100-DH-02&pageSize=200' }), 200);
    expect(elsewhere.total).toBeLessThan(inLake.total);
    const theirs = expectStatus(await t.as(hongshan, { method: 'GET', url: `/api/practitioners?enterpriseId=${companyId}` }), 200);
    expect(theirs.total).toBe(0);
    const left = expectStatus(await t.as(eastLake, { method: 'PATCH', url: `/api/practitioners/${created.id}`, payload: { active: false } }), 200);
    expect(left.active).toBe(false);
    const mine = expectStatus(await t.as(company, { method: 'GET', url: `/api/practitioners?q=${encodeURIComponent('测试经理')}` }), 200);
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([created.id]);
    const hsCompany = expectStatus(
      await t.as(hongshan, { method: 'POST', url: '/api/enterprises', payload: { creditCode: generateUscc('420111', () => 0.37), name: '武汉洪山人员测试物业有限公司', regionCode: '420111' } }),
      201,
    );
    const foreign = await t.as(eastLake, { method: 'POST', url: '/api/practitioners', payload: { enterpriseId: hsCompany.id, name: '越界人员', role: 'other' } });
    expect(expectStatus(foreign, 422).error.details.fields.enterpriseId).toContain('管辖范围');
  });
});
