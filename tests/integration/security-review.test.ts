import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNotNull, like, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { auditLog, complaints, enterprises, files, importJobs, orgUnits, problems, projects, regions, users } from '../../server/db/schema/index.js';
import { uploadPath } from '../../server/lib/files.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';
import { multipart, PNG_1PX, readXlsx, xlsxOf } from '../helpers/xlsx-upload.js';

/*
 * Security and privacy review of complaints / intake / Open311 / problems / opinions /
 * enforcement / credit / cases: the protections verified by the review, and one test per
 * defect it found (D1–D9), kept as regression tests after the fixes.
 */

let t: TestContext;
let dataDir: string;
let coordinator: string; // district-housing (东湖 housing coordinator + officer)
let leader: string; // district-housing-leader
let hongshan: string; // other-district-housing (洪山)
let company: string; // enterprise-user (武汉听涛物业服务有限公司)
let inspector: string; // inspector-1
let tingtaoId: string;
let tingtaoProject: { id: string; name: string };
let otherCompanyProject: { id: string; enterpriseId: string };
let hongshanProject: { id: string; enterpriseId: string | null };
let housingUnit: string;
let eastLakeCode: string;
let ipSeq = 1;
const nextIp = () => `10.77.${Math.floor(ipSeq / 250)}.${(ipSeq++ % 250) + 1}`;

const STAFF_NAMES = ['吴嘉禾', '冯远山', '郑雨桐', '林海', '孔繁星'];
const GOOD_REPLY =
  '经现场核查，您反映的物业以欠费为由关闭供水阀门的情况属实。我局已责令物业服务企业当日恢复供水，并约谈企业负责人，要求其通过法律途径催缴物业费，不得以停水方式催费。';

function isoDaysFromNow(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wy-secreview-'));
  t = await createTestContext({ DATA_DIR: dataDir });
  [coordinator, leader, hongshan, company, inspector] = await Promise.all(
    ['district-housing', 'district-housing-leader', 'other-district-housing', 'enterprise-user', 'inspector-1'].map((u) => t.login(u)),
  );
  const [ent] = await t.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.name, '武汉听涛物业服务有限公司'));
  tingtaoId = ent.id;
  const inEastLake = like(regions.path, '%/420100-DH/%');
  const [p] = await t.db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(and(inEastLake, eq(projects.enterpriseId, tingtaoId)))
    .limit(1);
  tingtaoProject = p;
  const [o] = await t.db
    .select({ id: projects.id, enterpriseId: projects.enterpriseId })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(and(inEastLake, isNotNull(projects.enterpriseId), ne(projects.enterpriseId, tingtaoId)))
    .limit(1);
  otherCompanyProject = o as { id: string; enterpriseId: string };
  const [h] = await t.db
    .select({ id: projects.id, enterpriseId: projects.enterpriseId })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(sql`${regions.path} NOT LIKE '%/420100-DH/%'`)
    .limit(1);
  hongshanProject = h;
  housingUnit = (await t.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.name, '东湖风景区建设（房管）局')))[0].id;
  const [u] = await t.db.select({ code: regions.code }).from(users).innerJoin(regions, eq(regions.id, users.regionId)).where(eq(users.username, 'district-housing'));
  eastLakeCode = u.code;
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (cookie: string | null, url: string, payload: unknown = {}) => t.as(cookie, { method: 'POST', url, payload: payload as object });
const get = (cookie: string | null, url: string) => t.as(cookie, { method: 'GET', url });
const act = (cookie: string, id: string, action: string, payload: unknown = {}) => post(cookie, `/api/complaints/${id}/${action}`, payload);
const publicComplaint = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/public/complaints', payload, remoteAddress: nextIp() });
const OPEN311_KEY = () => `api_key=${encodeURIComponent(t.env.OPEN311_DEMO_KEY)}`;
const idOfCode = async (code: string) => (await t.db.select({ id: complaints.id }).from(complaints).where(eq(complaints.trackingCode, code)))[0].id;

