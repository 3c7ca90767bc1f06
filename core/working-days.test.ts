import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  CalendarRangeError,
  chinaDate,
  nextYearCalendarWarning,
  addCalendarDays,
  addWorkingDays,
  buildWorkingCalendar,
  countWorkingDays,
  dayKind,
  describeYears,
  isIsoDate,
  isWorkingDay,
  weekdayOf,
} from './working-days.js';

/*
 * The arrangements below are the State Council notices as carried by the `chinese-days` package
 * (checked against node_modules/chinese-days/dist/chinese-days.json before writing these tests):
 *  2021: 国庆 10-01…07 off, 调休上班 Sun 09-26 and Sat 10-09; 中秋 09-19…21 off, Sat 09-18 working.
 *  2026: 春节 02-15…23 off, Sat 02-14 and Sat 02-28 working; 国庆 10-01…07 off, 中秋 09-25…27 off,
 *        Sun 09-20 and Sat 10-10 working.
 */
const YEAR_DATA: Record<number, { holidays: string; workdays: string }> = {
  2021: {
    holidays:
      '01-01 01-02 01-03 02-11 02-12 02-13 02-14 02-15 02-16 02-17 04-03 04-04 04-05 05-01 05-02 05-03 05-04 05-05 06-12 06-13 06-14 09-19 09-20 09-21 10-01 10-02 10-03 10-04 10-05 10-06 10-07',
    workdays: '02-07 02-20 04-25 05-08 09-18 09-26 10-09',
  },
  2025: {
    holidays:
      '01-01 01-28 01-29 01-30 01-31 02-01 02-02 02-03 02-04 04-04 04-05 04-06 05-01 05-02 05-03 05-04 05-05 05-31 06-01 06-02 10-01 10-02 10-03 10-04 10-05 10-06 10-07 10-08',
    workdays: '01-26 02-08 04-27 09-28 10-11',
  },
  2026: {
    holidays:
      '01-01 01-02 01-03 02-15 02-16 02-17 02-18 02-19 02-20 02-21 02-22 02-23 04-04 04-05 04-06 05-01 05-02 05-03 05-04 05-05 06-19 06-20 06-21 09-25 09-26 09-27 10-01 10-02 10-03 10-04 10-05 10-06 10-07',
    workdays: '01-04 02-14 02-28 05-09 09-20 10-10',
  },
};

function calendarOf(years: number[]) {
  const days: { date: string; kind: 'holiday' | 'workday' }[] = [];
  for (const y of years) {
    for (const md of YEAR_DATA[y].holidays.split(' ')) days.push({ date: `${y}-${md}`, kind: 'holiday' });
    for (const md of YEAR_DATA[y].workdays.split(' ')) days.push({ date: `${y}-${md}`, kind: 'workday' });
  }
  return buildWorkingCalendar(years, days);
}

const cal = calendarOf([2021, 2025, 2026]);

describe('date helpers', () => {
  it('recognise real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
  });

  it('know the day of the week, also before 1970', () => {
    expect(weekdayOf('2021-10-09')).toBe(6); // Saturday
    expect(weekdayOf('2021-09-26')).toBe(0); // Sunday
    expect(weekdayOf('1969-12-31')).toBe(3); // Wednesday
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('describe the known years compactly', () => {
    expect(describeYears([2026, 2004, 2005, 2006, 2025])).toBe('已录入年份：2004–2006、2025–2026');
    expect(describeYears([])).toBe('尚未录入任何年份');
  });
});

describe('2021 National Day arrangement', () => {
  it('treats the holiday week as rest days and the 调休 Sunday and Saturday as working days', () => {
    for (const d of ['2021-10-01', '2021-10-02', '2021-10-04', '2021-10-07']) expect(isWorkingDay(cal, d)).toBe(false);
    expect(isWorkingDay(cal, '2021-09-26')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay(cal, '2021-10-09')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay(cal, '2021-09-25')).toBe(false); // ordinary Saturday
    expect(isWorkingDay(cal, '2021-10-10')).toBe(false); // ordinary Sunday
    expect(dayKind(cal, '2021-10-09')).toBe('adjusted_workday');
    expect(dayKind(cal, '2021-10-03')).toBe('holiday');
  });

  it('adds working days across the holiday week', () => {
    expect(addWorkingDays(cal, '2021-09-30', 1)).toBe('2021-10-08');
    expect(addWorkingDays(cal, '2021-09-30', 2)).toBe('2021-10-09');
    expect(addWorkingDays(cal, '2021-09-30', 3)).toBe('2021-10-11');
    expect(addWorkingDays(cal, '2021-09-24', 1)).toBe('2021-09-26');
    // A complaint dispatched on the first day of S3's 集中整治阶段, 15 working days to close.
    expect(addWorkingDays(cal, '2021-10-01', 15)).toBe('2021-10-27');
  });

  it('rolls a rest day forward for n = 0 and keeps a working day', () => {
    expect(addWorkingDays(cal, '2021-10-01', 0)).toBe('2021-10-08');
    expect(addWorkingDays(cal, '2021-10-08', 0)).toBe('2021-10-08');
    expect(addWorkingDays(cal, '2021-09-26', 0)).toBe('2021-09-26');
  });

  it('counts working days with the start excluded and the end included', () => {
    expect(countWorkingDays(cal, '2021-09-30', '2021-10-11')).toBe(3);
    expect(countWorkingDays(cal, '2021-10-01', '2021-10-07')).toBe(0);
    expect(countWorkingDays(cal, '2021-10-11', '2021-09-30')).toBe(-3);
    expect(countWorkingDays(cal, '2021-10-08', '2021-10-08')).toBe(0);
  });
});

describe('2026 Spring Festival and National Day arrangements', () => {
  it('skips 02-15…23 and works on Saturdays 02-14 and 02-28', () => {
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(cal, '2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays(cal, '2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkingDays(cal, '2026-02-12', 5)).toBe('2026-02-26');
    expect(addWorkingDays(cal, '2026-02-24', 4)).toBe('2026-02-28');
    expect(addWorkingDays(cal, '2026-02-24', 5)).toBe('2026-03-02');
    expect(countWorkingDays(cal, '2026-02-13', '2026-03-02')).toBe(7);
    expect(isWorkingDay(cal, '2026-02-23')).toBe(false); // Monday inside the holiday
  });

  it('crosses 中秋 and 国庆 2026 and lands on the 调休 Saturday 10-10', () => {
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay(cal, '2026-09-25')).toBe(false); // Friday, 中秋
    expect(addWorkingDays(cal, '2026-09-24', 1)).toBe('2026-09-28');
    expect(addWorkingDays(cal, '2026-09-28', 5)).toBe('2026-10-10');
    expect(countWorkingDays(cal, '2026-09-28', '2026-10-12')).toBe(6);
  });

  it('is the inverse of counting for every n', () => {
    for (const start of ['2021-09-17', '2026-02-10', '2026-09-18']) {
      for (let n = 1; n <= 20; n++) expect(countWorkingDays(cal, start, addWorkingDays(cal, start, n))).toBe(n);
    }
  });
});

