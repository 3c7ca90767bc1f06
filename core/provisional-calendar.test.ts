import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { provisionalHolidayList, provisionalHolidays } from './provisional-calendar.js';
import { addWorkingDays, buildWorkingCalendar, CalendarRangeError, provisionalYearsIn } from './working-days.js';

const require = createRequire(import.meta.url);

describe('provisional calendar by rule (《全国年节及纪念日放假办法》, current text)', () => {
  it('lists the 13 statutory rest days of 2027', () => {
    expect(provisionalHolidayList(2027).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节（除夕）',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
  });

  it('is contained in the official arrangements of 2025 and 2026 (same text in force)', () => {
    const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string> };
    for (const year of [2025, 2026]) {
      const rule = provisionalHolidayList(year);
      expect(rule).toHaveLength(13);
      for (const h of rule) expect(data.holidays[h.date], `${h.date} ${h.name}`).toBeDefined();
    }
  });

  it('covers 2025–2099 only', () => {
    expect(provisionalHolidays(2024)).toBeNull();
    expect(provisionalHolidays(2100)).toBeNull();
    expect(provisionalHolidays(2099)?.size).toBe(13);
  });

  it('drives working-day arithmetic for a year not entered, and says so', () => {
    const official = buildWorkingCalendar([2026], []);
    expect(() => addWorkingDays(official, '2026-12-31', 1)).toThrow(CalendarRangeError);
    const cal = buildWorkingCalendar([2026], [], provisionalHolidays);
    expect(addWorkingDays(cal, '2026-12-31', 1)).toBe('2027-01-04');
    expect(addWorkingDays(cal, '2027-02-04', 1)).toBe('2027-02-09');
    expect(provisionalYearsIn(cal, '2026-12-31', '2027-01-04')).toEqual([2027]);
    expect(provisionalYearsIn(cal, '2026-03-01', '2026-03-05')).toEqual([]);
    expect(() => addWorkingDays(cal, '2003-05-06', 1)).toThrow(CalendarRangeError);
  });
});
