import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../server/modules/calendar/calendar.service.js';
import { auditLog, calendarDays, calendarYears } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
let admin: string;
let housing: string;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.login('admin');
  housing = await t.login('district-housing');
});
afterAll(() => t.close());

const add = (cookie: string, date: string, days: number | string) =>
  t.as(cookie, { method: 'GET', url: `/api/calendar/add-working-days?date=${date}&days=${days}` });

/** The 2027 arrangement used below is made up for the test (the real one is published in late 2026). */
const YEAR_2027 = {
  year: 2027,
  source: '测试用安排（非官方）',
  publishedOn: '2026-11-10',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-06', name: '春节' },
    { date: '2027-02-07', name: '春节' },
    { date: '2027-02-08', name: '春节' },
    { date: '2027-02-09', name: '春节' },
    { date: '2027-02-10', name: '春节' },
    { date: '2027-02-11', name: '春节' },
    { date: '2027-02-12', name: '春节' },
  ],
  workdays: [{ date: '2027-02-13', name: '春节' }],
};

describe('working-day calendar seeded from chinese-days', () => {
  it('holds every year the package has, 2004 to 2026, as reference data', async () => {
    const body = expectStatus(await t.as(housing, { method: 'GET', url: '/api/calendar/years' }), 200);
    const years = body.items.map((y: { year: number }) => y.year);
    expect(years[0]).toBe(2004);
    expect(years).toContain(2021);
    expect(years).toContain(2026);
    const y2026 = body.items.find((y: { year: number }) => y.year === 2026);
    expect(y2026).toMatchObject({ complete: true, holidayCount: 33, workdayCount: 6 });
    expect(y2026.source).toMatch(/^chinese-days@/);
  });

  it('lists a year’s holidays and 调休 working days with festival names', async () => {
    const body = expectStatus(await t.as(housing, { method: 'GET', url: '/api/calendar/days?year=2021' }), 200);
    const byDate = Object.fromEntries(body.items.map((d: { date: string; kind: string; name: string }) => [d.date, d]));
    expect(byDate['2021-10-01']).toMatchObject({ kind: 'holiday', name: '国庆节' });
    expect(byDate['2021-09-26']).toMatchObject({ kind: 'workday', name: '国庆节' });
    expect(byDate['2021-09-20']).toMatchObject({ kind: 'holiday', name: '中秋节' });
    expect((await t.as(housing, { method: 'GET', url: '/api/calendar/days?year=2031' })).statusCode).toBe(404);
  });
});

