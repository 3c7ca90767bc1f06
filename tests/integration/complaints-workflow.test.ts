import { and, eq, isNotNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, complaintReturns, complaints, enterprises, orgUnits, projects, regions } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * The complaint workflow over HTTP: every transition allowed and refused, the return cap,
 * jurisdiction, complainant protection (masked contact, audited reveal, redacted tracking page).
 */

let t: TestContext;
let coordinator: string; // district-housing: coordinator + officer of 东湖 housing
let leader: string; // district-housing-leader: approves replies of 东湖 housing
let market: string; // district-market: officer of 东湖 market regulation
let hongshan: string; // other-district-housing: 洪山 coordinator
let company: string; // enterprise-user
let supervisor: string; // district-supervisor
let projectId: string;
let housingUnit: string;
let marketUnit: string;
let hongshanHousing: string;

const PHONE = '13900009876';
const NAME = '欧阳明月';
const GOOD_REPLY =
  '经现场核查，您反映的物业以欠费为由关闭3栋供水阀门的情况属实。我局已责令物业服务企业当日恢复供水，并约谈企业负责人，要求其通过法律途径催缴物业费，不得以停水方式催费。';

beforeAll(async () => {
  t = await createTestContext();
  [coordinator, leader, market, hongshan, company, supervisor] = await Promise.all(
    ['district-housing', 'district-housing-leader', 'district-market', 'other-district-housing', 'enterprise-user', 'district-supervisor'].map((u) => t.login(u)),
  );
  const [p] = await t.db
    .select({ id: projects.id })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(and(like(regions.path, '%/420100-DH/%'), isNotNull(projects.enterpriseId)))
    .limit(1);
  projectId = p.id;
  const unit = async (name: string) => (await t.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.name, name)))[0].id;
  housingUnit = await unit('东湖风景区建设（房管）局');
  marketUnit = await unit('东湖风景区市场监督管理局');
  hongshanHousing = await unit('洪山区住房和城市更新局');
});
afterAll(() => t.close());

const post = (cookie: string, url: string, payload: unknown = {}) => t.as(cookie, { method: 'POST', url, payload: payload as object });
const get = (cookie: string | null, url: string) => t.as(cookie, { method: 'GET', url });
const act = (cookie: string, id: string, action: string, payload: unknown = {}) => post(cookie, `/api/complaints/${id}/${action}`, payload);

async function newLead(overrides: Record<string, unknown> = {}) {
  const body = expectStatus(
    await post(coordinator, '/api/complaints', {
      channel: 'phone',
      description: '小区3栋从昨天开始停水，物业说我家欠物业费就把水阀关了，到现在还没恢复',
      contactName: NAME,
      contactPhone: PHONE,
      projectId,
      ...overrides,
    }),
    201,
  );
  return body as { id: string; trackingCode: string };
}

