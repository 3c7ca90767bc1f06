import { and, asc, count, eq, gte, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { provisionalHolidays } from '../../../core/provisional-calendar.js';
import * as wd from '../../../core/working-days.js';
import { announceLocally, cachedValue } from '../../db/changes.js';
import { type Db, queryRows } from '../../db/client.js';
import { calendarDays, calendarYears } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, conflict, notFound, validationFailed } from '../../http/errors.js';

/*
 * The working-day calendar for other modules (complaint deadlines, rectification periods, 双公示
 * within 7 working days …). Use `addWorkingDays(db, date, n)` / `countWorkingDays`, or
 * `getCalendar(db)` once and the pure functions of core/working-days.ts for many dates.
 * A year whose official arrangement is not entered is computed on the provisional calendar
 * (core/provisional-calendar.ts: weekends + statutory holidays by rule, no 调休), so nothing is
 * refused; `provisionalYearsIn` tells a caller that its result is provisional and must be marked.
 * When an admin enters or corrects a year, the listeners registered with `onArrangementChanged`
 * (complaint deadlines) recompute what they computed, inside the same transaction.
 */

/** Recomputes what a module computed on the calendar, after `years` changed (same transaction). */
export type ArrangementListener = (tx: Db, actor: Actor, years: number[]) => Promise<void>;
const listeners: ArrangementListener[] = [];

/** Registers a recomputation to run in the transaction that enters or corrects a year's arrangement. */
export function onArrangementChanged(listener: ArrangementListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** While > 0, an arrangement is being changed inside a transaction: read it from that transaction. */
let changing = 0;

async function arrangementChanged(tx: Db, actor: Actor, year: number) {
  changing++;
  try {
    for (const l of listeners) await l(tx, actor, [year]);
  } finally {
    changing--;
  }
}

async function loadCalendar(db: Db): Promise<wd.WorkingCalendar> {
  const years = await db.select({ year: calendarYears.year }).from(calendarYears).where(eq(calendarYears.complete, true));
  const days = await db.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays);
  return wd.buildWorkingCalendar(
    years.map((y) => y.year),
    days.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'workday' })),
    provisionalHolidays,
  );
}

/**
 * The calendar, kept in memory until calendar_years or calendar_days change — through this or any
 * other instance (db/changes.ts; a change is announced on commit, so a rolled-back edit never
 * reaches the cache). Recomputations inside an arrangement change read their own transaction.
 */
const calendarCache = cachedValue(['calendar_years', 'calendar_days'], 10 * 60_000, loadCalendar);

export function getCalendar(db: Db): Promise<wd.WorkingCalendar> {
  return changing > 0 ? loadCalendar(db) : calendarCache.get(db);
}

/** Drops this instance's copy at once (after a commit, before the database's announcement arrives). */
export function invalidateCalendarCache(): void {
  announceLocally('table:calendar_years');
}

/** The AppError for a date outside the known years; `field` names the request field at fault. */
export function calendarOutOfRange(err: wd.CalendarRangeError, field?: string): AppError {
  return new AppError('CALENDAR_OUT_OF_RANGE', 422, err.message, {
    date: err.date,
    knownYears: err.knownYears,
    ...(field ? { fields: { [field]: err.message } } : {}),
  });
}

function rethrow(err: unknown, field?: string): never {
  if (err instanceof wd.CalendarRangeError) throw calendarOutOfRange(err, field);
  throw err;
}

/** The n-th working day after `date` (n = 0: `date` rolled forward to a working day). */
export async function addWorkingDays(db: Db, date: string, n: number): Promise<string> {
  const calendar = await getCalendar(db);
  try {
    return wd.addWorkingDays(calendar, date, n);
  } catch (err) {
    rethrow(err, 'date');
  }
}

/** The n-th working day after `date`, and whether it was computed on the provisional calendar. */
export async function addWorkingDaysDetailed(db: Db, date: string, n: number): Promise<{ date: string; provisional: boolean }> {
  const calendar = await getCalendar(db);
  try {
    const result = wd.addWorkingDays(calendar, date, n);
    return { date: result, provisional: wd.provisionalYearsIn(calendar, date, result).length > 0 };
  } catch (err) {
    rethrow(err, 'date');
  }
}

