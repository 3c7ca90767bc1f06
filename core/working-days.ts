/**
 * Working-day arithmetic on the official Chinese calendar (法定节假日 + 调休), over calendar data
 * handed in by the caller. Pure: no I/O, no clock, no time zone — dates are 'YYYY-MM-DD' strings.
 *
 * Definitions (docs/business-rules.md, "工作日计算"):
 *  - A date is a working day when it is a 调休上班日 (listed in `workdays`), or a Monday–Friday
 *    that is not a listed holiday. Saturdays and Sundays are rest days unless listed in `workdays`.
 *  - addWorkingDays(d, n), n ≥ 1: the n-th working day after d; d itself is never counted
 *    (期间开始之日不计算在内). n = 0: d itself when it is a working day, otherwise the first working
 *    day after it ("roll forward").
 *  - countWorkingDays(from, to): the number of working days d with from < d ≤ to (start exclusive,
 *    end inclusive), so countWorkingDays(d, addWorkingDays(d, n)) === n for every n ≥ 1.
 *    When to < from the result is the negative of countWorkingDays(to, from); from = to gives 0.
 *  - A year whose official arrangement is entered is computed on it. Any other year is computed
 *    on the provisional calendar when the caller supplies one (`provisionalHolidays`: weekends plus
 *    the statutory holidays by rule, no 调休 — core/provisional-calendar.ts), and the result is
 *    marked provisional (`provisionalYearsIn`). Without a provisional calendar such a date throws
 *    CalendarRangeError. The calendar is never guessed as "weekends only".
 */

export interface WorkingCalendar {
  /** Years whose holiday arrangement is fully known (published and entered). */
  years: ReadonlySet<number> | readonly number[];
  /** Public-holiday rest days (法定节假日 and the days joined to them), 'YYYY-MM-DD'. */
  holidays: ReadonlySet<string>;
  /** Adjusted working days (调休上班) falling on a Saturday or Sunday, 'YYYY-MM-DD'. */
  workdays: ReadonlySet<string>;
  /**
   * The rest days by rule of a year whose official arrangement is not entered (provisional
   * calendar); null for a year the rule does not cover. Absent or null: such a year is out of
   * range (CalendarRangeError).
   */
  provisionalHolidays?: (year: number) => ReadonlySet<string> | null;
}

export type DayKind = 'holiday' | 'adjusted_workday' | 'weekend' | 'weekday';

export const DAY_KIND_LABELS: Record<DayKind, string> = {
  holiday: '法定节假日',
  adjusted_workday: '调休上班',
  weekend: '周末休息',
  weekday: '工作日',
};

/** A date outside the years whose holiday arrangement is known. */
export class CalendarRangeError extends Error {
  readonly code = 'CALENDAR_OUT_OF_RANGE';
  constructor(
    readonly date: string,
    readonly knownYears: readonly number[],
  ) {
    super(calendarRangeMessage(date, knownYears));
    this.name = 'CalendarRangeError';
  }
}

export function calendarRangeMessage(date: string, knownYears: readonly number[]): string {
  const year = date.slice(0, 4);
  return `${year}年的法定节假日安排尚未录入，无法按工作日计算（${describeYears(knownYears)}）`;
}

/**
 * From November on, deadlines of 15 working days start to cross into next year; while next year's
 * arrangement is not entered they are computed on the provisional calendar (weekends and the
 * statutory holidays by rule, no 调休) and marked 暂按法定规则计算. Returns the reminder to show
 * (today = YYYY-MM-DD, China time), or null.
 */
export function nextYearCalendarWarning(today: string, knownYears: readonly number[]): string | null {
  const year = Number(today.slice(0, 4));
  if (Number(today.slice(5, 7)) < 11 || knownYears.includes(year + 1)) return null;
  return `${year + 1}年的法定节假日安排尚未录入：期限跨入${year + 1}年的线索暂按法定节假日规则（不含调休）计算，并标注“暂定”。国务院办公厅公布安排后，请系统管理员在“工作日历”中录入，未办结线索的期限将自动重新计算。`;
}