describe('staff entry and triage', () => {
  it('proposes category, departments and cues from the text alone', async () => {
    const r = expectStatus(await post(coordinator, '/api/triage', { text: '物业以欠费为由给我家停水，已经两天了' }), 200);
    expect(r.category).toBe(1);
    expect(r.leadDepartment).toBe('housing');
    expect(r.cues.length).toBeGreaterThan(0);
    // Issue 12: a calibrated confidence, the model version, and whether a person must decide.
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.modelVersion).toMatch(/^tm-[0-9a-f]{10}$/);
    expect(typeof r.needsHuman).toBe('boolean');
  });

  it('identifies the company a resident names without a project, by full or short name; an ambiguous short name is no match', async () => {
    const [guanshan] = await t.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.name, '武汉关山物业服务有限公司'));
    const r = expectStatus(await post(coordinator, '/api/triage', { text: '关山物业以欠费为由给我家停水，已经两天了' }), 200);
    expect(r.project).toBeNull();
    expect(r.enterprise).toMatchObject({ id: guanshan.id });
    const lead = await newLead({ projectId: undefined, description: '关山物业以欠费为由给我家停水，已经两天了，打电话也没人管' });
    expect(expectStatus(await get(coordinator, `/api/complaints/${lead.id}`), 200).enterpriseId).toBe(guanshan.id);
    // 听涛物业 is the short name of two registered companies (服务 / 发展): the platform does not guess
    expect(expectStatus(await post(coordinator, '/api/triage', { text: '听涛物业以欠费为由给我家停水' }), 200).enterprise).toBeNull();
    expect(expectStatus(await post(coordinator, '/api/triage', { text: '武汉听涛物业服务有限公司以欠费为由给我家停水' }), 200).enterprise.name).toBe('武汉听涛物业服务有限公司');
  });

  it('registers a lead, triages it, encrypts the contact and masks it in every staff response', async () => {
    const { id, trackingCode } = await newLead();
    expect(trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    const [row] = await t.db.select().from(complaints).where(eq(complaints.id, id));
    expect(row.contactPhoneEnc).not.toContain(PHONE);
    expect(row.contactNameEnc).not.toContain(NAME);
    expect(row.category).toBe(1);
    expect(row.enterpriseId).not.toBeNull();
    const res = await get(coordinator, `/api/complaints/${id}`);
    const detail = expectStatus(res, 200);
    expect(detail.contact).toEqual({ name: '欧**月', phone: '139****9876' });
    expect(res.body).not.toContain(PHONE);
    expect(res.body).not.toContain(NAME);
    expect(detail.status).toBe('received');
    expect(detail.triage.proposal.category).toBe(1);
    expect(detail.proposedAssignment.leadOrgUnitId).toBe(housingUnit);
    const list = await get(coordinator, '/api/complaints?box=to_dispatch&pageSize=200');
    expect(list.body).not.toContain(PHONE);
    expect(expectStatus(list, 200).items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('stores a correction of the proposal', async () => {
    const { id } = await newLead();
    const d = expectStatus(await act(coordinator, id, 'triage', { category: 4, leadDepartment: 'housing', coDepartments: ['police'], urgent: true }), 200);
    expect(d).toMatchObject({ category: 4, urgent: true, coDepartments: ['police'] });
    expect(d.triage.proposal.category).toBe(1);
    expect(d.triage.correctedByName).toBe('吴嘉禾');
  });

  it('corrects the project before dispatch (company and place follow it), not after', async () => {
    const { id } = await newLead({ projectId: undefined });
    const [other] = await t.db
      .select({ id: projects.id, enterpriseId: projects.enterpriseId, regionId: projects.regionId })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.regionId))
      .where(and(like(regions.path, '%/420100-DH/%'), isNotNull(projects.enterpriseId)))
      .offset(3)
      .limit(1);
    const triage = { category: 1, leadDepartment: 'housing', coDepartments: [], urgent: false };
    const d = expectStatus(await act(coordinator, id, 'triage', { ...triage, projectId: other.id }), 200);
    expect(d).toMatchObject({ projectId: other.id, enterpriseId: other.enterpriseId, regionId: other.regionId });
    expect(d.timeline.map((e: { note: string | null }) => e.note ?? '').join('|')).toContain('更正物业项目');
    const hongshanProject = (await t.db.select({ id: projects.id }).from(projects).innerJoin(regions, eq(regions.id, projects.regionId)).where(like(regions.path, '%/420111/%')).limit(1))[0];
    expect((await act(coordinator, id, 'triage', { ...triage, projectId: hongshanProject.id })).statusCode).toBe(422);
    expectStatus(await act(coordinator, id, 'dispatch'), 200);
    const refused = expectStatus(await act(coordinator, id, 'triage', { ...triage, projectId: projectId }), 422);
    expect(refused.error.details.fields.projectId).toContain('已派单');
  });
});