describe('GET /api/calendar/add-working-days', () => {
  it('crosses the 2021 National Day holiday and its 调休 Saturday', async () => {
    expect(expectStatus(await add(housing, '2021-09-30', 1), 200)).toEqual({ date: '2021-10-08', provisional: false });
    expect(expectStatus(await add(housing, '2021-09-30', 2), 200)).toEqual({ date: '2021-10-09', provisional: false });
    expect(expectStatus(await add(housing, '2021-09-30', 3), 200)).toEqual({ date: '2021-10-11', provisional: false });
    expect(expectStatus(await add(housing, '2021-09-24', 1), 200)).toEqual({ date: '2021-09-26', provisional: false });
  });

  it('crosses the 2026 Spring Festival and works on the 调休 Saturdays', async () => {
    expect(expectStatus(await add(housing, '2026-02-13', 1), 200)).toEqual({ date: '2026-02-14', provisional: false });
    expect(expectStatus(await add(housing, '2026-02-13', 2), 200)).toEqual({ date: '2026-02-24', provisional: false });
    expect(expectStatus(await add(housing, '2026-02-24', 4), 200)).toEqual({ date: '2026-02-28', provisional: false });
  });

  it('rolls a rest day forward for days=0', async () => {
    expect(expectStatus(await add(housing, '2026-10-03', 0), 200)).toEqual({ date: '2026-10-08', provisional: false });
  });

  it('computes a year without its official arrangement on the provisional calendar, marked provisional', async () => {
    // Thursday 2035-03-01: no statutory holiday until 清明, so weekends only.
    expect(expectStatus(await add(housing, '2035-03-01', 5), 200)).toEqual({ date: '2035-03-08', provisional: true });
    // Across New Year into 2027 (not entered here yet): 2027-01-01 is 元旦 by rule.
    expect(expectStatus(await add(housing, '2026-12-31', 1), 200)).toEqual({ date: '2027-01-04', provisional: true });
    // 2027 Spring Festival by rule: 除夕 02-05 to 初三 02-08, no 调休 Saturday.
    expect(expectStatus(await add(housing, '2027-02-04', 2), 200)).toEqual({ date: '2027-02-10', provisional: true });
    // Within an entered year the answer is official.
    expect(expectStatus(await add(housing, '2026-12-01', 1), 200)).toEqual({ date: '2026-12-02', provisional: false });
  });

  it('answers 422 with a clear message for a year neither entered nor covered by the current rule', async () => {
    const res = await add(housing, '2003-03-03', 5);
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('CALENDAR_OUT_OF_RANGE');
    expect(error.message).toContain('2003年的法定节假日安排尚未录入');
    expect(error.details.fields.date).toBe(error.message);
  });

  it('validates its parameters field by field', async () => {
    const res = await add(housing, '2026-02-30', -1);
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.details.fields).sort()).toEqual(['date', 'days']);
  });

  it('requires a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/add-working-days?date=2026-02-13&days=1' })).statusCode).toBe(401);
  });
});