/** Working days d with from < d ≤ to (negative when to < from). */
export async function countWorkingDays(db: Db, from: string, to: string): Promise<number> {
  const calendar = await getCalendar(db);
  try {
    wd.assertInRange(calendar, from);
  } catch (err) {
    rethrow(err, 'from');
  }
  try {
    return wd.countWorkingDays(calendar, from, to);
  } catch (err) {
    rethrow(err, 'to');
  }
}

export async function isWorkingDay(db: Db, date: string): Promise<boolean> {
  const calendar = await getCalendar(db);
  try {
    return wd.isWorkingDay(calendar, date);
  } catch (err) {
    rethrow(err, 'date');
  }
}

export async function listYears(db: Db) {
  const years = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  const counts = await queryRows<{ year: number; kind: string; n: number }>(
    db,
    sql`SELECT extract(year FROM date)::int AS year, kind, count(*)::int AS n FROM calendar_days GROUP BY 1, 2`,
  );
  const countOf = (year: number, kind: string) => counts.find((c) => Number(c.year) === year && c.kind === kind)?.n ?? 0;
  return years.map((y) => ({
    year: y.year,
    publishedOn: y.publishedOn,
    source: y.source,
    complete: y.complete,
    holidayCount: Number(countOf(y.year, 'holiday')),
    workdayCount: Number(countOf(y.year, 'workday')),
    updatedAt: y.updatedAt,
  }));
}

function yearRange(year: number) {
  return and(gte(calendarDays.date, `${year}-01-01`), lt(calendarDays.date, `${year + 1}-01-01`));
}

export async function getYear(db: Db, year: number) {
  const [row] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  if (!row) throw new AppError('NOT_FOUND', 404, `${year}年的法定节假日安排尚未录入`);
  const days = await db
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name, source: calendarDays.source })
    .from(calendarDays)
    .where(yearRange(year))
    .orderBy(asc(calendarDays.date));
  return { year: row.year, publishedOn: row.publishedOn, source: row.source, complete: row.complete, items: days };
}

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const dayEntry = z.object({
  date: isoDate,
  name: z.string().trim().min(1, '请填写节日名称（如 春节）').max(40, '名称不超过 40 个字'),
});

export const yearArrangementInput = z.object({
  publishedOn: isoDate.nullish(),
  source: z.string().trim().min(2, '请填写来源（如 国务院办公厅关于2027年部分节假日安排的通知）').max(200),
  complete: z.boolean().default(true),
  holidays: z.array(dayEntry).max(60, '节假日不超过 60 天'),
  workdays: z.array(dayEntry).max(20, '调休上班日不超过 20 天'),
});
export const addYearInput = yearArrangementInput.extend({
  year: z.number({ message: '请填写年份' }).int('年份须为整数').min(1990, '年份须在 1990–2100 之间').max(2100, '年份须在 1990–2100 之间'),
});
export type YearArrangementInput = z.infer<typeof yearArrangementInput>;

/** Every problem of an arrangement, keyed by field path ("holidays.3.date"). */
export function arrangementProblems(year: number, input: Pick<YearArrangementInput, 'holidays' | 'workdays'>): Record<string, string> {
  const fields: Record<string, string> = {};
  if (input.holidays.length === 0) fields.holidays = '请至少录入一天法定节假日';
  const holidayDates = new Map<string, number>();
  input.holidays.forEach((h, i) => {
    const key = `holidays.${i}.date`;
    if (!h.date.startsWith(`${year}-`)) fields[key] = `日期须在 ${year} 年内`;
    else if (holidayDates.has(h.date)) fields[key] = `与第 ${(holidayDates.get(h.date) as number) + 1} 行日期重复`;
    else holidayDates.set(h.date, i);
  });
  const workdayDates = new Map<string, number>();
  input.workdays.forEach((w, i) => {
    const key = `workdays.${i}.date`;
    if (!w.date.startsWith(`${year}-`)) fields[key] = `日期须在 ${year} 年内`;
    else if (workdayDates.has(w.date)) fields[key] = `与第 ${(workdayDates.get(w.date) as number) + 1} 行日期重复`;
    else if (holidayDates.has(w.date)) fields[key] = '该日已列为节假日，不能同时为调休上班日';
    else if (!wd.isWeekend(w.date)) fields[key] = '调休上班日须为周六或周日（周一至周五本就上班）';
    else workdayDates.set(w.date, i);
  });
  return fields;
}

