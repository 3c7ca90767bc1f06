import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, blacklistApplications, enterprises, regions } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';
import { PNG_1PX, multipart } from '../helpers/xlsx-upload.js';

/*
 * The listed company acts on its own blacklist entries (黑名单): 异议 (objection; upheld annuls the
 * entry) and 信用修复申请 (repair application; granted through /repair or refused). Staff with
 * credit:manage decide within their jurisdiction.
 */

let t: TestContext;
let dataDir: string;
let company: string; // enterprise-user of 武汉听涛物业服务有限公司
let creditOfficer: string; // district-credit: 东湖 credit unit officer (credit:manage)
let hongshan: string; // other-district-housing: 洪山 coordinator (credit:manage elsewhere)
let market: string; // district-market: 东湖 officer with credit:read only
let own: { id: string; creditCode: string };
let other: { id: string };

const credit = async (cookie: string, id: string) => expectStatus(await t.as(cookie, { method: 'GET', url: `/api/enterprises/${id}/credit` }), 200);
const post = (cookie: string, url: string, payload: Record<string, unknown>) => t.as(cookie, { method: 'POST', url, payload });
const list = async (id: string) => t.as(creditOfficer, { method: 'POST', url: `/api/enterprises/${id}/blacklist`, payload: { reason: '一年内三次受到行政处罚，拒不整改' } });
const entryOf = async (cookie: string, enterpriseId: string, entryId: string) =>
  (await credit(cookie, enterpriseId)).blacklist.find((b: { id: string }) => b.id === entryId);
