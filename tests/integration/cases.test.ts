import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints, enterprises, legalProvisions, problems } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
let housing: string; // coordinator: case:manage
let leader: string; // dept_leader: case:manage + case:approve
let supervisor: string; // case:approve
let hongshan: string;
let company: string;
let ent: { id: string; name: string };
let regionId: number;
let actionId: string;

const ID = '420106199003071238'; // made-up, valid check character
const FACTS =
  '经查，业主张三反映，武汉听涛物业服务有限公司于2026年2月以催缴物业费为由对3栋2单元501室限时停水，' +
  '张三联系电话13900000001，身份证号' +
  ID +
  '。投诉人李小红女士（住5-2-301）亦反映相同问题。';

beforeAll(async () => {
  t = await createTestContext();
  [housing, leader, supervisor, hongshan, company] = await Promise.all(
    ['district-housing', 'district-housing-leader', 'district-supervisor', 'other-district-housing', 'enterprise-user'].map((u) => t.login(u)),
  );
  const [e] = await t.db
    .select({ id: enterprises.id, name: enterprises.name, regionId: enterprises.regionId })
    .from(enterprises)
    .where(eq(enterprises.name, '武汉听涛物业服务有限公司'));
  if (!e) throw new Error('demo enterprise missing');
  ent = e;
  regionId = e.regionId;
  const [p] = await t.db.select({ id: legalProvisions.id }).from(legalProvisions).where(eq(legalProvisions.key, 'hubei-67-1'));
  const action = expectStatus(
    await t.as(housing, {
      method: 'POST',
      url: '/api/enforcement-actions',
      payload: { type: 'fine', enterpriseId: ent.id, date: '2026-03-02', facts: FACTS, legalBasisIds: [p?.id], amount: 20000 },
    }),
    201,
  );
  actionId = action.id;
});
afterAll(() => t.close());

const post = (cookie: string, url: string, payload?: Record<string, unknown>) => t.as(cookie, { method: 'POST', url, ...(payload === undefined ? {} : { payload }) });

describe('drafting with redaction', () => {
  it('prefills from an enforcement action and removes residents’ personal data, keeping the company', async () => {
    const c = expectStatus(await post(housing, '/api/cases', { sourceType: 'enforcement_action', sourceId: actionId }), 201);
    expect(c.status).toBe('draft');
    expect(c.redactionChecked).toBe(false);
    const all = [c.title, c.basicSituation, c.illegalFacts, c.penaltyBasis, c.handlingResult].join('\n');
    for (const secret of ['张三', '13900000001', ID, '3栋2单元501室', '李小红', '5-2-301']) expect(all).not.toContain(secret);
    expect(c.illegalFacts).toContain('业主张某反映');
    expect(c.illegalFacts).toContain('武汉听涛物业服务有限公司');
    expect(c.basicSituation).toContain('武汉听涛物业服务有限公司');
    expect(c.penaltyBasis).toContain('湖北省物业服务和管理条例');
    expect(c.handlingResult).toMatch(/东湖房罚决〔2026〕\d+号/);
    expect(c.handlingResult).toContain('贰万元整');
    const kinds = new Set(c.redactionFindings.map((f: { kind: string }) => f.kind));
    expect([...kinds].sort()).toEqual(['id_number', 'mobile', 'name', 'room']);
    expect(c.redactionFindings.every((f: { field: string }) => f.field === 'illegalFacts')).toBe(true);
    expect(c.remainingFindings).toEqual([]);
  });

  it('previews redaction for any text', async () => {
    const r = expectStatus(await post(housing, '/api/cases/redact-preview', { text: '住户王五，电话13900000002' }), 200);
    expect(r.text).toBe('住户王某，电话[手机号码已隐去]');
    expect((await post(company, '/api/cases/redact-preview', { text: 'x' })).statusCode).toBe(403);
  });
});

