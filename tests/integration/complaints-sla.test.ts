import { and, eq, isNotNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { complaintEscalations, complaintTimeLimits, complaints, orgUnits, projects, regions } from '../../server/db/schema/index.js';
import { isWorkingDay } from '../../server/modules/calendar/calendar.service.js';
import { escalateOverdue } from '../../server/modules/complaints/complaints.service.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * Time limits on the working-day calendar (2026 National Day: Oct 1–7 off, Sat Oct 10 worked),
 * the clock across returns, extensions, due-soon/overdue flags and the escalation job.
 * The clock of the process is set with fake Dates; users log in again after each jump.
 */

let t: TestContext;
let projectId: string;
let housingUnit: string;
let coordinator: string;
let supervisor: string;

const endOfDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();

async function at(iso: string) {
  vi.setSystemTime(new Date(iso));
  coordinator = await t.login('district-housing');
  supervisor = await t.login('district-supervisor');
}

const post = (cookie: string, url: string, payload: unknown = {}) => t.as(cookie, { method: 'POST', url, payload: payload as object });
const act = (cookie: string, id: string, action: string, payload: unknown = {}) => post(cookie, `/api/complaints/${id}/${action}`, payload);
const detail = async (id: string) => expectStatus(await t.as(coordinator, { method: 'GET', url: `/api/complaints/${id}` }), 200);

async function dispatchedLead(extra: Record<string, unknown> = {}) {
  const { id } = expectStatus(
    await post(coordinator, '/api/complaints', {
      channel: 'phone',
      description: '物业以欠费为由关闭了我家水阀，已经停水一天',
      contactPhone: '13900001111',
      projectId,
      urgent: false,
      ...extra,
    }),
    201,
  );
  const d = expectStatus(await act(coordinator, id, 'dispatch', { leadOrgUnitId: housingUnit }), 200);
  return { id, d };
}

beforeAll(async () => {
  t = await createTestContext();
  vi.useFakeTimers({ toFake: ['Date'] });
  const [p] = await t.db
    .select({ id: projects.id })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(and(like(regions.path, '%/420100-DH/%'), isNotNull(projects.enterpriseId)))
    .limit(1);
  projectId = p.id;
  housingUnit = (await t.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.name, '东湖风景区建设（房管）局')))[0].id;
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('deadlines on the working-day calendar', () => {
  let lead: string;

  it('uses the seeded 2026 National Day arrangement', async () => {
    expect(await isWorkingDay(t.db, '2026-10-01')).toBe(false);
    expect(await isWorkingDay(t.db, '2026-10-07')).toBe(false);
    expect(await isWorkingDay(t.db, '2026-10-10')).toBe(true);
  });

  it('starts the clock at dispatch: sign by the next working day, reply within 15 working days', async () => {
    await at('2026-09-30T10:00:00+08:00');
    const { id, d } = await dispatchedLead();
    lead = id;
    expect(new Date(d.dispatchedAt).toISOString()).toBe(new Date('2026-09-30T10:00:00+08:00').toISOString());
    // Oct 1–7 are holidays: the next working day after Sep 30 is Oct 8.
    expect(new Date(d.sla.signDueAt).toISOString()).toBe(endOfDay('2026-10-08'));
    // Oct 8, 9, 10 (adjusted working Saturday), 12–16, 19–23, 26, 27.
    expect(new Date(d.sla.dueAt).toISOString()).toBe(endOfDay('2026-10-27'));
    expect(d.sla.actDueAt).toBeNull();
    expect(d.sla.currentKind).toBe('sign');
  });

  it('keeps the clock running through a return and re-dispatch', async () => {
    await at('2026-10-08T09:00:00+08:00');
    const returned = expectStatus(await act(coordinator, lead, 'return', { reason: '停水系供水公司管网检修造成，不属于物业管理问题，也不属于本单位职责' }), 200);
    expect(returned.status).toBe('returned');
    await at('2026-10-08T15:00:00+08:00');
    const again = expectStatus(await act(coordinator, lead, 'dispatch', { leadOrgUnitId: housingUnit }), 200);
    expect(new Date(again.dispatchedAt).toISOString()).toBe(new Date('2026-09-30T10:00:00+08:00').toISOString());
    expect(new Date(again.sla.signDueAt).toISOString()).toBe(endOfDay('2026-10-08'));
    expect(new Date(again.sla.dueAt).toISOString()).toBe(endOfDay('2026-10-27'));
    expect(again.sla.dueSoon).toBe(true);
    expect(again.sla.overdue).toBe(false);
  });

  it('flags the lead overdue the day after and escalates it to the supervisor once', async () => {
    await at('2026-10-09T09:00:00+08:00');
    const d = await detail(lead);
    expect(d.sla.overdue).toBe(true);
    const list = expectStatus(await t.as(coordinator, { method: 'GET', url: '/api/complaints?overdue=true&pageSize=200' }), 200);
    expect(list.items.find((i: { id: string }) => i.id === lead)).toMatchObject({ overdue: true });
    const box = expectStatus(await t.as(coordinator, { method: 'GET', url: '/api/complaints?box=overdue&pageSize=200' }), 200);
    expect(box.items.map((i: { id: string }) => i.id)).toContain(lead);
    // each department's 已超期 box holds its own leads: housing's leader sees it, market regulation does not
    const boxOf = async (user: string) =>
      expectStatus(await t.as(await t.login(user), { method: 'GET', url: '/api/complaints?box=overdue&pageSize=200' }), 200).items.map((i: { id: string }) => i.id);
    expect(await boxOf('district-housing-leader')).toContain(lead);
    expect(await boxOf('district-market')).not.toContain(lead);

    expect(await escalateOverdue(t.db)).toBeGreaterThanOrEqual(1);
    await escalateOverdue(t.db);
    const rows = await t.db.select().from(complaintEscalations).where(eq(complaintEscalations.complaintId, lead));
    expect(rows).toHaveLength(1);
    expect(rows[0].kind).toBe('sign');
    const rol = (await t.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.name, '东湖风景区依法治区办')))[0].id;
    expect(rows[0].notifiedOrgUnitId).toBe(rol);
    const after = await detail(lead);
    expect(after.timeline.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(1);
    expect(after.escalations).toHaveLength(1);
  });

  it('moves on to the reply deadline once signed, due soon two working days before it', async () => {
    expectStatus(await act(coordinator, lead, 'sign'), 200);
    let d = await detail(lead);
    expect(d.sla).toMatchObject({ currentKind: 'reply', overdue: false, dueSoon: false });
    await at('2026-10-26T10:00:00+08:00');
    d = await detail(lead);
    expect(d.sla).toMatchObject({ currentKind: 'reply', overdue: false, dueSoon: true });
    const box = expectStatus(await t.as(coordinator, { method: 'GET', url: '/api/complaints?box=due_soon&pageSize=200' }), 200);
    expect(box.items.map((i: { id: string }) => i.id)).toContain(lead);
  });

  it('extends the deadline on request before it and on approval, in working days', async () => {
    const req = await act(coordinator, lead, 'extension-request', { days: 3, reason: '需协调供水公司联合检测管网' });
    const d = expectStatus(req, 200);
    expect(d.sla.extensions).toHaveLength(1);
    expect((await act(coordinator, lead, 'extension-request', { days: 2, reason: '再次申请延期' })).statusCode).toBe(409);
    const ext = d.sla.extensions[0].id;
    expect((await act(supervisor, lead, 'extension-decision', { extensionId: ext, approve: false })).statusCode).toBe(422);
    const approved = expectStatus(await act(supervisor, lead, 'extension-decision', { extensionId: ext, approve: true, note: '同意' }), 200);
    // Oct 27 + 3 working days → Oct 30.
    expect(new Date(approved.sla.dueAt).toISOString()).toBe(endOfDay('2026-10-30'));
    expect(approved.sla.extensions[0]).toMatchObject({ status: 'approved' });
    expect((await act(supervisor, lead, 'extension-decision', { extensionId: ext, approve: true })).statusCode).toBe(409);
  });

  it('refuses an extension requested after the deadline', async () => {
    await at('2026-09-30T11:00:00+08:00');
    const { id } = await dispatchedLead();
    await act(coordinator, id, 'sign');
    await at('2026-10-28T09:00:00+08:00');
    const late = await act(coordinator, id, 'extension-request', { days: 3, reason: '需协调供水公司联合检测管网' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('期限');
    expect((await detail(id)).allowedActions).not.toContain('extension-request');
  });
});

describe('urgent leads and campaign time limits', () => {
  it('gives urgent leads 2 hours to sign and 24 hours to act', async () => {
    await at('2026-09-30T22:00:00+08:00');
    const { d } = await dispatchedLead({ urgent: true, description: '物业保安正在小区门口打人，已经十分钟了，快来人' });
    expect(d.urgent).toBe(true);
    expect(new Date(d.sla.signDueAt).toISOString()).toBe(new Date('2026-10-01T00:00:00+08:00').toISOString());
    expect(new Date(d.sla.actDueAt).toISOString()).toBe(new Date('2026-10-01T22:00:00+08:00').toISOString());
    // Not 即将超期 the moment the 2-hour limit starts: only in its last fifth (issue 15).
    expect(d.sla.dueSoon).toBe(false);
  });

  it('applies a campaign’s time limits for the lead department', async () => {
    await at('2026-09-30T10:00:00+08:00');
    const { id } = await dispatchedLead();
    const [row] = await t.db.select({ campaignId: complaints.campaignId }).from(complaints).where(eq(complaints.id, id));
    expect(row.campaignId).not.toBeNull();
    await t.db.insert(complaintTimeLimits).values({ campaignId: row.campaignId as string, leadDepartment: 'housing', signDays: 2, closeDays: 10 });
    const { d } = await dispatchedLead();
    expect(new Date(d.sla.signDueAt).toISOString()).toBe(endOfDay('2026-10-09'));
    // Oct 8, 9, 10, 12, 13, 14, 15, 16, 19, 20.
    expect(new Date(d.sla.dueAt).toISOString()).toBe(endOfDay('2026-10-20'));
  });
});

describe('挂牌督办 deadline', () => {
  it('binds when earlier than the lead’s own deadline: overdue and escalated the day after it', async () => {
    await at('2026-10-12T09:00:00+08:00');
    const { id } = await dispatchedLead();
    await act(coordinator, id, 'sign');
    expectStatus(await act(supervisor, id, 'supervise', { deadline: '2026-10-14', note: '群众反映强烈，限期查处' }), 200);
    let d = await detail(id);
    expect(d.sla.currentKind).toBe('supervision');
    expect(new Date(d.sla.currentDueAt).toISOString()).toBe(endOfDay('2026-10-14'));
    expect(d.sla.overdue).toBe(false);
    await at('2026-10-15T09:00:00+08:00');
    d = await detail(id);
    expect(d.sla.overdue).toBe(true);
    expect(new Date(d.sla.dueAt) > new Date()).toBe(true); // the reply deadline itself is still ahead
    expect(await escalateOverdue(t.db, new Date())).toBeGreaterThanOrEqual(1);
    const [esc] = await t.db.select().from(complaintEscalations).where(eq(complaintEscalations.complaintId, id));
    expect(esc.kind).toBe('supervision');
  });
});

describe('超期升级: escalated leads in the supervisor’s inbox', () => {
  const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
  const escalatedBox = async (cookie: string) => expectStatus(await t.as(cookie, { method: 'GET', url: '/api/complaints?box=escalated&pageSize=200' }), 200);

  it('lists a lead escalated by the job for the district supervisor (not for 洪山), until it is handled', async () => {
    await at('2026-09-30T10:00:00+08:00');
    const { id: lead } = await dispatchedLead();
    // Overdue (the campaign limits set above give 2 working days to sign: by Oct 9) but the job has
    // not run yet: not escalated, not in the box.
    await at('2026-10-10T09:00:00+08:00');
    expect((await detail(lead)).sla.overdue).toBe(true);
    expect(ids(await escalatedBox(supervisor))).not.toContain(lead);

    await escalateOverdue(t.db);
    const hongshan = await t.login('other-district-housing');
    const box = await escalatedBox(supervisor);
    expect(ids(box)).toContain(lead);
    expect(box.items.find((i: { id: string }) => i.id === lead).lastEscalatedAt).not.toBeNull();
    expect(ids(await escalatedBox(coordinator))).toContain(lead);
    expect(ids(await escalatedBox(hongshan))).not.toContain(lead);

    // The detail shows the escalation (with the supervisor's unit), and the job put it on the timeline.
    const d = await detail(lead);
    expect(d.escalations).toHaveLength(1);
    expect(d.escalations[0]).toMatchObject({ kind: 'sign', kindLabel: '签收期限', notifiedOrgUnitName: '东湖风景区依法治区办' });
    const event = d.timeline.find((e: { action: string }) => e.action === 'escalate');
    expect(event).toMatchObject({ actorName: '系统', actionLabel: '超期督办提醒' });
    expect(event.note).toContain('签收期限');

    // Still past the deadline two days later: still in the box.
    await at('2026-10-12T09:00:00+08:00');
    expect(ids(await escalatedBox(supervisor))).toContain(lead);

    // Signed: the reply deadline (Oct 20) applies now, so it is no longer escalated-and-overdue.
    expectStatus(await act(coordinator, lead, 'sign'), 200);
    expect(ids(await escalatedBox(supervisor))).not.toContain(lead);
    expect((await detail(lead)).escalations).toHaveLength(1);
  });
});
