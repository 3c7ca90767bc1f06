import { and, eq, gte, isNotNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calendarDays, calendarYears, orgUnits, projects, regions } from '../../server/db/schema/index.js';
import { invalidateCalendarCache } from '../../server/modules/calendar/calendar.service.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * No calendar cliff (issue 14): the whole complaint loop across the turn of 2026/2027 with no
 * official 2027 arrangement entered — deadlines are computed on the provisional calendar (weekends
 * and the statutory holidays by rule, no 调休) and marked; then an administrator enters the 2027
 * arrangement, the open lead's deadline is recomputed and the change is on its timeline.
 * The process clock is set with fake Dates (China time); users log in again after each jump.
 */

let t: TestContext;
let projectId: string;
let housingUnit: string;
let coordinator: string;
let leader: string;
let admin: string;

const endOfDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();
const post = (cookie: string, url: string, payload: unknown = {}) => t.as(cookie, { method: 'POST', url, payload: payload as object });
const act = (cookie: string, id: string, action: string, payload: unknown = {}) => post(cookie, `/api/complaints/${id}/${action}`, payload);
const detail = async (id: string) => expectStatus(await t.as(coordinator, { method: 'GET', url: `/api/complaints/${id}` }), 200);

async function at(iso: string) {
  vi.setSystemTime(new Date(iso));
  [coordinator, leader, admin] = await Promise.all(['district-housing', 'district-housing-leader', 'admin'].map((u) => t.login(u)));
}

/** Made up for the test: 元旦 1 January plus a 补休 Monday 4 January, which the rule cannot know. */
const ARRANGEMENT_2027 = {
  year: 2027,
  source: '测试用安排（非官方）',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-04', name: '元旦' },
  ],
  workdays: [],
};

const GOOD_REPLY =
  '经现场核查，您反映的物业以欠费为由关闭3栋供水阀门的情况属实。我局已责令物业服务企业当日恢复供水，并约谈企业负责人，要求其通过法律途径催缴物业费，不得以停水方式催费。';