const auditActions = async (entityId: string) =>
  (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, entityId))).map((r) => r.action);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wy-blacklist-'));
  t = await createTestContext({ DATA_DIR: dataDir });
  [company, creditOfficer, hongshan, market] = await Promise.all(['enterprise-user', 'district-credit', 'other-district-housing', 'district-market'].map((u) => t.login(u)));
  const [ent] = await t.db
    .select({ id: enterprises.id, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(eq(enterprises.name, '武汉听涛物业服务有限公司'));
  if (!ent) throw new Error('demo enterprise missing');
  own = ent;
  const [o] = await t.db
    .select({ id: enterprises.id })
    .from(enterprises)
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .where(and(eq(regions.code, '420100-DH'), eq(enterprises.status, 'active'), ne(enterprises.id, own.id)))
    .orderBy(enterprises.name)
    .limit(1);
  if (!o) throw new Error('no other enterprise');
  other = o;
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('objection (异议) to a blacklist entry', () => {
  it('the company objects, staff uphold it, and the company is no longer blacklisted', async () => {
    const entry = expectStatus(await list(own.id), 201);
    expect(entry).toMatchObject({ status: 'active', active: true, pendingApplication: null, annulledAt: null });
    const before = await credit(company, own.id);
    expect(before.blacklisted).toBe(true);
    expect(before.blacklist.find((b: { id: string }) => b.id === entry.id).allowedActions).toEqual(['objection', 'repair_application']);
    expect((await entryOf(creditOfficer, own.id, entry.id)).allowedActions).toEqual(['repair']);

    // staff cannot object in the company's name; input is checked (422 with the field)
    expect((await post(creditOfficer, `/api/blacklist/${entry.id}/objection`, { reason: '代企业提出的异议理由说明' })).statusCode).toBe(403);
    const short = await post(company, `/api/blacklist/${entry.id}/objection`, { reason: '不服' });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.details.fields.reason).toContain('至少 10 个字');

    // evidence is uploaded to the entry first, then named in the objection
    const up = expectStatus(
      await t.as(company, { method: 'POST', url: `/api/blacklist/${entry.id}/attachments`, ...multipart([{ name: '缴款凭证.png', data: PNG_1PX, type: 'image/png' }]) }),
      201,
    );
    const reason = '三次处罚中有两次已被行政复议撤销，不符合列入条件，附复议决定书。';
    const raised = expectStatus(await post(company, `/api/blacklist/${entry.id}/objection`, { reason, fileIds: [up.fileId] }), 200);
    expect(raised).toMatchObject({ pendingApplication: 'objection', allowedActions: [] });
    expect(raised.applications).toEqual([expect.objectContaining({ kind: 'objection', status: 'pending', reason, files: [expect.objectContaining({ id: up.fileId, name: '缴款凭证.png' })] })]);
    // one pending request at a time
    expect((await post(company, `/api/blacklist/${entry.id}/objection`, { reason: '再次提出同一异议的理由说明' })).statusCode).toBe(409);
    expect((await post(company, `/api/blacklist/${entry.id}/repair-application`, { commitment: '我公司承诺依法诚信经营，接受社会监督。', rectificationSummary: '已全部整改完毕并公示。' })).statusCode).toBe(409);
    // staff see it pending; a direct repair must wait for the decision
    expect((await entryOf(creditOfficer, own.id, entry.id)).allowedActions).toEqual(['objection_decision']);
    const pendingList = expectStatus(await t.as(creditOfficer, { method: 'GET', url: '/api/blacklist?pending=true' }), 200);
    expect(pendingList.items.find((i: { id: string }) => i.id === entry.id)).toMatchObject({ pendingApplication: 'objection' });
    expect((await post(creditOfficer, `/api/blacklist/${entry.id}/repair`, { note: '直接准予信用修复' })).statusCode).toBe(409);
    // the file downloads for the company and for staff in the jurisdiction, not for another district
    const file = await t.as(creditOfficer, { method: 'GET', url: `/api/blacklist/${entry.id}/attachments/${up.fileId}` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG_1PX)).toBe(true);
    expect((await t.as(hongshan, { method: 'GET', url: `/api/blacklist/${entry.id}/attachments/${up.fileId}` })).statusCode).toBe(404);
    const downloads = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'credit.blacklist.attachment.download'), eq(auditLog.entityId, entry.id)));
    expect(downloads.map((d) => d.actorName)).toEqual(['district-credit']);

    // the company cannot decide; an officer without credit:manage cannot; another district gets 404
    expect((await post(company, `/api/blacklist/${entry.id}/objection-decision`, { upheld: true, note: '自己决定' })).statusCode).toBe(403);
    expect((await post(market, `/api/blacklist/${entry.id}/objection-decision`, { upheld: true, note: '越权处理' })).statusCode).toBe(403);
    expect((await post(hongshan, `/api/blacklist/${entry.id}/objection-decision`, { upheld: true, note: '越权处理' })).statusCode).toBe(404);
    const missing = await post(creditOfficer, `/api/blacklist/${entry.id}/objection-decision`, { note: '未选择结果' });
    expect(missing.statusCode).toBe(422);
    expect(Object.keys(missing.json().error.details.fields)).toContain('upheld');

    const decided = expectStatus(await post(creditOfficer, `/api/blacklist/${entry.id}/objection-decision`, { upheld: true, note: '经核实两次处罚已撤销，异议成立' }), 200);
    expect(decided).toMatchObject({ status: 'annulled', active: false, pendingApplication: null, annulledAt: expect.any(String), allowedActions: [] });
    expect(decided.applications[0]).toMatchObject({ status: 'upheld', decisionNote: '经核实两次处罚已撤销，异议成立', decidedAt: expect.any(String) });
    const after = await credit(company, own.id);
    expect(after.blacklisted).toBe(false);
    expect(after.blacklist.find((b: { id: string }) => b.id === entry.id)).toMatchObject({ status: 'annulled', allowedActions: [] });
    expect((await t.as(null, { method: 'GET', url: `/api/public/credit?code=${own.creditCode}` })).json().blacklisted).toBe(false);

    // wrong state: decided twice, repaired or objected after annulment
    expect((await post(creditOfficer, `/api/blacklist/${entry.id}/objection-decision`, { upheld: false, note: '再次处理' })).statusCode).toBe(409);
    expect((await post(creditOfficer, `/api/blacklist/${entry.id}/repair`, { note: '撤销后再修复' })).statusCode).toBe(409);
    expect((await post(company, `/api/blacklist/${entry.id}/objection`, { reason: '撤销后再次提出的异议理由' })).statusCode).toBe(409);

    // the annulled entry no longer blocks a new listing; export shows it as upheld
    const exported = expectStatus(await t.as(creditOfficer, { method: 'GET', url: `/api/credit/export?from=2000-01-01&to=2100-12-31` }), 200);
    expect(exported.records.find((r: { recordId: string }) => r.recordId === entry.id)).toMatchObject({ recordType: 'blacklist', objectionStatus: 'upheld', blacklisted: false });

    expect(await auditActions(entry.id)).toEqual(
      expect.arrayContaining(['credit.blacklist.add', 'credit.blacklist.attachment_upload', 'credit.blacklist.objection.raise', 'credit.blacklist.objection.decide']),
    );
  });

  it('a rejected objection leaves the entry in force; the company may object again', async () => {
    const entry = expectStatus(await list(own.id), 201);
    expectStatus(await post(company, `/api/blacklist/${entry.id}/objection`, { reason: '处罚决定正在行政诉讼中，请求暂缓列入黑名单。' }), 200);
    const rejected = expectStatus(await post(creditOfficer, `/api/blacklist/${entry.id}/objection-decision`, { upheld: false, note: '诉讼不停止执行，异议不成立' }), 200);
    expect(rejected).toMatchObject({ status: 'active', pendingApplication: null });
    expect(rejected.applications[0]).toMatchObject({ kind: 'objection', status: 'rejected', decisionNote: '诉讼不停止执行，异议不成立' });
    expect((await credit(company, own.id)).blacklisted).toBe(true);
    expect((await entryOf(company, own.id, entry.id)).allowedActions).toEqual(['objection', 'repair_application']);
    // no pending objection any more
    expect((await post(creditOfficer, `/api/blacklist/${entry.id}/objection-decision`, { upheld: true, note: '再次处理' })).statusCode).toBe(409);

    // clean up for the next test: staff repair directly (no application pending)
    const repaired = expectStatus(await post(creditOfficer, `/api/blacklist/${entry.id}/repair`, { note: '期满前经复核准予修复' }), 200);
    expect(repaired).toMatchObject({ status: 'repaired', pendingApplication: null });
    expect(repaired.applications).toHaveLength(1);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, entry.id), eq(auditLog.action, 'credit.blacklist.objection.decide')));
    expect(audit?.after).toMatchObject({ status: 'rejected', annulled: false });
  });
});