describe('jurisdiction and complainant protection', () => {
  it('answers 404 to 洪山 for an East Lake lead, 403 to a company user, and hides it from their lists', async () => {
    const { id } = await newLead();
    expect((await get(hongshan, `/api/complaints/${id}`)).statusCode).toBe(404);
    expect((await act(hongshan, id, 'dispatch', { leadOrgUnitId: hongshanHousing })).statusCode).toBe(404);
    expect((await post(hongshan, `/api/complaints/${id}/reveal-contact`, { reason: '核实投诉人身份信息' })).statusCode).toBe(404);
    const list = expectStatus(await get(hongshan, '/api/complaints?pageSize=200'), 200);
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await get(company, `/api/complaints/${id}`)).statusCode).toBe(403);
    expect((await get(company, '/api/complaints')).statusCode).toBe(403);
    // every staff view of a lead is logged; the refused ones are not views
    expectStatus(await get(coordinator, `/api/complaints/${id}`), 200);
    const views = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'complaint.view'), eq(auditLog.entityId, id)));
    expect(views.map((v) => v.actorName)).toEqual(['district-housing']);
  });

  it('reveals the contact only with a reason, and writes the reason to the audit log', async () => {
    const { id } = await newLead();
    expect((await post(coordinator, `/api/complaints/${id}/reveal-contact`, { reason: '' })).statusCode).toBe(422);
    const r = expectStatus(await post(coordinator, `/api/complaints/${id}/reveal-contact`, { reason: '电话回访需要完整号码' }), 200);
    expect(r).toEqual({ contactName: NAME, contactPhone: PHONE });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'complaint.reveal_contact')));
    expect(audit).toHaveLength(1);
    expect(audit[0].note).toBe('电话回访需要完整号码');
    expect(JSON.stringify(audit[0])).not.toContain(PHONE);
  });

  it('has nothing to reveal on an anonymous lead', async () => {
    const { id } = await newLead({ anonymous: true, contactName: null, contactPhone: null });
    const d = expectStatus(await get(coordinator, `/api/complaints/${id}`), 200);
    expect(d.contact).toBeNull();
    expect(d.allowedActions).not.toContain('reveal-contact');
    expect((await post(coordinator, `/api/complaints/${id}/reveal-contact`, { reason: '电话回访需要完整号码' })).statusCode).toBe(409);
  });
});