describe('GET /api/calendar/count-working-days', () => {
  it('counts working days with the start excluded and the end included', async () => {
    const body = expectStatus(await t.as(housing, { method: 'GET', url: '/api/calendar/count-working-days?from=2021-09-30&to=2021-10-11' }), 200);
    expect(body).toEqual({ from: '2021-09-30', to: '2021-10-11', workingDays: 3 });
    const back = expectStatus(await t.as(housing, { method: 'GET', url: '/api/calendar/count-working-days?from=2026-03-02&to=2026-02-13' }), 200);
    expect(back.workingDays).toBe(-7);
  });

  it('counts into a provisional year, and names the field that is out of range', async () => {
    const body = expectStatus(await t.as(housing, { method: 'GET', url: '/api/calendar/count-working-days?from=2026-12-31&to=2027-01-04' }), 200);
    expect(body.workingDays).toBe(1);
    const res = await t.as(housing, { method: 'GET', url: '/api/calendar/count-working-days?from=2004-01-05&to=2003-12-15' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields.to).toMatch(/2003年/);
  });
});

describe('an admin adds next year’s arrangement', () => {
  it('refuses non-admins with 403', async () => {
    const res = await t.as(housing, { method: 'POST', url: '/api/calendar/years', payload: YEAR_2027 });
    expect(res.statusCode).toBe(403);
  });

  it('validates every day of the arrangement and names each field', async () => {
    const res = await t.as(admin, {
      method: 'POST',
      url: '/api/calendar/years',
      payload: {
        ...YEAR_2027,
        holidays: [...YEAR_2027.holidays, { date: '2028-01-01', name: '元旦' }, { date: '2027-02-06', name: '春节' }],
        workdays: [{ date: '2027-02-10', name: '春节' }, { date: '2027-02-15', name: '春节' }, { date: '2027-02-13', name: '春节' }],
      },
    });
    expect(res.statusCode).toBe(422);
    const fields = res.json().error.details.fields;
    expect(fields['holidays.8.date']).toBe('日期须在 2027 年内');
    expect(fields['holidays.9.date']).toMatch(/重复/);
    expect(fields['workdays.0.date']).toMatch(/已列为节假日/);
    expect(fields['workdays.1.date']).toMatch(/须为周六或周日/); // 2027-02-15 is a Monday
    expect(fields['workdays.2.date']).toBeUndefined();
    expect(await t.db.select().from(calendarYears).where(eq(calendarYears.year, 2027))).toHaveLength(0);
  });

  it('adds 2027; dates in 2027 then work, and the change is audited', async () => {
    expect(expectStatus(await add(housing, '2027-02-05', 1), 200)).toEqual({ date: '2027-02-09', provisional: true });
    const created = expectStatus(await t.as(admin, { method: 'POST', url: '/api/calendar/years', payload: YEAR_2027 }), 201);
    expect(created.items).toHaveLength(9);
    // Friday 2027-02-05 → the 调休 Saturday 02-13 → Monday 02-15.
    expect(expectStatus(await add(housing, '2027-02-05', 1), 200)).toEqual({ date: '2027-02-13', provisional: false });
    expect(expectStatus(await add(housing, '2027-02-05', 2), 200)).toEqual({ date: '2027-02-15', provisional: false });
    // And across the year boundary from 2026.
    expect(expectStatus(await add(housing, '2026-12-31', 1), 200)).toEqual({ date: '2027-01-04', provisional: false });
    // Other modules use the service function and see the new year at once.
    expect(await addWorkingDays(t.db, '2027-02-05', 2)).toBe('2027-02-15');
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'calendar.year.create'), eq(auditLog.entityId, '2027')));
    expect(audit.after).toMatchObject({ year: 2027, workdays: ['2027-02-13 春节'] });
  });

  it('refuses to add a year twice but lets the admin correct it', async () => {
    expect((await t.as(admin, { method: 'POST', url: '/api/calendar/years', payload: YEAR_2027 })).statusCode).toBe(409);
    const { year: _y, ...arrangement } = YEAR_2027;
    const corrected = expectStatus(
      await t.as(admin, { method: 'PUT', url: '/api/calendar/years/2027', payload: { ...arrangement, workdays: [] } }),
      200,
    );
    expect(corrected.items.filter((d: { kind: string }) => d.kind === 'workday')).toHaveLength(0);
    expect(expectStatus(await add(housing, '2027-02-05', 1), 200)).toEqual({ date: '2027-02-15', provisional: false });
    const days = await t.db.select().from(calendarDays).where(eq(calendarDays.date, '2027-02-13'));
    expect(days).toHaveLength(0);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'calendar.year.replace'), eq(auditLog.entityId, '2027')));
    expect(audits).toHaveLength(1);
    expect(audits[0].before).toMatchObject({ workdays: ['2027-02-13 春节'] });
  });
});

describe('reference seeding on an existing database', () => {
  it('adds back only the years the database lacks and leaves entered years alone', async () => {
    const { seedDatabase } = await import('../../server/seed.js');
    const { gte, lt } = await import('drizzle-orm');
    await t.db.delete(calendarDays).where(and(gte(calendarDays.date, '2004-01-01'), lt(calendarDays.date, '2005-01-01')));
    await t.db.delete(calendarYears).where(eq(calendarYears.year, 2004));
    const [before2021] = await t.db.select().from(calendarYears).where(eq(calendarYears.year, 2021));
    expect(await seedDatabase(t.db, t.env, t.cipher)).toBe(false);
    const [restored] = await t.db.select().from(calendarYears).where(eq(calendarYears.year, 2004));
    expect(restored.source).toMatch(/^chinese-days@/);
    const days2004 = await t.db.select().from(calendarDays).where(and(gte(calendarDays.date, '2004-01-01'), lt(calendarDays.date, '2005-01-01')));
    expect(days2004.length).toBeGreaterThan(10);
    const [after2021] = await t.db.select().from(calendarYears).where(eq(calendarYears.year, 2021));
    expect(after2021.updatedAt).toEqual(before2021.updatedAt);
    // The year an admin entered (2027, above) is not the package's and stays as entered.
    const [y2027] = await t.db.select().from(calendarYears).where(eq(calendarYears.year, 2027));
    expect(y2027.source).toBe('测试用安排（非官方）');
  });
});