beforeAll(async () => {
  t = await createTestContext();
  vi.useFakeTimers({ toFake: ['Date'] });
  // Whatever the package or an admin entered for 2027 onwards is removed: the provisional path is under test.
  await t.db.delete(calendarDays).where(gte(calendarDays.date, '2027-01-01'));
  await t.db.delete(calendarYears).where(gte(calendarYears.year, 2027));
  invalidateCalendarCache();
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

describe('the complaint loop across 2027 without the official 2027 arrangement', () => {
  let id: string;

  it('dispatches on Friday 18 December 2026: the reply deadline in 2027 is computed by rule and marked provisional', async () => {
    await at('2026-12-18T10:00:00+08:00');
    id = expectStatus(
      await post(coordinator, '/api/complaints', { channel: 'phone', description: '物业以欠费为由关闭了我家水阀，已经停水一天', contactPhone: '13900001111', projectId, urgent: false }),
      201,
    ).id;
    const d = expectStatus(await act(coordinator, id, 'dispatch', { leadOrgUnitId: housingUnit }), 200);
    expect(new Date(d.sla.signDueAt).toISOString()).toBe(endOfDay('2026-12-21'));
    // 15 working days: 21–25, 28–31 December (9), 元旦 1 January by rule, 4–8 January (14), Monday 11 January.
    expect(new Date(d.sla.dueAt).toISOString()).toBe(endOfDay('2027-01-11'));
    expect(d.sla.provisional).toBe(true);
    const list = expectStatus(await t.as(coordinator, { method: 'GET', url: '/api/complaints?pageSize=100' }), 200);
    const item = list.items.find((x: { id: string }) => x.id === id);
    expect(item.deadlinesProvisional).toBe(true);
  });

  it('the calendar API answers for 2027 with provisional: true', async () => {
    const body = expectStatus(await t.as(coordinator, { method: 'GET', url: '/api/calendar/add-working-days?date=2026-12-18&days=15' }), 200);
    expect(body).toEqual({ date: '2027-01-11', provisional: true });
  });

  it('signs and records findings as usual', async () => {
    await at('2026-12-21T09:00:00+08:00');
    expect(expectStatus(await act(coordinator, id, 'sign', { note: '已签收' }), 200).status).toBe('accepted');
    const d = expectStatus(await act(coordinator, id, 'findings', { finding: 'substantiated', outcome: 'resolved_on_site', details: '现场核查属实，已当场恢复供水' }), 200);
    expect(d.status).toBe('handled');
    expect(d.sla.provisional).toBe(true);
  });

  it('an admin enters the 2027 arrangement: the open deadline is recomputed, no longer provisional, and on the timeline', async () => {
    await at('2026-12-22T09:00:00+08:00');
    expectStatus(await post(admin, '/api/calendar/years', ARRANGEMENT_2027), 201);
    const d = await detail(id);
    // The 补休 Monday 4 January moves the 15th working day to Tuesday 12 January.
    expect(new Date(d.sla.dueAt).toISOString()).toBe(endOfDay('2027-01-12'));
    expect(new Date(d.sla.currentDueAt).toISOString()).toBe(endOfDay('2027-01-12'));
    expect(d.sla.provisional).toBe(false);
    const event = d.timeline.find((e: { action: string }) => e.action === 'deadline-recalculated');
    expect(event).toBeDefined();
    expect(event.note).toBe('2027年法定节假日安排已录入，期限重新计算：办理答复期限由 2027-01-11 改为 2027-01-12');
    const list = expectStatus(await t.as(coordinator, { method: 'GET', url: '/api/complaints?pageSize=100' }), 200);
    expect(list.items.find((x: { id: string }) => x.id === id).deadlinesProvisional).toBe(false);
  });

  it('a correction of the arrangement recomputes again', async () => {
    const { year: _y, ...arrangement } = ARRANGEMENT_2027;
    expectStatus(await t.as(admin, { method: 'PUT', url: '/api/calendar/years/2027', payload: { ...arrangement, holidays: [arrangement.holidays[0]] } }), 200);
    const d = await detail(id);
    expect(new Date(d.sla.dueAt).toISOString()).toBe(endOfDay('2027-01-11'));
    expect(d.timeline.filter((e: { action: string }) => e.action === 'deadline-recalculated')).toHaveLength(2);
  });

  it('replies, follows up and closes in January 2027', async () => {
    await at('2027-01-05T10:00:00+08:00');
    expectStatus(await act(coordinator, id, 'reply', { text: GOOD_REPLY }), 200);
    const approved = expectStatus(await act(leader, id, 'approve-reply'), 200);
    expect(approved.status).toBe('replied');
    // 5 working days after Tuesday 5 January 2027 (official now: no holiday in the window).
    expect(new Date(approved.sla.followUpDueAt).toISOString()).toBe(endOfDay('2027-01-12'));
    expect(approved.sla.provisional).toBe(false);
    expectStatus(await act(coordinator, id, 'follow-up', { satisfaction: 'satisfied', note: '电话回访，已恢复供水' }), 200);
    expect(expectStatus(await act(coordinator, id, 'close', { note: '办结' }), 200).status).toBe('closed');
  });
});

describe('a follow-up deadline in a provisional year', () => {
  it('is marked provisional while 2028 is not entered', async () => {
    await at('2027-12-27T10:00:00+08:00');
    const { id } = expectStatus(
      await post(coordinator, '/api/complaints', { channel: 'phone', description: '小区电梯停运一周，物业不修，老人上下楼困难', contactPhone: '13900001112', projectId, urgent: false }),
      201,
    );
    const d = expectStatus(await act(coordinator, id, 'dispatch', { leadOrgUnitId: housingUnit }), 200);
    expect(d.sla.provisional).toBe(true);
    // 2028 元旦 by rule is Saturday: no 补休, so the 15th working day after Monday 27 December 2027 is Monday 17 January 2028.
    expect(new Date(d.sla.dueAt).toISOString()).toBe(endOfDay('2028-01-17'));
  });
});