describe('the whole workflow, allowed and refused steps', () => {
  let id: string;
  let trackingCode: string;

  it('refuses steps out of order before dispatch', async () => {
    ({ id, trackingCode } = await newLead());
    const d = expectStatus(await get(coordinator, `/api/complaints/${id}`), 200);
    expect(d.allowedActions).toEqual(expect.arrayContaining(['dispatch', 'triage', 'merge']));
    expect(d.allowedActions).not.toContain('sign');
    expect(d.allowedActions).not.toContain('close');
    expect((await act(coordinator, id, 'sign')).statusCode).toBe(409);
    expect((await act(coordinator, id, 'close')).statusCode).toBe(409);
    expect((await act(coordinator, id, 'findings', { finding: 'substantiated', outcome: 'resolved_on_site', details: '现场核查属实' })).statusCode).toBe(409);
    // Housing leads are dispatched, not answered directly.
    expect((await act(coordinator, id, 'answer', { reply: GOOD_REPLY })).statusCode).toBe(409);
  });

  it('validates the dispatch target and refuses a dispatcher without the permission', async () => {
    expect((await act(coordinator, id, 'dispatch', { leadOrgUnitId: hongshanHousing })).statusCode).toBe(422);
    expect((await act(coordinator, id, 'dispatch', { leadOrgUnitId: 'nope' })).statusCode).toBe(422);
    expect((await act(market, id, 'dispatch', { leadOrgUnitId: housingUnit })).statusCode).toBe(403);
  });

  it('dispatches without naming units to the proposed ones: the lead department of the lead’s district', async () => {
    const lead = await newLead();
    const d = expectStatus(await act(coordinator, lead.id, 'dispatch'), 200);
    expect(d.status).toBe('dispatched');
    expect(d.leadOrgUnitId).toBe(housingUnit);
    // a lead that belongs to no campaign department cannot be dispatched automatically
    const other = await newLead({ description: '楼上邻居每天深夜在家里唱歌跳舞，吵得我们全家睡不着，希望有人管管' });
    expectStatus(await act(coordinator, other.id, 'triage', { category: 0, leadDepartment: 'none', coDepartments: [], urgent: false }), 200);
    const refused = expectStatus(await act(coordinator, other.id, 'dispatch'), 422);
    expect(refused.error.details.fields.leadOrgUnitId).toContain('请选择主办单位');
  });

  it('dispatches, starts the clock, and only the lead unit may sign or return', async () => {
    const d = expectStatus(await act(coordinator, id, 'dispatch', { leadOrgUnitId: housingUnit, coOrgUnitIds: [marketUnit] }), 200);
    expect(d.status).toBe('dispatched');
    expect(d.dispatchedAt).not.toBeNull();
    expect(d.sla.signDueAt).not.toBeNull();
    expect(d.sla.dueAt).not.toBeNull();
    expect(d.coOrgUnits.map((u: { id: string }) => u.id)).toEqual([marketUnit]);
    expect((await act(coordinator, id, 'dispatch', { leadOrgUnitId: housingUnit })).statusCode).toBe(409);
    expect((await act(market, id, 'sign')).statusCode).toBe(403);
    const seenByMarket = expectStatus(await get(market, `/api/complaints/${id}`), 200);
    expect(seenByMarket.allowedActions).not.toContain('sign');
    const seenByHousing = expectStatus(await get(coordinator, `/api/complaints/${id}`), 200);
    expect(seenByHousing.allowedActions).toEqual(expect.arrayContaining(['sign', 'return']));
  });

  it('lets the co-unit record its part (办理意见) on the timeline; units not on the lead cannot', async () => {
    const seenByMarket = expectStatus(await get(market, `/api/complaints/${id}`), 200);
    expect(seenByMarket.allowedActions).toContain('opinion');
    const d = expectStatus(await act(market, id, 'opinion', { note: '已核查该小区转供电收费，价格符合规定，未发现加价。' }), 200);
    expect(d.status).toBe('dispatched');
    const step = d.timeline.find((e: { action: string }) => e.action === 'opinion');
    expect(step.note).toContain('【协办单位】');
    expect((await act(market, id, 'opinion', { note: '' })).statusCode).toBe(422);
    const police = await t.login('district-police');
    expect((await act(police, id, 'opinion', { note: '公安分局意见：不涉及治安问题。' })).statusCode).toBe(403);
    const fresh = await newLead();
    expect((await act(coordinator, fresh.id, 'opinion', { note: '尚未派单时的意见' })).statusCode).toBe(409);
  });

  it('requires a real reason to return, caps returns at two and then makes the assignment final', async () => {
    expect((await act(coordinator, id, 'return', { reason: '不归我管' })).statusCode).toBe(422);
    const reason = '该事项为供水企业检修停水，不属于物业管理范畴，也不属于本局职责';
    const first = expectStatus(await act(coordinator, id, 'return', { reason }), 200);
    expect(first).toMatchObject({ status: 'returned', returnCount: 1, finalAssignment: false });
    expect(first.sla.dueAt).toBeTruthy();
    expect((await act(coordinator, id, 'return', { reason })).statusCode).toBe(409);
    expectStatus(await act(coordinator, id, 'dispatch', { leadOrgUnitId: housingUnit }), 200);
    const basis = '《湖北省物业服务和管理条例》第六条：供水设施的维护由供水单位负责';
    const second = expectStatus(await act(coordinator, id, 'return', { reason, basis }), 200);
    expect(second.returnCount).toBe(2);
    expect(second.timeline.at(-1).note).toContain(`职责依据：${basis}`);
    const final = expectStatus(await act(coordinator, id, 'dispatch', { leadOrgUnitId: housingUnit }), 200);
    expect(final.finalAssignment).toBe(true);
    expect(final.allowedActions).not.toContain('return');
    const refused = await act(coordinator, id, 'return', { reason });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('终审派单');
    const returns = await t.db.select().from(complaintReturns).where(eq(complaintReturns.complaintId, id));
    expect(returns.map((r) => r.orgUnitId)).toEqual([housingUnit, housingUnit]);
    const stats = expectStatus(await get(coordinator, '/api/complaints/stats/returns'), 200);
    expect(stats.items.find((s: { orgUnitId: string }) => s.orgUnitId === housingUnit)?.returns).toBeGreaterThanOrEqual(2);
  });

  it('signs, records findings (with the rules for each outcome) and refuses closing early', async () => {
    expect(expectStatus(await act(coordinator, id, 'sign', { note: '已签收' }), 200).status).toBe('accepted');
    expect((await act(coordinator, id, 'sign')).statusCode).toBe(409);
    expect((await act(coordinator, id, 'reply', { text: GOOD_REPLY })).statusCode).toBe(409);
    expect((await act(coordinator, id, 'findings', { finding: 'substantiated', outcome: 'rectification_ordered', details: '现场核查属实' })).statusCode).toBe(422);
    expect((await act(coordinator, id, 'findings', { finding: 'unsubstantiated', outcome: 'resolved_on_site', details: '现场核查属实' })).statusCode).toBe(422);
    expect((await act(coordinator, id, 'findings', { finding: 'maybe', outcome: 'resolved_on_site', details: '现场核查属实' })).statusCode).toBe(422);
    const d = expectStatus(await act(coordinator, id, 'findings', { finding: 'substantiated', outcome: 'resolved_on_site', details: '现场核查属实，已当场恢复供水' }), 200);
    expect(d).toMatchObject({ status: 'handled', finding: 'substantiated', outcome: 'resolved_on_site' });
    expect((await act(coordinator, id, 'close')).statusCode).toBe(409);
  });

  it('rejects template replies; only the unit leader approves; approval releases the reply', async () => {
    expect((await act(coordinator, id, 'reply', { text: '已处理' })).statusCode).toBe(422);
    expect((await act(coordinator, id, 'reply', { text: '您好，您反映的问题已处理，感谢您的监督。您好，您反映的问题已处理完毕，感谢您的支持！特此答复。' })).statusCode).toBe(422);
    expect(expectStatus(await act(coordinator, id, 'reply', { text: GOOD_REPLY }), 200).status).toBe('reply_pending');
    expect((await act(coordinator, id, 'approve-reply')).statusCode).toBe(403);
    expect((await act(coordinator, id, 'close')).statusCode).toBe(409);
    const rejected = expectStatus(await act(leader, id, 'reject-reply', { reason: '请补充约谈情况' }), 200);
    expect(rejected.status).toBe('handled');
    expectStatus(await act(coordinator, id, 'reply', { text: GOOD_REPLY }), 200);
    const approved = expectStatus(await act(leader, id, 'approve-reply'), 200);
    expect(approved.status).toBe('replied');
    expect(approved.reply.released).toBe(true);
    expect(approved.sla.followUpDueAt).not.toBeNull();
  });

  it('refuses closing before the follow-up, and "unreachable" when the resident left a phone', async () => {
    const closeEarly = await act(coordinator, id, 'close');
    expect(closeEarly.statusCode).toBe(409);
    expect(closeEarly.json().error.message).toContain('回访');
    expect((await act(coordinator, id, 'follow-up', { satisfaction: 'unreachable', note: '电话未接通' })).statusCode).toBe(422);
    const d = expectStatus(await act(coordinator, id, 'follow-up', { satisfaction: 'satisfied', note: '电话回访，已恢复供水' }), 200);
    expect(d.satisfaction).toBe('satisfied');
    expect((await act(coordinator, id, 'follow-up', { satisfaction: 'satisfied', note: '再次回访' })).statusCode).toBe(409);
    const closed = expectStatus(await act(coordinator, id, 'close', { note: '办结' }), 200);
    expect(closed.status).toBe('closed');
    expect(closed.allowedActions).toEqual(expect.arrayContaining(['rework']));
    expect(closed.allowedActions).not.toContain('close');
  });

  it('shows the resident a plain-language page without staff names, phones or contact data', async () => {
    const res = await get(null, `/api/public/complaints/${trackingCode.toLowerCase()}`);
    const page = expectStatus(res, 200);
    expect(page.status).toBe('closed');
    expect(page.reply.text).toBe(GOOD_REPLY);
    expect(page.timeline.length).toBeGreaterThanOrEqual(5);
    for (const forbidden of ['吴嘉禾', '冯远山', '朱可欣', PHONE, NAME, '1390000', '027-5990', '退单理由']) {
      expect(res.body).not.toContain(forbidden);
    }
    // The handling unit is named once, as 承办单位 (issue 15); the timeline still names no unit.
    expect(page.handlingUnit).toBe('东湖风景区建设（房管）局');
    expect(JSON.stringify(page.timeline)).not.toContain('东湖风景区建设');
    expect((await get(null, '/api/public/complaints/ZZZZZZZZZZ')).statusCode).toBe(404);
  });

  it('reworks a closed lead when the fix did not hold, and counts it', async () => {
    expect((await act(market, id, 'rework', { reason: '复发' })).statusCode).toBe(403);
    const d = expectStatus(await act(supervisor, id, 'rework', { reason: '回访抽查发现问题复发' }), 200);
    expect(d).toMatchObject({ status: 'accepted', reworkCount: 1 });
    expect(d.reply.released).toBe(false);
  });

  it('keeps every step on the timeline with actor and unit', async () => {
    const d = expectStatus(await get(coordinator, `/api/complaints/${id}`), 200);
    const actions = d.timeline.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'create', 'dispatch', 'opinion', 'return', 'dispatch', 'return', 'dispatch', 'sign', 'findings', 'reply', 'reject-reply', 'reply', 'approve-reply', 'follow-up', 'close', 'rework',
    ]);
    const sign = d.timeline.find((e: { action: string }) => e.action === 'sign');
    expect(sign).toMatchObject({ actorName: '吴嘉禾', orgUnitName: '东湖风景区建设（房管）局', fromStatus: 'dispatched', toStatus: 'accepted' });
  });
});