describe('credit repair application (信用修复申请)', () => {
  it('refused, applied again, then granted through /repair; the company is no longer blacklisted', async () => {
    const entry = expectStatus(await list(own.id), 201);
    const body = { commitment: '我公司承诺今后依法诚信经营，按时公示收费，接受业主和社会监督。', rectificationSummary: '已退还多收的停车费 2.4 万元，公共收益已入账并在各小区公示。' };

    // staff cannot apply for the company; bad input → 422 naming each field; foreign files refused
    expect((await post(creditOfficer, `/api/blacklist/${entry.id}/repair-application`, body)).statusCode).toBe(403);
    const bad = await post(company, `/api/blacklist/${entry.id}/repair-application`, { commitment: '承诺', rectificationSummary: '' });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.details.fields).sort()).toEqual(['commitment', 'rectificationSummary']);
    const foreign = await post(company, `/api/blacklist/${entry.id}/repair-application`, { ...body, fileIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.details.fields.fileIds).toBeTruthy();
    // nothing pending yet: refusal is the wrong state
    expect((await post(creditOfficer, `/api/blacklist/${entry.id}/repair-refusal`, { note: '无申请可答复' })).statusCode).toBe(409);

    const applied = expectStatus(await post(company, `/api/blacklist/${entry.id}/repair-application`, body), 200);
    expect(applied).toMatchObject({ pendingApplication: 'repair', status: 'active' });
    expect(applied.applications.at(-1)).toMatchObject({ kind: 'repair', status: 'pending', ...body, files: [] });
    expect((await post(company, `/api/blacklist/${entry.id}/repair-application`, body)).statusCode).toBe(409);
    expect((await entryOf(creditOfficer, own.id, entry.id)).allowedActions).toEqual(['repair', 'repair_refusal']);
    expect((await post(creditOfficer, `/api/blacklist/${entry.id}/objection-decision`, { upheld: true, note: '不是异议' })).statusCode).toBe(409);
    expect((await post(hongshan, `/api/blacklist/${entry.id}/repair-refusal`, { note: '越权答复' })).statusCode).toBe(404);
    expect((await post(creditOfficer, `/api/blacklist/${entry.id}/repair-refusal`, { note: '' })).statusCode).toBe(422);

    const refused = expectStatus(await post(creditOfficer, `/api/blacklist/${entry.id}/repair-refusal`, { note: '公共收益公示材料不全，暂不予修复' }), 200);
    expect(refused).toMatchObject({ status: 'active', pendingApplication: null });
    expect(refused.applications.at(-1)).toMatchObject({ kind: 'repair', status: 'refused', decisionNote: '公共收益公示材料不全，暂不予修复' });
    expect((await credit(company, own.id)).blacklisted).toBe(true);

    // applied again with material; staff grant it with the existing repair route
    const up = expectStatus(
      await t.as(company, { method: 'POST', url: `/api/blacklist/${entry.id}/attachments`, ...multipart([{ name: '公示照片.png', data: PNG_1PX, type: 'image/png' }]) }),
      201,
    );
    expectStatus(await post(company, `/api/blacklist/${entry.id}/repair-application`, { ...body, fileIds: [up.fileId] }), 200);
    const granted = expectStatus(await post(creditOfficer, `/api/blacklist/${entry.id}/repair`, { note: '材料齐全，整改到位，准予信用修复' }), 200);
    expect(granted).toMatchObject({ status: 'repaired', active: false, repairNote: '材料齐全，整改到位，准予信用修复', pendingApplication: null, allowedActions: [] });
    expect(granted.applications.map((a: { status: string }) => a.status)).toEqual(['refused', 'granted']);
    expect(granted.applications[1]).toMatchObject({ decisionNote: '材料齐全，整改到位，准予信用修复', files: [expect.objectContaining({ id: up.fileId })] });
    expect((await credit(company, own.id)).blacklisted).toBe(false);
    expect((await credit(creditOfficer, own.id)).blacklisted).toBe(false);

    // wrong state after repair
    expect((await post(company, `/api/blacklist/${entry.id}/repair-application`, body)).statusCode).toBe(409);
    expect((await post(company, `/api/blacklist/${entry.id}/objection`, { reason: '修复后再次提出的异议理由' })).statusCode).toBe(409);
    expect((await post(creditOfficer, `/api/blacklist/${entry.id}/repair-refusal`, { note: '修复后不予修复' })).statusCode).toBe(409);

    const actions = await auditActions(entry.id);
    expect(actions.filter((a) => a === 'credit.blacklist.repair_application.submit')).toHaveLength(2);
    expect(actions).toEqual(expect.arrayContaining(['credit.blacklist.repair_application.refuse', 'credit.blacklist.repair']));
    const [repairAudit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, entry.id), eq(auditLog.action, 'credit.blacklist.repair')));
    expect(repairAudit?.after).toMatchObject({ applicationStatus: 'granted', applicationId: granted.applications[1].id });
  });
});