describe('year boundaries and the known range', () => {
  it('crosses from 2025 into 2026 past the New Year holiday to the 调休 Sunday', () => {
    expect(addWorkingDays(cal, '2025-12-31', 1)).toBe('2026-01-04');
    expect(countWorkingDays(cal, '2025-12-31', '2026-01-05')).toBe(2);
  });

  it('throws CalendarRangeError instead of guessing weekends for an unknown year', () => {
    expect(() => addWorkingDays(cal, '2026-12-31', 1)).toThrow(CalendarRangeError);
    expect(addWorkingDays(cal, '2026-12-30', 1)).toBe('2026-12-31');
    expect(() => isWorkingDay(cal, '2027-03-01')).toThrow(CalendarRangeError);
    expect(() => countWorkingDays(cal, '2026-12-01', '2027-01-10')).toThrow(CalendarRangeError);
    // 2022–2024 are not in this calendar: a gap is out of range too, never guessed.
    expect(() => addWorkingDays(cal, '2021-12-31', 1)).toThrow(CalendarRangeError);
    const err = (() => {
      try {
        addWorkingDays(cal, '2030-05-06', 3);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(CalendarRangeError);
    expect((err as CalendarRangeError).date).toBe('2030-05-06');
    expect((err as CalendarRangeError).message).toBe('2030年的法定节假日安排尚未录入，无法按工作日计算（已录入年份：2021、2025–2026）');
  });

  it('refuses malformed input', () => {
    expect(() => addWorkingDays(cal, '2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-02-03', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-02-03', 1.5)).toThrow(RangeError);
  });
});

describe('agreement with the chinese-days package', () => {
  it('classifies every day of 2004–2026 as the package does', () => {
    const require = createRequire(import.meta.url);
    const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
    const pkg = require('chinese-days') as { isWorkday: (d: string) => boolean };
    const years = Array.from({ length: 23 }, (_, i) => 2004 + i);
    const full = buildWorkingCalendar(years, [
      ...Object.keys(data.holidays).map((date) => ({ date, kind: 'holiday' as const })),
      ...Object.keys(data.workdays).map((date) => ({ date, kind: 'workday' as const })),
    ]);
    let mismatches = 0;
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) if (isWorkingDay(full, d) !== pkg.isWorkday(d)) mismatches++;
    expect(mismatches).toBe(0);
  });
});

describe('nextYearCalendarWarning', () => {
  it('warns from November when next year is missing, and not otherwise', () => {
    expect(nextYearCalendarWarning('2026-10-31', [2025, 2026])).toBeNull();
    expect(nextYearCalendarWarning('2026-11-01', [2025, 2026])).toMatch(/2027年的法定节假日安排尚未录入/);
    expect(nextYearCalendarWarning('2026-12-20', [2026, 2027])).toBeNull();
  });
});

describe('chinaDate', () => {
  it('agrees with the time-zone database on every hour around midnight in China, across years', () => {
    const tz = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = Date.UTC(1985, 0, 1); t < Date.UTC(2040, 0, 1); t += 7 * 3_600_000 + 13 * 60_000) {
      const at = new Date(t);
      expect(chinaDate(at), at.toISOString()).toBe(tz.format(at));
    }
    expect(chinaDate(new Date('2026-12-07T15:59:59Z'))).toBe('2026-12-07');
    expect(chinaDate(new Date('2026-12-07T16:00:00Z'))).toBe('2026-12-08');
  });
});