describe('the resident rates the reply on the tracking page', () => {
  async function repliedLead() {
    const lead = await newLead();
    await act(coordinator, lead.id, 'dispatch', { leadOrgUnitId: housingUnit });
    await act(coordinator, lead.id, 'sign');
    await act(coordinator, lead.id, 'findings', { finding: 'substantiated', outcome: 'resolved_on_site', details: '现场核查属实，已恢复供水' });
    await act(coordinator, lead.id, 'reply', { text: GOOD_REPLY });
    expectStatus(await act(leader, lead.id, 'approve-reply'), 200);
    return lead;
  }

  it('refuses a rating before the reply is released', async () => {
    const { trackingCode } = await newLead();
    const page = expectStatus(await get(null, `/api/public/complaints/${trackingCode}`), 200);
    expect(page.canRate).toBe(false);
    expect((await post(coordinator, `/api/public/complaints/${trackingCode}/rating`, { satisfaction: 'satisfied' })).statusCode).toBe(409);
  });

  it('records a satisfied rating as the follow-up, after which the lead can be closed', async () => {
    const { id, trackingCode } = await repliedLead();
    expect(expectStatus(await get(null, `/api/public/complaints/${trackingCode}`), 200).canRate).toBe(true);
    const page = expectStatus(await t.as(null, { method: 'POST', url: `/api/public/complaints/${trackingCode}/rating`, payload: { satisfaction: 'basically_satisfied' } }), 200);
    expect(page).toMatchObject({ canRate: false, satisfaction: 'basically_satisfied' });
    expect((await t.as(null, { method: 'POST', url: `/api/public/complaints/${trackingCode}/rating`, payload: { satisfaction: 'satisfied' } })).statusCode).toBe(409);
    expect(expectStatus(await act(coordinator, id, 'close'), 200).status).toBe('closed');
  });

  it('sends the lead back for rework when the resident is dissatisfied', async () => {
    const { id, trackingCode } = await repliedLead();
    await t.as(null, { method: 'POST', url: `/api/public/complaints/${trackingCode}/rating`, payload: { satisfaction: 'dissatisfied', comment: '水压还是不够' } });
    const d = expectStatus(await get(coordinator, `/api/complaints/${id}`), 200);
    expect(d).toMatchObject({ status: 'accepted', reworkCount: 1 });
  });
});

