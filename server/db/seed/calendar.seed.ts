import { createRequire } from 'node:module';
import type { Db } from '../client.js';
import { calendarDays, calendarYears } from '../schema/index.js';

const require = createRequire(import.meta.url);

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The package's short Chinese names ("中秋") as the State Council notices write them ("中秋节"). */
const FESTIVAL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function festivalName(value: string): string {
  const zh = value.split(',')[1]?.trim() || value;
  return FESTIVAL_NAMES[zh] ?? zh;
}

/**
 * Every year the `chinese-days` package knows (2004 onwards), as calendar rows. Pure, so the
 * seeder and its tests agree on what the package holds.
 */
export function chineseDaysCalendar() {
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const { version } = require('chinese-days/package.json') as { version: string };
  const source = `chinese-days@${version}`;
  const days: { date: string; kind: 'holiday' | 'workday'; name: string; source: string }[] = [];
  for (const [date, v] of Object.entries(data.holidays)) days.push({ date, kind: 'holiday', name: festivalName(v), source });
  for (const [date, v] of Object.entries(data.workdays)) days.push({ date, kind: 'workday', name: festivalName(v), source });
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b);
  return { source, years, days };
}

/**
 * Reference data, run on every start with or without demo data: adds the years the package has
 * and the database lacks. A year already present (seeded earlier or entered by an admin) is never
 * touched, so an admin's correction survives upgrades of the package.
 */
export async function seedCalendar(db: Db): Promise<void> {
  const { source, years, days } = chineseDaysCalendar();
  const present = new Set((await db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year));
  const missing = years.filter((y) => !present.has(y));
  if (missing.length === 0) return;
  const inserted = await db
    .insert(calendarYears)
    .values(missing.map((year) => ({ year, source, complete: true })))
    .onConflictDoNothing()
    .returning({ year: calendarYears.year });
  const mine = new Set(inserted.map((r) => r.year));
  const rows = days.filter((d) => mine.has(Number(d.date.slice(0, 4))));
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(calendarDays).values(rows.slice(i, i + 500)).onConflictDoNothing({ target: calendarDays.date });
  }
}