describe('workflow', () => {
  it('draft → check → submit → approve (not by the drafter) → publish → unpublish', async () => {
    const c = expectStatus(await post(leader, '/api/cases', { sourceType: 'enforcement_action', sourceId: actionId, title: '听涛物业限时停水催缴物业费案' }), 201);
    // submitting before the human check is refused
    const early = await post(leader, `/api/cases/${c.id}/submit`);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('REDACTION_NOT_CHECKED');
    // an edit that puts a phone number back is shown as a remaining finding
    const edited = expectStatus(
      await t.as(leader, { method: 'PUT', url: `/api/cases/${c.id}`, payload: { handlingResult: `${c.handlingResult}（经办人电话13900000009）` } }),
      200,
    );
    expect(edited.remainingFindings.map((f: { original: string }) => f.original)).toEqual(['13900000009']);
    const fixed = expectStatus(await t.as(leader, { method: 'PUT', url: `/api/cases/${c.id}`, payload: { handlingResult: c.handlingResult, redactionChecked: true } }), 200);
    expect(fixed).toMatchObject({ redactionChecked: true, remainingFindings: [] });
    const submitted = expectStatus(await post(leader, `/api/cases/${c.id}/submit`), 200);
    expect(submitted.status).toBe('pending_approval');
    expect((await t.as(leader, { method: 'PUT', url: `/api/cases/${c.id}`, payload: { title: '再改标题试试看' } })).statusCode).toBe(409);

    // the drafter holds case:approve but may not approve their own case
    const own = await post(leader, `/api/cases/${c.id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toContain('本人起草');
    expect(submitted.allowedActions).not.toContain('approve');
    // a user without case:approve cannot approve
    expect((await post(housing, `/api/cases/${c.id}/approve`)).statusCode).toBe(403);
    // another district's coordinator (case:manage) cannot see it
    expect((await t.as(hongshan, { method: 'GET', url: `/api/cases/${c.id}` })).statusCode).toBe(404);
    expect((await t.as(hongshan, { method: 'PUT', url: `/api/cases/${c.id}`, payload: { title: '越权修改标题' } })).statusCode).toBe(404);

    const approved = expectStatus(await post(supervisor, `/api/cases/${c.id}/approve`), 200);
    expect(approved.status).toBe('approved');

    // not public before publication
    const before = expectStatus(await t.as(null, { method: 'GET', url: '/api/public/cases?pageSize=200' }), 200);
    expect(before.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    expect((await t.as(null, { method: 'GET', url: `/api/public/cases/${c.id}` })).statusCode).toBe(404);

    expectStatus(await post(housing, `/api/cases/${c.id}/publish`), 200);
    const pub = expectStatus(await t.as(null, { method: 'GET', url: '/api/public/cases?pageSize=200' }), 200);
    const item = pub.items.find((i: { id: string }) => i.id === c.id);
    expect(item).toMatchObject({ title: '听涛物业限时停水催缴物业费案', enterpriseName: ent.name });
    const detail = expectStatus(await t.as(null, { method: 'GET', url: `/api/public/cases/${c.id}` }), 200);
    const body = JSON.stringify(detail);
    for (const secret of ['张三', '李小红', '13900000001', ID, '501室', 'redactionFindings', 'draftedBy']) expect(body).not.toContain(secret);
    expect(body).toContain('武汉听涛物业服务有限公司');

    expectStatus(await post(housing, `/api/cases/${c.id}/unpublish`), 200);
    expect((await t.as(null, { method: 'GET', url: `/api/public/cases/${c.id}` })).statusCode).toBe(404);
    expect((await post(housing, `/api/cases/${c.id}/unpublish`)).statusCode).toBe(409);
  });

  it('reject returns the case to draft with a note and voids the check', async () => {
    const c = expectStatus(await post(housing, '/api/cases', { sourceType: 'enforcement_action', sourceId: actionId }), 201);
    expectStatus(await t.as(housing, { method: 'PUT', url: `/api/cases/${c.id}`, payload: { redactionChecked: true } }), 200);
    expectStatus(await post(housing, `/api/cases/${c.id}/submit`), 200);
    expect((await post(housing, `/api/cases/${c.id}/publish`)).statusCode).toBe(409); // not approved yet
    const rejected = expectStatus(await post(supervisor, `/api/cases/${c.id}/reject`, { note: '处理结果表述不完整，请补充整改情况' }), 200);
    expect(rejected).toMatchObject({ status: 'draft', returnNote: '处理结果表述不完整，请补充整改情况', redactionChecked: false });
    const list = expectStatus(await t.as(housing, { method: 'GET', url: '/api/cases?status=draft&pageSize=200' }), 200);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(c.id);
  });
});

describe('other sources', () => {
  it('drafts from a closed problem only', async () => {
    const base = {
      source: 'inspection',
      regionId,
      enterpriseId: ent.id,
      category: 1,
      title: '限时停水催缴物业费',
      description: '检查发现住户赵六家中（12幢1801室）被限时停水，赵六电话13900000003。',
      measures: '恢复供水并书面致歉',
      deadline: '2026-03-20',
      openedOn: '2026-03-02',
    };
    const [open] = await t.db.insert(problems).values({ ...base, code: 'WT-2026-990001', status: 'rectifying' }).returning({ id: problems.id });
    const [closed] = await t.db
      .insert(problems)
      .values({ ...base, code: 'WT-2026-990002', status: 'closed', closedAt: new Date('2026-03-18T08:00:00Z') })
      .returning({ id: problems.id });
    expect((await post(housing, '/api/cases', { sourceType: 'problem', sourceId: open?.id })).statusCode).toBe(409);
    const c = expectStatus(await post(housing, '/api/cases', { sourceType: 'problem', sourceId: closed?.id }), 201);
    expect(c.illegalFacts).toBe('检查发现住户赵某家中（某室）被限时停水，赵某电话[手机号码已隐去]。');
    expect(c.handlingResult).toContain('恢复供水并书面致歉');
    expect(c.handlingResult).toContain('2026年3月18日');
  });

  it('drafts from a closed complaint and redacts the complainant’s name even without a cue word', async () => {
    const [row] = await t.db
      .insert(complaints)
      .values({
        trackingCode: 'TS-TEST-0001',
        channel: 'hotline_12345',
        description: '孙小梅反映小区地下车库被物业出租经营，收益未公示。孙小梅电话13900000004。',
        regionId,
        enterpriseId: ent.id,
        contactNameEnc: t.cipher.encrypt('孙小梅'),
        triage: {},
        status: 'closed',
        replyText: '经核查，物业公司已公示车位收益并退还业主共有收益。',
        closedAt: new Date('2026-04-01T08:00:00Z'),
      })
      .returning({ id: complaints.id });
    const c = expectStatus(await post(housing, '/api/cases', { sourceType: 'complaint', sourceId: row?.id }), 201);
    const all = [c.title, c.basicSituation, c.illegalFacts, c.penaltyBasis, c.handlingResult].join('\n');
    expect(all).not.toContain('孙小梅');
    expect(all).not.toContain('13900000004');
    expect(c.illegalFacts).toContain('孙某反映');
    expect(c.handlingResult).toContain('已公示车位收益');
    // another district's complaint is not found
    expect((await post(hongshan, '/api/cases', { sourceType: 'complaint', sourceId: row?.id })).statusCode).toBe(404);
  });
});

describe('demo data', () => {
  it('the seeded published case is on the portal, naming the company and no resident', async () => {
    const pub = expectStatus(await t.as(null, { method: 'GET', url: '/api/public/cases' }), 200);
    const seeded = pub.items.find((i: { title: string }) => i.title === '物业企业擅自利用共用部位经营广告被罚款案');
    expect(seeded).toMatchObject({ enterpriseName: '武汉听涛物业服务有限公司' });
  });
});