describe('leads outside the campaign departments', () => {
  it('are answered directly by the coordinator, approved, followed up and closed', async () => {
    const { id } = await newLead({ description: '楼上邻居每天半夜装修噪音很大，沟通也没有用', projectId: null, leadDepartment: 'none', category: 0, coDepartments: [] });
    const d0 = expectStatus(await get(coordinator, `/api/complaints/${id}`), 200);
    expect(d0.allowedActions).toContain('answer');
    expect((await act(coordinator, id, 'answer', { reply: '已处理' })).statusCode).toBe(422);
    const reply = '您反映的邻居装修噪音问题不属于物业专项整治部门职责。根据相关规定，夜间施工噪音可拨打110报警，由公安机关依法处理；也可向社区居委会申请调解。';
    expect(expectStatus(await act(coordinator, id, 'answer', { reply }), 200).status).toBe('reply_pending');
    expect(expectStatus(await act(leader, id, 'approve-reply'), 200).status).toBe('replied');
    await act(coordinator, id, 'follow-up', { satisfaction: 'satisfied', note: '已告知处理途径' });
    expect(expectStatus(await act(coordinator, id, 'close'), 200).status).toBe('closed');
  });

  it('closes an anonymous lead with an "unreachable" follow-up', async () => {
    const { id } = await newLead({ anonymous: true, contactName: null, contactPhone: null });
    await act(coordinator, id, 'dispatch', { leadOrgUnitId: housingUnit });
    await act(coordinator, id, 'sign');
    await act(coordinator, id, 'findings', { finding: 'unsubstantiated', outcome: 'not_substantiated', details: '现场核查，3栋供水正常' });
    await act(coordinator, id, 'reply', { text: GOOD_REPLY });
    await act(leader, id, 'approve-reply');
    expectStatus(await act(coordinator, id, 'follow-up', { satisfaction: 'unreachable', note: '匿名反映，无法回访' }), 200);
    expect(expectStatus(await act(coordinator, id, 'close'), 200).status).toBe('closed');
  });
});

describe('region filter', () => {
  it('accepts a GB/T 2260 code (all digits), a custom code and a region id, and only narrows the scope', async () => {
    const city = await t.login('city-coordinator');
    const list = async (cookie: string, region: string) =>
      expectStatus(await t.as(cookie, { method: 'GET', url: `/api/complaints?pageSize=200&region=${encodeURIComponent(region)}` }), 200) as {
        total: number;
        items: { regionName: string }[];
      };
    const hs = await list(city, '420111');
    const dh = await list(city, '420100-DH');
    expect(hs.total).toBeGreaterThan(0);
    expect(dh.total).toBeGreaterThan(0);
    const [hsRegion] = await t.db.select({ id: regions.id }).from(regions).where(eq(regions.code, '420111'));
    expect((await list(city, String(hsRegion.id))).total).toBe(hs.total);
    // 东湖 staff filtering on 洪山 see nothing; an unknown region matches nothing.
    expect((await list(coordinator, '420111')).total).toBe(0);
    expect((await list(city, '999999')).total).toBe(0);
  });
});
