import { and, eq, inArray, isNotNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, complaintRecalls, complaints, orgUnits, projects, regions } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * 回访抽查 (SPEC §5: supervisors re-call a sample of closed leads themselves to catch inflated
 * satisfaction): the sample (scope, eligibility, period), permissions, the one-per-lead rule,
 * a contradicted re-call reopening the lead for rework, the statistics and the audit trail.
 */

let t: TestContext;
let coordinator: string; // district-housing: 东湖 coordinator + housing officer, no complaint:supervise
let leader: string; // district-housing-leader
let supervisor: string; // district-supervisor: 东湖 依法治区办, complaint:supervise
let hongshan: string; // other-district-housing: 洪山 coordinator
let hongshanLeader: string;
let projectId: string;
let housingUnit: string;
let hongshanHousing: string;

const REPLY =
  '经现场核查，您反映的楼道堆物堵塞消防通道的情况属实。我局已责令物业服务企业当日清理完毕，并要求其建立每日巡查制度，后续将组织复查，确保问题不再发生。';

const post = (cookie: string, url: string, payload: unknown = {}) => t.as(cookie, { method: 'POST', url, payload: payload as object });
const get = (cookie: string, url: string) => t.as(cookie, { method: 'GET', url });
const act = (cookie: string, id: string, action: string, payload: unknown = {}) => post(cookie, `/api/complaints/${id}/${action}`, payload);
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

/** A lead taken through the whole workflow to 办结, with the given follow-up satisfaction. */
async function closedLead(extra: Record<string, unknown> = {}, satisfaction = 'satisfied') {
  const anonymous = extra.anonymous === true;
  const { id } = expectStatus(
    await post(coordinator, '/api/complaints', {
      channel: 'phone',
      description: '小区5栋楼道里堆满杂物，消防通道被堵，物业一直不清理',
      contactName: anonymous ? null : '司马清风',
      contactPhone: anonymous ? null : '13900004321',
      projectId,
      ...extra,
    }),
    201,
  );
  expectStatus(await act(coordinator, id, 'dispatch', { leadOrgUnitId: housingUnit }), 200);
  expectStatus(await act(coordinator, id, 'sign'), 200);
  expectStatus(await act(coordinator, id, 'findings', { finding: 'substantiated', outcome: 'resolved_on_site', details: '现场核查属实，已督促当场清理' }), 200);
  expectStatus(await act(coordinator, id, 'reply', { text: REPLY }), 200);
  expectStatus(await act(leader, id, 'approve-reply'), 200);
  expectStatus(await act(coordinator, id, 'follow-up', { satisfaction: anonymous ? 'unreachable' : satisfaction, note: '电话回访' }), 200);
  expect(expectStatus(await act(coordinator, id, 'close'), 200).status).toBe('closed');
  return id;
}

let closedA: string;
let closedB: string;
let closedC: string;
let closedOld: string;
let closedAnonymous: string;
let closedConfidential: string;
let closedHongshan: string;
let openLead: string;