/** "已录入年份：2004–2026" (ranges collapsed), or "尚未录入任何年份". */
export function describeYears(years: readonly number[]): string {
  if (years.length === 0) return '尚未录入任何年份';
  const sorted = [...years].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  for (const y of [...sorted.slice(1), Number.NaN]) {
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    parts.push(start === prev ? String(start) : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  return `已录入年份：${parts.join('、')}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in China (UTC+8, the platform's business day) of an instant, 'YYYY-MM-DD', whatever the server's time zone. */
export function chinaDate(at: Date = new Date()): string {
  // China Standard Time is UTC+8 all year (no daylight saving since 1991): plain arithmetic, an
  // order of magnitude cheaper than Intl formatting on the lead-create path. Earlier instants
  // (historic data) keep the time-zone database's answer.
  const ms = at.getTime();
  return ms >= NO_DST_SINCE ? new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10) : CHINA_DATE.format(at);
}

/** 1992-01-01T00:00+08:00: from here on Asia/Shanghai is a fixed UTC+8. */
const NO_DST_SINCE = Date.UTC(1991, 11, 31, 16);

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toEpochDay(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`不是有效的日期：${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (negative: before). */
export function addCalendarDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  // 1970-01-01 (epoch day 0) was a Thursday.
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

function hasYear(cal: WorkingCalendar, year: number): boolean {
  return Array.isArray(cal.years) ? (cal.years as readonly number[]).includes(year) : (cal.years as ReadonlySet<number>).has(year);
}

export function knownYears(cal: WorkingCalendar): number[] {
  return [...cal.years].sort((a, b) => a - b);
}

/** True when the official arrangement of `date`'s year is entered (not provisional). */
export function isOfficialDate(cal: WorkingCalendar, date: string): boolean {
  return hasYear(cal, Number(date.slice(0, 4)));
}

/** Throws CalendarRangeError unless `date` lies in a known year or a provisional calendar covers it. */
export function assertInRange(cal: WorkingCalendar, date: string): void {
  toEpochDay(date);
  if (!isOfficialDate(cal, date) && !cal.provisionalHolidays?.(Number(date.slice(0, 4)))) throw new CalendarRangeError(date, knownYears(cal));
}

/**
 * The years between the two dates (both included, either order) whose official arrangement is not
 * entered: a result computed across them is provisional. Empty: computed on official data only.
 */
export function provisionalYearsIn(cal: WorkingCalendar, from: string, to: string): number[] {
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y);
  const out: number[] = [];
  for (let y = a; y <= b; y++) if (!hasYear(cal, y)) out.push(y);
  return out;
}

export function dayKind(cal: WorkingCalendar, date: string): DayKind {
  assertInRange(cal, date);
  if (cal.workdays.has(date)) return 'adjusted_workday';
  if (cal.holidays.has(date)) return 'holiday';
  if (!isOfficialDate(cal, date) && cal.provisionalHolidays?.(Number(date.slice(0, 4)))?.has(date)) return 'holiday';
  return isWeekend(date) ? 'weekend' : 'weekday';
}

export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  const kind = dayKind(cal, date);
  return kind === 'weekday' || kind === 'adjusted_workday';
}

/** See the module comment: n ≥ 1 → the n-th working day after `date`; n = 0 → roll forward. */
export function addWorkingDays(cal: WorkingCalendar, date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日天数须为非负整数：${n}`);
  assertInRange(cal, date);
  if (n === 0 && isWorkingDay(cal, date)) return date;
  let day = toEpochDay(date);
  let remaining = Math.max(n, 1);
  for (;;) {
    day += 1;
    if (isWorkingDay(cal, fromEpochDay(day)) && --remaining === 0) return fromEpochDay(day);
  }
}

/** Working days d with from < d ≤ to; negative when to < from (see the module comment). */
export function countWorkingDays(cal: WorkingCalendar, from: string, to: string): number {
  assertInRange(cal, from);
  assertInRange(cal, to);
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  if (a === b) return 0;
  const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let day = lo + 1; day <= hi; day++) if (isWorkingDay(cal, fromEpochDay(day))) count++;
  return sign * count;
}

/** Builds the calendar from rows as stored ('holiday' / 'workday' days and the known years). */
export function buildWorkingCalendar(
  years: Iterable<number>,
  days: Iterable<{ date: string; kind: 'holiday' | 'workday' }>,
  provisionalHolidays?: (year: number) => ReadonlySet<string> | null,
): WorkingCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const d of days) (d.kind === 'holiday' ? holidays : workdays).add(d.date);
  return { years: new Set(years), holidays, workdays, ...(provisionalHolidays ? { provisionalHolidays } : {}) };
}
