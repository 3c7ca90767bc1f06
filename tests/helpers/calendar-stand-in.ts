import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { calendarDays, calendarYears } from '../../server/db/schema/index.js';
import { invalidateCalendarCache } from '../../server/modules/calendar/calendar.service.js';

/**
 * Tests run at the real date, and lead deadlines are counted in working days. From about
 * mid-December a deadline falls in next year, which the calendar refuses to count until the
 * State Council's arrangement is entered (SPEC §5; the platform never guesses). So that the
 * suite does not start failing every December, test databases get a clearly labelled stand-in
 * for next year when the real arrangement is not there yet: weekends and 1 January only.
 * Nothing in the product uses this; `calendar.test.ts` removes it to test the missing-year path.
 */
export const STAND_IN_SOURCE = '测试替身（非官方安排）：仅元旦与周末休息';

export function standInYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now)) + 1;
}

/** The arrangement as the admin API takes it (POST /api/calendar/years). */
export function standInArrangement(year = standInYear()) {
  return { year, source: STAND_IN_SOURCE, complete: true, holidays: [{ date: `${year}-01-01`, name: '元旦' }], workdays: [] };
}

/** Adds the stand-in for next year unless that year is already known. */
export async function addStandInYear(db: Db): Promise<void> {
  const a = standInArrangement();
  const [known] = await db.select({ year: calendarYears.year }).from(calendarYears).where(eq(calendarYears.year, a.year));
  if (known) return;
  await db.insert(calendarYears).values({ year: a.year, source: a.source, complete: true });
  await db.insert(calendarDays).values(a.holidays.map((h) => ({ date: h.date, kind: 'holiday', name: h.name, source: a.source })));
}

/** Removes a stand-in year (never a real one). */
export async function removeStandInYears(db: Db): Promise<void> {
  await db.delete(calendarDays).where(eq(calendarDays.source, STAND_IN_SOURCE));
  await db.delete(calendarYears).where(eq(calendarYears.source, STAND_IN_SOURCE));
  invalidateCalendarCache();
}