beforeAll(async () => {
  t = await createTestContext();
  [coordinator, leader, supervisor, hongshan, hongshanLeader] = await Promise.all(
    ['district-housing', 'district-housing-leader', 'district-supervisor', 'other-district-housing', 'other-district-housing-leader'].map((u) => t.login(u)),
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
  hongshanHousing = await unit('洪山区住房和城市更新局');

  closedA = await closedLead();
  closedB = await closedLead();
  closedC = await closedLead();
  closedOld = await closedLead();
  closedAnonymous = await closedLead({ anonymous: true });
  closedConfidential = await closedLead({ confidential: true });
  // Closed 200 days ago: outside the default period (the last 90 days).
  await t.db
    .update(complaints)
    .set({ closedAt: new Date(Date.now() - 200 * 86_400_000) })
    .where(eq(complaints.id, closedOld));

  // A closed lead in 洪山, outside the 东湖 supervisor's jurisdiction.
  const hs = expectStatus(
    await post(hongshan, '/api/complaints', { channel: 'phone', description: '小区电梯停运一周，物业不修，老人上下楼困难', contactName: '东方既白', contactPhone: '13900004322' }),
    201,
  );
  closedHongshan = hs.id;
  expectStatus(await act(hongshan, hs.id, 'dispatch', { leadOrgUnitId: hongshanHousing }), 200);
  expectStatus(await act(hongshan, hs.id, 'sign'), 200);
  expectStatus(await act(hongshan, hs.id, 'findings', { finding: 'substantiated', outcome: 'resolved_on_site', details: '现场核查属实，电梯已修复' }), 200);
  expectStatus(await act(hongshan, hs.id, 'reply', { text: REPLY }), 200);
  expectStatus(await act(hongshanLeader, hs.id, 'approve-reply'), 200);
  expectStatus(await act(hongshan, hs.id, 'follow-up', { satisfaction: 'satisfied', note: '电话回访' }), 200);
  expectStatus(await act(hongshan, hs.id, 'close'), 200);

  openLead = expectStatus(await post(coordinator, '/api/complaints', { channel: 'phone', description: '物业把小区绿地改成收费停车位', contactPhone: '13900004323', projectId }), 201).id;
});
afterAll(() => t.close());

describe('the re-call sample', () => {
  it('is for supervisors only', async () => {
    expect((await get(coordinator, '/api/complaints/recall-sample')).statusCode).toBe(403);
    expect((await get(hongshan, '/api/complaints/recall-sample')).statusCode).toBe(403);
    expect((await get(coordinator, '/api/complaints/recall-stats')).statusCode).toBe(403);
    expectStatus(await get(supervisor, '/api/complaints/recall-sample'), 200);
  });

  it('draws only closed leads in scope, with a phone, not anonymous or confidential, closed in the period', async () => {
    const page = expectStatus(await get(supervisor, '/api/complaints/recall-sample?size=50'), 200);
    // The whole pool fits in one sample of 50 here, so every eligible lead must be in it.
    expect(page.poolSize).toBeLessThanOrEqual(50);
    expect(page.items).toHaveLength(page.poolSize);
    const got = ids(page);
    expect(got).toEqual(expect.arrayContaining([closedA, closedB, closedC]));
    for (const excluded of [closedOld, closedAnonymous, closedConfidential, closedHongshan, openLead]) expect(got).not.toContain(excluded);
    const rows = await t.db
      .select({ status: complaints.status, anonymous: complaints.anonymous, confidential: complaints.confidential, phone: complaints.contactPhoneEnc, path: regions.path })
      .from(complaints)
      .innerJoin(regions, eq(regions.id, complaints.regionId))
      .where(inArray(complaints.id, got));
    expect(rows).toHaveLength(got.length);
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'closed', anonymous: false, confidential: false });
      expect(r.phone).not.toBeNull();
      expect(r.path).toContain('/420100-DH/');
    }
    // List items only: no contact data in the sample.
    expect(JSON.stringify(page)).not.toContain('13900004321');
    expect(page.items[0]).not.toHaveProperty('contact');
  });

  it('honours the period and the sample size', async () => {
    const old = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
    const before = new Date(Date.now() - 199 * 86_400_000).toISOString().slice(0, 10);
    const page = expectStatus(await get(supervisor, `/api/complaints/recall-sample?size=50&from=${old}&to=${before}`), 200);
    expect(ids(page)).toContain(closedOld);
    expect(ids(page)).not.toContain(closedA);
    const two = expectStatus(await get(supervisor, '/api/complaints/recall-sample?size=2'), 200);
    expect(two.items).toHaveLength(2);
    expect(new Set(ids(two)).size).toBe(2);
    expect((await get(supervisor, '/api/complaints/recall-sample?size=500')).statusCode).toBe(422);
    expect((await get(supervisor, '/api/complaints/recall-sample?from=2024-01-01&to=2026-06-30')).statusCode).toBe(422);
  });
});