async function staffLead(overrides: Record<string, unknown> = {}) {
  return expectStatus(
    await post(coordinator, '/api/complaints', {
      channel: 'phone',
      description: '小区从昨天开始停水，物业说我家欠物业费就把水阀关了，到现在还没恢复',
      projectId: tingtaoProject.id,
      ...overrides,
    }),
    201,
  ) as { id: string; trackingCode: string };
}

/** dispatch → sign (coordinator is in the lead unit) → findings. */
async function toFindings(id: string, findings: Record<string, unknown>) {
  expectStatus(await act(coordinator, id, 'dispatch', { leadOrgUnitId: housingUnit }), 200);
  expectStatus(await act(coordinator, id, 'sign', {}), 200);
  return expectStatus(await act(coordinator, id, 'findings', findings), 200);
}

/** All text of the tables where plaintext contact must never appear. */
async function textContaining(needle: string) {
  const rows = await queryRows<{ src: string }>(
    t.db,
    sql`SELECT 'audit_log' AS src FROM audit_log WHERE coalesce(before::text,'') || coalesce(after::text,'') || coalesce(note,'') LIKE ${`%${needle}%`}
        UNION ALL SELECT 'complaint_events' FROM complaint_events WHERE coalesce(note,'') || coalesce(public_note,'') LIKE ${`%${needle}%`}
        UNION ALL SELECT 'hotline_orders' FROM hotline_orders WHERE row_to_json(hotline_orders)::text LIKE ${`%${needle}%`}
        UNION ALL SELECT 'import_jobs' FROM import_jobs WHERE row_to_json(import_jobs)::text LIKE ${`%${needle}%`}
        UNION ALL SELECT 'open311_requests' FROM open311_requests WHERE row_to_json(open311_requests)::text LIKE ${`%${needle}%`}
        UNION ALL SELECT 'complaints' FROM complaints WHERE (row_to_json(complaints)::jsonb - 'contact_name_enc' - 'contact_phone_enc' - 'contact_phone_bidx' - 'description')::text LIKE ${`%${needle}%`}`,
  );
  return rows.map((r) => r.src);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
describe('verified protections', () => {
  it('enterprise users hold no complaint access at all (403 on every complaint route)', async () => {
    const { id } = await staffLead({ contactName: '测试甲', contactPhone: '13900005101' });
    for (const url of ['/api/complaints', `/api/complaints/${id}`, '/api/complaints/hot-spots', '/api/complaints/stats/returns']) {
      expect((await get(company, url)).statusCode, url).toBe(403);
    }
    expect((await post(company, '/api/triage', { text: '物业停水' })).statusCode).toBe(403);
    expect((await post(company, `/api/complaints/${id}/reveal-contact`, { reason: '想知道是谁投诉的我们' })).statusCode).toBe(403);
    expect((await act(company, id, 'sign')).statusCode).toBe(403);
  });

  it('staff see masked contact; reveal needs a reason and is audited; 洪山 gets 404', async () => {
    const { id } = await staffLead({ contactName: '欧阳测试', contactPhone: '13900005102' });
    const res = await get(coordinator, `/api/complaints/${id}`);
    expect(expectStatus(res, 200).contact).toEqual({ name: '欧**试', phone: '139****5102' });
    expect(res.body).not.toContain('13900005102');
    expect((await post(coordinator, `/api/complaints/${id}/reveal-contact`, { reason: '' })).statusCode).toBe(422);
    expect(expectStatus(await post(coordinator, `/api/complaints/${id}/reveal-contact`, { reason: '电话回访核实情况' }), 200).contactPhone).toBe('13900005102');
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'complaint.reveal_contact')));
    expect(audits).toHaveLength(1);
    expect(audits[0].note).toBe('电话回访核实情况');
    expect((await get(hongshan, `/api/complaints/${id}`)).statusCode).toBe(404);
    expect((await post(hongshan, `/api/complaints/${id}/reveal-contact`, { reason: '电话回访核实情况' })).statusCode).toBe(404);
  });

  it('plaintext contact from staff entry, portal, Open311 and a well-formed 12345 import never lands outside the ciphertext columns', async () => {
    await staffLead({ contactName: '明文甲乙', contactPhone: '13900005201' });
    expectStatus(await publicComplaint({ description: '物业不公示收费标准，多次询问都不给看。', contactName: '明文丙丁', contactPhone: '13900005202' }), 201);
    const o311 = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ api_key: t.env.OPEN311_DEMO_KEY, service_code: '1', description: '物业以欠费为由停水两天。', address_string: '武汉市东湖风景区某小区 5 栋', first_name: '戊己', last_name: '明文', phone: '13900005203', email: 'sec-review@example.com' }).toString(),
    });
    expectStatus(o311, 201);
    const book = await xlsxOf([
      ['办件编号', '诉求内容', '诉求人', '诉求人电话', '派发时间'],
      ['SECREV-0001', '物业以欠费为由停水两天，家里有老人。', '明文庚辛', '13900005204', '2026-03-02 10:00'],
    ]);
    const imp = await t.as(coordinator, { method: 'POST', url: '/api/complaints/import?dryRun=false', ...multipart([{ name: 'x.xlsx', data: book }]) });
    expect(expectStatus(imp, 200).created).toBe(1);
    for (const needle of ['13900005201', '明文甲乙', '13900005202', '明文丙丁', '13900005203', '明文戊己', 'sec-review@example.com', '13900005204', '明文庚辛']) {
      expect(await textContaining(needle), needle).toEqual([]);
    }
  });

  it('public tracking: unknown code 404, no staff names or unit phones, contact never shown', async () => {
    const { trackingCode } = expectStatus(await publicComplaint({ description: '物业以欠费为由给整栋楼停水两天了。', contactName: '追踪测试', contactPhone: '13900005301', projectId: tingtaoProject.id }), 201);
    const id = await idOfCode(trackingCode);
    await toFindings(id, { finding: 'substantiated', outcome: 'resolved_on_site', details: '现场核查属实，已当场恢复供水' });
    expectStatus(await act(coordinator, id, 'reply', { text: GOOD_REPLY }), 200);
    expectStatus(await act(leader, id, 'approve-reply', {}), 200);
    const res = await get(null, `/api/public/complaints/${trackingCode}`);
    const body = expectStatus(res, 200);
    expect(body.reply.text).toBe(GOOD_REPLY);
    for (const s of [...STAFF_NAMES, '13900005301', '追踪测试', '027-599']) expect(res.body, s).not.toContain(s);
    expect((await get(null, '/api/public/complaints/ABCDEFGHJK')).statusCode).toBe(404);
    expect(trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
  });

  it('portal uploads: type by magic bytes, SVG and fake PNG refused, file name path stripped, storage key generated', async () => {
    const up = (name: string, data: Buffer) => t.app.inject({ method: 'POST', url: '/api/public/uploads', remoteAddress: nextIp(), ...multipart([{ name, data }]) });
    expect((await up('x.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).statusCode).toBe(422);
    expect((await up('evil.png', Buffer.from('#!/bin/sh\nrm -rf /\n'))).statusCode).toBe(422);
    expect((await up('x.pdf', Buffer.from('%PDF-1.4\n'))).statusCode).toBe(422); // portal: images only
    const big = Buffer.concat([PNG_1PX, Buffer.alloc(6 * 1024 * 1024)]);
    expect([413, 422]).toContain((await up('big.png', big)).statusCode);
    const ok = expectStatus(await up('../../../etc/passwd.png', PNG_1PX), 201);
    const [f] = await t.db.select().from(files).where(eq(files.id, ok.fileId));
    expect(f.originalName).not.toContain('/');
    expect(f.originalName).not.toContain('..');
    expect(f.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}\.png$/);
    expect(() => uploadPath(dataDir, '../../etc/passwd')).toThrow();
  });

  it('a complaint attachment is served only through the lead whose timeline references it', async () => {
    const a = await staffLead();
    const b = await staffLead();
    const up = await t.as(coordinator, { method: 'POST', url: `/api/complaints/${a.id}/attachments`, ...multipart([{ name: 'p.png', data: PNG_1PX }]) });
    const { fileId } = expectStatus(up, 201);
    // not yet referenced by an event → 404; through another lead → 404
    expect((await get(coordinator, `/api/complaints/${a.id}/attachments/${fileId}`)).statusCode).toBe(404);
    expectStatus(await act(coordinator, a.id, 'dispatch', { leadOrgUnitId: housingUnit, attachments: [fileId] }), 200);
    expect((await get(coordinator, `/api/complaints/${a.id}/attachments/${fileId}`)).statusCode).toBe(200);
    expect((await get(coordinator, `/api/complaints/${b.id}/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await get(hongshan, `/api/complaints/${a.id}/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await get(company, `/api/complaints/${a.id}/attachments/${fileId}`)).statusCode).toBe(403);
    // another lead's file cannot be claimed into this lead's timeline
    expect((await act(coordinator, b.id, 'dispatch', { leadOrgUnitId: housingUnit, attachments: [fileId] })).statusCode).toBe(422);
  });

  it('problems: enterprise user sees only its own company, cannot act on or upload to another company’s problem', async () => {
    const mk = async (projectId: string) =>
      expectStatus(
        await post(coordinator, '/api/problems', { source: 'inspection', projectId, category: 2, title: '安全检查发现消防通道堵塞', description: '检查发现消防通道被杂物堵塞。', deadline: isoDaysFromNow(20) }),
        201,
      );
    const own = await mk(tingtaoProject.id);
    const other = await mk(otherCompanyProject.id);
    expect(expectStatus(await get(company, `/api/problems/${own.id}`), 200).enterpriseId).toBe(tingtaoId);
    expect((await get(company, `/api/problems/${other.id}`)).statusCode).toBe(404);
    expect((await post(company, `/api/problems/${other.id}/start`, { note: null })).statusCode).toBe(404);
    expect((await post(company, `/api/problems/${other.id}/objection`, { reason: '我们不是这个项目的物业', fileIds: [] })).statusCode).toBe(404);
    const upload = await t.as(company, { method: 'POST', url: `/api/problems/${other.id}/attachments`, ...multipart([{ name: 'e.png', data: PNG_1PX }]) });
    expect(upload.statusCode).toBe(404);
    const list = expectStatus(await get(company, `/api/problems?pageSize=200&enterpriseId=${otherCompanyProject.enterpriseId}`), 200);
    expect(list.items).toEqual([]);
    const all = expectStatus(await get(company, '/api/problems?pageSize=200'), 200);
    for (const i of all.items) expect(i.enterpriseId).toBe(tingtaoId);
    // staff-only actions refused to the company
    expect((await post(company, `/api/problems/${own.id}/supervise`, { deadline: isoDaysFromNow(5), note: null })).statusCode).toBe(403);
    // 洪山 staff: 404
    expect((await get(hongshan, `/api/problems/${own.id}`)).statusCode).toBe(404);
    // evidence of another problem cannot be cited
    expectStatus(await post(company, `/api/problems/${own.id}/start`, { note: null }), 200);
    const staffUp = expectStatus(await t.as(coordinator, { method: 'POST', url: `/api/problems/${other.id}/attachments`, ...multipart([{ name: 'e.png', data: PNG_1PX }]) }), 201);
    expect((await post(company, `/api/problems/${own.id}/submit`, { text: '已清理消防通道', fileIds: [staffUp.fileId] })).statusCode).toBe(422);
    expect((await get(company, `/api/problems/${own.id}/attachments/${staffUp.fileId}`)).statusCode).toBe(404);
  });

  it('look-back review by the submitter is refused; closing without a review is refused', async () => {
    const p = expectStatus(
      await post(coordinator, '/api/problems', { source: 'inspection', projectId: tingtaoProject.id, category: 2, title: '检查发现电梯年检过期', description: '电梯年检标志过期。', deadline: isoDaysFromNow(20) }),
      201,
    );
    expectStatus(await post(coordinator, `/api/problems/${p.id}/start`, { note: null }), 200);
    expectStatus(await post(coordinator, `/api/problems/${p.id}/submit`, { text: '已完成年检', fileIds: [] }), 200);
    expect((await post(coordinator, `/api/problems/${p.id}/close`, { note: null })).statusCode).toBe(409);
    expect((await post(coordinator, `/api/problems/${p.id}/review`, { method: 'documents', result: 'pass', note: null, fileIds: [] })).statusCode).toBe(409);
    expectStatus(await post(inspector, `/api/problems/${p.id}/review`, { method: 'on_site', result: 'pass', note: null, fileIds: [] }), 200);
  });

  it('credit: enterprise user reads only its own company; cannot object to another company’s event', async () => {
    expect(expectStatus(await get(company, `/api/enterprises/${tingtaoId}/credit`), 200).enterprise.id).toBe(tingtaoId);
    expect((await get(company, `/api/enterprises/${otherCompanyProject.enterpriseId}/credit`)).statusCode).toBe(404);
    const ev = expectStatus(await post(coordinator, '/api/credit/events', { enterpriseId: otherCompanyProject.enterpriseId, type: 'good_conduct', reason: '主动公示收费标准' }), 201).id as string;
    expect((await post(company, `/api/credit/events/${ev}/objection`, { reason: '这条记录与我们无关，请撤销' })).statusCode).toBe(404);
    const list = expectStatus(await get(company, '/api/credit/events?pageSize=200'), 200);
    for (const e of list.items) expect(e.enterpriseId).toBe(tingtaoId);
    expect((await get(company, '/api/credit/export?from=2020-01-01&to=2030-01-01')).statusCode).toBe(403);
    expect((await get(company, '/api/opinions')).statusCode).toBe(403);
    expect((await get(company, '/api/enforcement-actions')).statusCode).toBe(403);
  });

  it('enforcement: a 洪山 project cannot be linked by 东湖 staff; 洪山 cannot read 东湖 actions', async () => {
    const payload = { type: 'interview', enterpriseId: tingtaoId, date: isoDaysFromNow(0), facts: '就停水问题约谈企业负责人，要求说明情况。' };
    expect((await post(coordinator, '/api/enforcement-actions', { ...payload, projectId: hongshanProject.id })).statusCode).toBe(404);
    const created = expectStatus(await post(coordinator, '/api/enforcement-actions', payload), 201);
    expect((await get(hongshan, `/api/enforcement-actions/${created.id}`)).statusCode).toBe(404);
    expect((await get(hongshan, `/api/enforcement-actions/${created.id}/document`)).statusCode).toBe(404);
  });

  it('typical cases: the drafter cannot approve; drafts are not on the portal', async () => {
    const action = expectStatus(
      await post(coordinator, '/api/enforcement-actions', { type: 'interview', enterpriseId: tingtaoId, date: isoDaysFromNow(0), facts: '业主张大伟反映物业停水，电话13900005401，住3栋2单元501室。' }),
      201,
    );
    const c = expectStatus(await post(leader, '/api/cases', { sourceType: 'enforcement_action', sourceId: action.id }), 201);
    expect(c.illegalFacts).not.toContain('张大伟');
    expect(c.illegalFacts).not.toContain('13900005401');
    expect(c.illegalFacts).not.toContain('501');
    expect((await get(null, `/api/public/cases/${c.id}`)).statusCode).toBe(404);
    expectStatus(await t.as(leader, { method: 'PUT', url: `/api/cases/${c.id}`, payload: { penaltyBasis: '《物业管理条例》第三十五条', redactionChecked: true } }), 200);
    expectStatus(await post(leader, `/api/cases/${c.id}/submit`, {}), 200);
    expect((await post(leader, `/api/cases/${c.id}/approve`, {})).statusCode).toBe(403);
    expect((await get(hongshan, `/api/cases/${c.id}`)).statusCode).toBe(404);
  });

  it('SQL metacharacters in search parameters are inert', async () => {
    const probes = ["'; DROP TABLE complaints; --", "%' OR '1'='1", '\\', "x') UNION SELECT contact_phone_enc FROM t--"];
    for (const q of probes) {
      const e = encodeURIComponent(q);
      for (const url of [`/api/complaints?q=${e}`, `/api/problems?q=${e}`, `/api/opinions?q=${e}`, `/api/enforcement-actions?q=${e}`]) {
        const res = await get(coordinator, url);
        expect(res.statusCode, url).toBe(200);
        expect(res.json().items, url).toEqual([]);
      }
      expect(expectStatus(await get(null, `/api/public/projects?q=${e}`), 200)).toEqual([]);
    }
    for (const url of ["/api/complaints?region=x'%20OR%20'1'%3D'1", "/api/problems?region=x'%20OR%20'1'%3D'1"]) {
      expect(expectStatus(await get(coordinator, url), 200).items, url).toEqual([]);
    }
    expect((await t.db.select({ n: sql<number>`count(*)::int` }).from(complaints))[0].n).toBeGreaterThan(0);
  });

  it('Open311 reads carry no contact fields and never show confidential leads without a key', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ api_key: t.env.OPEN311_DEMO_KEY, service_code: '1', description: '物业停水，联系电话13900005501。', address_string: '武汉市东湖风景区某小区 5 栋', phone: '13900005502', first_name: '某', last_name: '测', email: 'o311@example.com' }).toString(),
    });
    const id = expectStatus(r, 201)[0].service_request_id;
    for (const res of [await get(null, `/open311/v2/requests/${id}.json`), await get(null, `/open311/v2/requests/${id}.json?${OPEN311_KEY()}`)]) {
      expect(res.statusCode).toBe(200);
      for (const s of ['13900005501', '13900005502', 'o311@example.com']) expect(res.body).not.toContain(s);
    }
    // no project → the city-level fallback region, outside the East Lake key's subtree
    const conf = expectStatus(await publicComplaint({ description: '物业挪用公共收益，我要求保密。', contactName: '保密人', contactPhone: '13900005503', confidential: true }), 201);
    expect((await get(null, `/open311/v2/requests/${await idOfCode(conf.trackingCode)}.json?${OPEN311_KEY()}`)).statusCode).toBe(404);
    expect((await get(null, `/open311/v2/requests/${await idOfCode(conf.trackingCode)}.json`)).statusCode).toBe(404); // public reads: never confidential
    expect((await get(null, `/open311/v2/requests/${conf.trackingCode}.json?${OPEN311_KEY()}`)).statusCode).toBe(404);
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────
describe('defects found by the review, fixed', () => {
  it('D1 Open311 anonymous list must not disclose the tracking codes (the resident’s secret) of portal leads', async () => {
    const { trackingCode } = expectStatus(
      await publicComplaint({ description: '物业以欠费为由停了我家的水，已经三天了。', contactName: '代码泄露', contactPhone: '13900005601', projectId: tingtaoProject.id }),
      201,
    );
    for (const url of ['/open311/v2/requests.json', `/open311/v2/requests.json?${OPEN311_KEY()}`]) {
      const list = expectStatus(await get(null, url), 200) as Array<{ service_request_id: string }>;
      expect(list.map((r) => r.service_request_id)).toContain(await idOfCode(trackingCode));
      expect(JSON.stringify(list)).not.toContain(trackingCode);
    }
  });

  it('D1b a third party holding only Open311 data cannot rate a resident’s reply (no login, no code from the resident)', async () => {
    const { trackingCode } = expectStatus(
      await publicComplaint({ description: '物业以欠费为由给3栋停水，老人孩子没水用。', contactName: '评价被冒用', contactPhone: '13900005602', projectId: tingtaoProject.id }),
      201,
    );
    const id = await idOfCode(trackingCode);
    await toFindings(id, { finding: 'substantiated', outcome: 'resolved_on_site', details: '现场核查属实，已当场恢复供水' });
    expectStatus(await act(coordinator, id, 'reply', { text: GOOD_REPLY }), 200);
    expectStatus(await act(leader, id, 'approve-reply', {}), 200);
    // the company (or anyone) harvests codes from the open Open311 feed …
    const feed = expectStatus(await get(null, `/open311/v2/requests.json?status=closed&${OPEN311_KEY()}`), 200) as Array<{ service_request_id: string }>;
    const harvested = [...feed, ...(expectStatus(await get(null, `/open311/v2/requests.json?${OPEN311_KEY()}`), 200) as Array<{ service_request_id: string }>)].map((r) => r.service_request_id);
    const code = harvested.find((c) => c === trackingCode) ?? 'NOTLEAKED2';
    // … and answers "satisfied" in the resident's name, so the lead can be closed without the resident
    const rating = await post(null, `/api/public/complaints/${code}/rating`, { satisfaction: 'satisfied' });
    expect(rating.statusCode).toBe(404);
  });

  it('D2 Open311 anonymous read must not expose the room number the resident typed as address', async () => {
    const posted = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ api_key: t.env.OPEN311_DEMO_KEY, service_code: '1', description: '物业以欠费为由给我家停水，已经两天了。', address_string: '东湖某小区3栋2单元501室', first_name: '测试', last_name: '房号', phone: '13900005701' }).toString(),
    });
    const id = expectStatus(posted, 201)[0].service_request_id;
    const res = await get(null, `/open311/v2/requests/${id}.json?${OPEN311_KEY()}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('501');
  });

  it('D3 Open311 description redaction must remove the complainant’s own name (known from the contact)', async () => {
    const { trackingCode } = expectStatus(
      await publicComplaint({ description: '我是王晓东，物业从昨天起给我们楼停水，至今没有恢复供水。', contactName: '王晓东', contactPhone: '13900005801', projectId: tingtaoProject.id }),
      201,
    );
    const res = await get(null, `/open311/v2/requests/${await idOfCode(trackingCode)}.json?${OPEN311_KEY()}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('王晓东');
  });

  it('D4 a problem opened from a complaint must not show the complainant’s name to the company', async () => {
    const { id } = await staffLead({ contactName: '李晓华', contactPhone: '13900005901' });
    const d = await toFindings(id, {
      finding: 'substantiated',
      outcome: 'rectification_ordered',
      details: '经现场核实，李晓华家中被物业停水属实，责令物业恢复供水并书面说明。',
      rectificationDeadline: isoDaysFromNow(15),
      rectificationMeasures: '立即恢复李晓华家供水，不得以停水方式催缴物业费。',
    });
    expect(d.problemId).toBeTruthy();
    const res = await get(company, `/api/problems/${d.problemId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('李晓华');
  });

  it('D5 POST /api/problems must refuse a project outside the creator’s jurisdiction (regionCode in scope + 洪山 projectId)', async () => {
    const res = await post(coordinator, '/api/problems', {
      source: 'inspection',
      regionCode: eastLakeCode,
      projectId: hongshanProject.id,
      category: 2,
      title: '跨辖区立项测试',
      description: '用本辖区区划加外辖区项目立项。',
      deadline: isoDaysFromNow(20),
    });
    expect([404, 422]).toContain(res.statusCode);
    const [row] = await t.db.select({ id: problems.id }).from(problems).where(eq(problems.title, '跨辖区立项测试'));
    expect(row).toBeUndefined();
  });

  it('D6 POST /api/problems must refuse an enterprise the creator cannot see (enterpriseId mass assignment)', async () => {
    // a company registered in 洪山 with no project in 东湖: invisible to 东湖 staff (enterprise read → 404)
    const [invisible] = await queryRows<{ id: string }>(
      t.db,
      sql`SELECT e.id FROM enterprises e JOIN regions r ON r.id = e.region_id
          WHERE r.path NOT LIKE '%/420100-DH/%'
            AND NOT EXISTS (SELECT 1 FROM projects p JOIN regions pr ON pr.id = p.region_id WHERE p.enterprise_id = e.id AND pr.path LIKE '%/420100-DH/%')
          LIMIT 1`,
    );
    expect(invisible, 'seed has a company outside 东湖').toBeTruthy();
    expect((await get(coordinator, `/api/enterprises/${invisible.id}`)).statusCode).toBe(404);
    const res = await post(coordinator, '/api/problems', {
      source: 'inspection',
      enterpriseId: invisible.id,
      category: 2,
      title: '对辖区外企业立项测试',
      description: '对看不到的企业立项。',
      deadline: isoDaysFromNow(20),
    });
    expect([404, 422]).toContain(res.statusCode);
  });

  it('D7 a malformed phone in a 12345 import must not be stored in plaintext in import_jobs', async () => {
    const book = await xlsxOf([
      ['办件编号', '诉求内容', '诉求人', '诉求人电话', '派发时间'],
      ['SECREV-0100', '物业以欠费为由停水两天。', '错号居民', '1390000577', '2026-03-02 10:00'],
    ]);
    const res = await t.as(coordinator, { method: 'POST', url: '/api/complaints/import?dryRun=true', ...multipart([{ name: 'x.xlsx', data: book }]) });
    expect(expectStatus(res, 200).ok).toBe(false);
    const rows = await t.db.select({ errors: importJobs.errors }).from(importJobs);
    expect(JSON.stringify(rows)).not.toContain('1390000577');
  });

  it('D8 the imported 12345 workbook (names + phones) must not be kept in plaintext on disk', async () => {
    const book = await xlsxOf([
      ['办件编号', '诉求内容', '诉求人', '诉求人电话', '派发时间'],
      ['SECREV-0200', '物业以欠费为由停水两天。', '磁盘居民', '13900005780', '2026-03-02 10:00'],
    ]);
    const res = await t.as(coordinator, { method: 'POST', url: '/api/complaints/import?dryRun=false', ...multipart([{ name: 'x.xlsx', data: book }]) });
    const { importId } = expectStatus(res, 200);
    const [job] = await t.db.select({ fileId: importJobs.fileId }).from(importJobs).where(eq(importJobs.id, importId));
    if (job.fileId === null) {
      // Not kept at all (only its name, size and sha256 in the job row): nothing on disk to leak.
      expect(await t.db.select({ id: files.id }).from(files).where(and(eq(files.entityType, 'import_job'), eq(files.entityId, importId)))).toEqual([]);
      return;
    }
    const [f] = await t.db.select({ storageKey: files.storageKey }).from(files).where(eq(files.id, job.fileId));
    const stored = readFileSync(uploadPath(dataDir, f.storageKey));
    let plaintext = false;
    try {
      const sheets = await readXlsx(stored);
      plaintext = JSON.stringify([...sheets.values()]).includes('13900005780');
    } catch {
      plaintext = false; // not a readable workbook: encrypted or otherwise protected
    }
    expect(plaintext).toBe(false);
  });

  it('D9 an enforcement action must not link a project managed by a different company', async () => {
    const res = await post(coordinator, '/api/enforcement-actions', {
      type: 'interview',
      enterpriseId: tingtaoId,
      projectId: otherCompanyProject.id,
      date: isoDaysFromNow(0),
      facts: '就另一家企业项目的问题约谈听涛物业负责人。',
    });
    expect(res.statusCode).toBe(422);
  });
});

describe('four eyes on replies', () => {
  it('a leader who drafted the reply cannot approve it; the button is not offered; another leader can', async () => {
    const { id } = await staffLead();
    expectStatus(await act(coordinator, id, 'dispatch', { leadOrgUnitId: housingUnit }), 200);
    expectStatus(await act(leader, id, 'sign', {}), 200);
    expectStatus(await act(leader, id, 'findings', { finding: 'substantiated', outcome: 'resolved_on_site', details: '现场核实属实，已责令物业当场恢复供水并复查。' }), 200);
    const drafted = expectStatus(
      await act(leader, id, 'reply', { text: '经核查，物业以欠费为由停水属实，我局已责令其立即恢复供水，现已恢复；欠费问题应通过协商或诉讼解决，不得停水。' }),
      200,
    );
    expect(drafted.allowedActions).not.toContain('approve-reply');
    const refused = await act(leader, id, 'approve-reply', {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('起草人以外');
    // A second leader of the same unit approves.
    const [second] = await t.db
      .insert(users)
      .values({ ...(await t.db.select().from(users).where(eq(users.username, 'district-housing-leader')))[0], id: undefined, username: 'second-leader', displayName: '第二负责人' })
      .returning({ id: users.id });
    expect(second).toBeDefined();
    const other = await t.login('second-leader');
    expect(expectStatus(await act(other, id, 'approve-reply', {}), 200).status).toBe('replied');
  });
});
