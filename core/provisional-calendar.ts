/**
 * The provisional calendar (暂定日历): the statutory rest days of a year by rule, for a year whose
 * official arrangement (国务院办公厅《关于YYYY年部分节假日安排的通知》) is not entered yet.
 *
 * Rule — 《全国年节及纪念日放假办法》, current text (2024 revision, in force 2025-01-01), art. 2:
 * 元旦 1 day (1 January); 春节 4 days (除夕 and 正月初一 to 初三); 清明节 1 day (the day of the 清明
 * solar term); 劳动节 2 days (1–2 May); 端午节 1 day (五月初五); 中秋节 1 day (八月十五);
 * 国庆节 3 days (1–3 October). No 调休 (the weekend swaps are decided each year by the notice and
 * cannot be derived), and no 补休 for a holiday on a weekend. Lunar dates and the solar term come
 * from the maintained `chinese-days` package.
 */
import { createRequire } from 'node:module';

interface ChineseDays {
  getSolarDateFromLunar(lunar: string): { date: string };
  getSolarTermDate(year: number, month: number, term: 'pure_brightness'): string;
}

const require = createRequire(import.meta.url);
const chineseDays = require('chinese-days') as ChineseDays;

export interface ProvisionalHoliday {
  date: string;
  name: string;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The rule's rest days falling in `year` (sorted). 春节 of the lunar year starting in `year`; its 除夕 may lie in `year` too. */
export function provisionalHolidayList(year: number): ProvisionalHoliday[] {
  const out: ProvisionalHoliday[] = [{ date: `${year}-01-01`, name: '元旦' }];
  // The festival of the lunar year that starts in `year`, and the one that started in `year - 1`
  // is never in `year` except through the 除夕 … 初三 span (lunar new year is 21 Jan – 20 Feb).
  const newYear = chineseDays.getSolarDateFromLunar(`${year}-01-01`).date;
  out.push({ date: addDays(newYear, -1), name: '春节（除夕）' });
  for (let i = 0; i < 3; i++) out.push({ date: addDays(newYear, i), name: '春节' });
  out.push({ date: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' });
  out.push({ date: `${year}-05-01`, name: '劳动节' }, { date: `${year}-05-02`, name: '劳动节' });
  out.push({ date: chineseDays.getSolarDateFromLunar(`${year}-05-05`).date, name: '端午节' });
  out.push({ date: chineseDays.getSolarDateFromLunar(`${year}-08-15`).date, name: '中秋节' });
  for (const d of ['10-01', '10-02', '10-03']) out.push({ date: `${year}-${d}`, name: '国庆节' });
  return out.filter((h) => h.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The years the rule applies to: the current text is in force from 2025 (earlier years had other
 * holidays and are entered from official data), and the lunar tables end with 2099.
 */
export const PROVISIONAL_FIRST_YEAR = 2025;
export const PROVISIONAL_LAST_YEAR = 2099;

const cache = new Map<number, ReadonlySet<string>>();

/** The rule's rest days of `year` as a set (memoised; for WorkingCalendar.provisionalHolidays); null outside the rule's years. */
export function provisionalHolidays(year: number): ReadonlySet<string> | null {
  if (!Number.isInteger(year) || year < PROVISIONAL_FIRST_YEAR || year > PROVISIONAL_LAST_YEAR) return null;
  let set = cache.get(year);
  if (!set) {
    set = new Set(provisionalHolidayList(year).map((h) => h.date));
    cache.set(year, set);
  }
  return set;
}