describe('recording a re-call', () => {
  it('offers the action to the supervisor on a closed lead not yet re-called, and only there', async () => {
    expect(expectStatus(await get(supervisor, `/api/complaints/${closedA}`), 200).allowedActions).toContain('recall');
    expect(expectStatus(await get(coordinator, `/api/complaints/${closedA}`), 200).allowedActions).not.toContain('recall');
    expect(expectStatus(await get(supervisor, `/api/complaints/${openLead}`), 200).allowedActions).not.toContain('recall');
    expect(expectStatus(await get(supervisor, `/api/complaints/${closedAnonymous}`), 200).allowedActions).not.toContain('recall');
  });

  it('refuses users without complaint:supervise, leads out of scope, open and anonymous leads, and bad input', async () => {
    const body = { result: 'confirmed', satisfaction: 'satisfied', note: '电话回访，情况属实' };
    expect((await act(coordinator, closedA, 'recall', body)).statusCode).toBe(403);
    expect((await act(supervisor, closedHongshan, 'recall', body)).statusCode).toBe(404);
    const open = await act(supervisor, openLead, 'recall', body);
    expect(open.statusCode).toBe(409);
    expect(open.json().error.message).toContain('已办结');
    expect((await act(supervisor, closedAnonymous, 'recall', body)).statusCode).toBe(409);
    expect((await act(supervisor, closedA, 'recall', { result: 'not_reached', satisfaction: 'satisfied', note: '三次未接通' })).statusCode).toBe(422);
    expect((await act(supervisor, closedA, 'recall', { result: 'confirmed', satisfaction: 'dissatisfied', note: '投诉人不满意' })).statusCode).toBe(422);
    expect((await act(supervisor, closedA, 'recall', { result: 'maybe', note: '情况属实' })).statusCode).toBe(422);
    expect(await t.db.select().from(complaintRecalls)).toHaveLength(0);
  });

  it('records a confirmed re-call once, leaving the lead closed', async () => {
    const d = expectStatus(await act(supervisor, closedA, 'recall', { result: 'confirmed', satisfaction: 'basically_satisfied', note: '投诉人表示已清理，基本满意' }), 200);
    expect(d).toMatchObject({ status: 'closed', reworkCount: 0 });
    expect(d.recall).toMatchObject({ result: 'confirmed', resultLabel: '与记录一致', satisfaction: 'basically_satisfied', recordedSatisfaction: 'satisfied', byName: '郑雨桐' });
    expect(d.allowedActions).not.toContain('recall');
    expect(d.timeline.at(-1)).toMatchObject({ action: 'recall', actionLabel: '回访抽查', actorName: '郑雨桐' });
    const again = await act(supervisor, closedA, 'recall', { result: 'contradicted', satisfaction: 'dissatisfied', note: '再次回访' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('只抽查一次');
    const [row] = await t.db.select().from(complaintRecalls).where(eq(complaintRecalls.complaintId, closedA));
    expect(row).toMatchObject({ result: 'confirmed', satisfaction: 'basically_satisfied', recordedSatisfaction: 'satisfied', leadOrgUnitId: housingUnit });
    // A re-called lead is not drawn again.
    expect(ids(expectStatus(await get(supervisor, '/api/complaints/recall-sample?size=50'), 200))).not.toContain(closedA);
  });

  it('records "not reached" without a satisfaction and without reopening', async () => {
    const d = expectStatus(await act(supervisor, closedB, 'recall', { result: 'not_reached', note: '三次拨打均未接通' }), 200);
    expect(d).toMatchObject({ status: 'closed', reworkCount: 0 });
    expect(d.recall).toMatchObject({ result: 'not_reached', satisfaction: null });
  });

  it('reopens a contradicted lead for rework with a new reply deadline', async () => {
    // Make the lead older: its original reply deadline is long past.
    const oldDue = new Date('2026-06-30T23:59:59.999+08:00');
    await t.db.update(complaints).set({ dueAt: oldDue }).where(eq(complaints.id, closedC));
    const d = expectStatus(await act(supervisor, closedC, 'recall', { result: 'contradicted', satisfaction: 'dissatisfied', note: '投诉人说杂物只清了一半，问题依旧' }), 200);
    expect(d).toMatchObject({ status: 'accepted', reworkCount: 1, closedAt: null });
    expect(d.reply.released).toBe(false);
    expect(new Date(d.sla.dueAt).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(d.sla.dueAt).getTime()).not.toBe(oldDue.getTime());
    expect(d.sla).toMatchObject({ currentKind: 'reply', overdue: false });
    const tail = d.timeline.slice(-2).map((e: { action: string; fromStatus: string; toStatus: string }) => [e.action, e.fromStatus, e.toStatus]);
    expect(tail).toEqual([
      ['recall', 'closed', 'closed'],
      ['rework', 'closed', 'accepted'],
    ]);
    expect(d.timeline.at(-2).note).toContain('与记录不符');
    expect(d.recall).toMatchObject({ result: 'contradicted', recordedSatisfaction: 'satisfied', satisfaction: 'dissatisfied' });
    // Reopened: the lead unit handles it again; it cannot be re-called a second time once closed again.
    expect(expectStatus(await get(coordinator, `/api/complaints/${closedC}`), 200).allowedActions).toContain('findings');
  });

  it('writes an audit row for every re-call, in the supervisor’s name', async () => {
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, 'complaint.recall'));
    expect(rows.map((r) => r.entityId).sort()).toEqual([closedA, closedB, closedC].sort());
    const contradicted = rows.find((r) => r.entityId === closedC);
    expect(contradicted?.before).toMatchObject({ status: 'closed' });
    expect(contradicted?.after).toMatchObject({ status: 'accepted' });
    expect(JSON.stringify(rows)).not.toContain('13900004321');
  });
});

describe('re-call statistics', () => {
  it('counts re-calls per lead unit, the contradiction rate and satisfaction mismatches', async () => {
    const stats = expectStatus(await get(supervisor, '/api/complaints/recall-stats'), 200);
    const housing = stats.items.find((i: { orgUnitId: string | null }) => i.orgUnitId === housingUnit);
    expect(housing).toEqual({
      orgUnitId: housingUnit,
      orgUnitName: '东湖风景区建设（房管）局',
      recalled: 3,
      confirmed: 1,
      notReached: 1,
      contradicted: 1,
      // 1 contradicted of the 2 residents reached.
      contradictionRate: 0.5,
      // Recorded 满意: 基本满意 on re-call (A) and 不满意 (C); B was not reached.
      satisfactionMismatches: 2,
    });
    expect(stats.total).toMatchObject({ recalled: 3, contradicted: 1, contradictionRate: 0.5, satisfactionMismatches: 2 });
  });

  it('filters by the re-call date', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const none = expectStatus(await get(supervisor, `/api/complaints/recall-stats?from=${tomorrow}`), 200);
    expect(none.items).toEqual([]);
    expect(none.total).toMatchObject({ recalled: 0, contradictionRate: null });
  });
});