describe('jurisdiction', () => {
  it('another company’s entry answers 404 to the company; another district’s staff get 404', async () => {
    const entry = expectStatus(await list(other.id), 201);
    const body = { commitment: '我公司承诺依法诚信经营，接受社会监督。', rectificationSummary: '已全部整改完毕并在小区公示。' };
    expect((await post(company, `/api/blacklist/${entry.id}/objection`, { reason: '对其他企业黑名单提出的异议' })).statusCode).toBe(404);
    expect((await post(company, `/api/blacklist/${entry.id}/repair-application`, body)).statusCode).toBe(404);
    expect((await t.as(company, { method: 'POST', url: `/api/blacklist/${entry.id}/attachments`, ...multipart([{ name: 'a.png', data: PNG_1PX, type: 'image/png' }]) })).statusCode).toBe(
      404,
    );
    expect((await t.as(company, { method: 'GET', url: `/api/enterprises/${other.id}/credit` })).statusCode).toBe(404);
    // 洪山 staff: neither decide nor repair nor refuse an entry of 东湖
    expect((await post(hongshan, `/api/blacklist/${entry.id}/repair`, { note: '越权修复' })).statusCode).toBe(404);
    expect((await post(hongshan, `/api/blacklist/${entry.id}/repair-refusal`, { note: '越权答复' })).statusCode).toBe(404);
    expect((await post(hongshan, `/api/blacklist/${entry.id}/objection-decision`, { upheld: true, note: '越权处理' })).statusCode).toBe(404);
    // nothing was recorded by the refused calls
    const rows = await t.db.select().from(blacklistApplications).where(inArray(blacklistApplications.blacklistEntryId, [entry.id]));
    expect(rows).toHaveLength(0);
    expect(await auditActions(entry.id)).toEqual(['credit.blacklist.add']);
  });
});