function daysOf(year: number, input: YearArrangementInput, source: string) {
  return [
    ...input.holidays.map((h) => ({ date: h.date, kind: 'holiday', name: h.name, source })),
    ...input.workdays.map((w) => ({ date: w.date, kind: 'workday', name: w.name, source })),
  ].filter((d) => d.date.startsWith(`${year}-`));
}

function snapshot(year: number, input: YearArrangementInput) {
  return {
    year,
    publishedOn: input.publishedOn ?? null,
    source: input.source,
    complete: input.complete,
    holidays: input.holidays.map((h) => `${h.date} ${h.name}`),
    workdays: input.workdays.map((w) => `${w.date} ${w.name}`),
  };
}

/** Adds a year's arrangement (admin, when the State Council publishes it). */
export async function addYear(db: Db, actor: Actor, input: z.infer<typeof addYearInput>) {
  const fields = arrangementProblems(input.year, input);
  if (Object.keys(fields).length) throw validationFailed(fields);
  const result = await db.transaction(async (tx) => {
    const [exists] = await tx.select({ year: calendarYears.year }).from(calendarYears).where(eq(calendarYears.year, input.year));
    if (exists) throw conflict(`${input.year}年的安排已存在，请使用修改`, { fields: { year: '该年度已录入' } });
    const [{ n }] = await tx.select({ n: count() }).from(calendarDays).where(yearRange(input.year));
    if (n > 0) throw conflict(`${input.year}年已有零散的日期记录，请联系运维核对`);
    await tx.insert(calendarYears).values({ year: input.year, publishedOn: input.publishedOn ?? null, source: input.source, complete: input.complete });
    const days = daysOf(input.year, input, input.source);
    if (days.length) await tx.insert(calendarDays).values(days);
    await recordAudit(tx, actor, { action: 'calendar.year.create', entityType: 'calendar_year', entityId: input.year, after: snapshot(input.year, input) });
    await arrangementChanged(tx, actor, input.year);
    return getYear(tx, input.year);
  });
  invalidateCalendarCache();
  return result;
}

/** Replaces a year's arrangement (corrections, or a year entered before the notice was final). */
export async function replaceYear(db: Db, actor: Actor, year: number, input: YearArrangementInput) {
  const fields = arrangementProblems(year, input);
  if (Object.keys(fields).length) throw validationFailed(fields);
  const result = await db.transaction(async (tx) => {
    const before = await getYear(tx, year).catch(() => {
      throw notFound(`${year}年的节假日安排`);
    });
    await tx.delete(calendarDays).where(yearRange(year));
    const days = daysOf(year, input, input.source);
    if (days.length) await tx.insert(calendarDays).values(days);
    await tx
      .update(calendarYears)
      .set({ publishedOn: input.publishedOn ?? null, source: input.source, complete: input.complete, updatedAt: new Date() })
      .where(eq(calendarYears.year, year));
    await recordAudit(tx, actor, {
      action: 'calendar.year.replace',
      entityType: 'calendar_year',
      entityId: year,
      before: {
        year,
        publishedOn: before.publishedOn,
        source: before.source,
        complete: before.complete,
        holidays: before.items.filter((d) => d.kind === 'holiday').map((d) => `${d.date} ${d.name}`),
        workdays: before.items.filter((d) => d.kind === 'workday').map((d) => `${d.date} ${d.name}`),
      },
      after: snapshot(year, input),
    });
    await arrangementChanged(tx, actor, year);
    return getYear(tx, year);
  });
  invalidateCalendarCache();
  return result;
}
