/*
 * Burden control (SPEC §8, S0 集约性): a separate visit to a company within the window of another
 * visit needs a stated reason. The window is configurable; the default is the calendar quarter.
 */

export const REPEAT_WINDOWS = ['quarter', 'month', 'days30', 'days90'] as const;
export type RepeatWindow = (typeof REPEAT_WINDOWS)[number];
export const DEFAULT_REPEAT_WINDOW: RepeatWindow = 'quarter';

export const REPEAT_WINDOW_LABELS: Record<RepeatWindow, string> = {
  quarter: '同一季度',
  month: '同一月份',
  days30: '前后30天',
  days90: '前后90天',
};

const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

/** Whether two visit dates ('YYYY-MM-DD') fall within one window of each other. */
export function withinWindow(window: RepeatWindow, a: string, b: string): boolean {
  switch (window) {
    case 'quarter':
      return a.slice(0, 4) === b.slice(0, 4) && quarterOf(a) === quarterOf(b);
    case 'month':
      return a.slice(0, 7) === b.slice(0, 7);
    case 'days30':
      return Math.abs(dayNumber(a) - dayNumber(b)) <= 30;
    case 'days90':
      return Math.abs(dayNumber(a) - dayNumber(b)) <= 90;
  }
}

export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

/** The date range to search for other visits: every date that could be within the window of `date`. */
export function windowRange(window: RepeatWindow, date: string): { from: string; to: string } {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (window) {
    case 'quarter': {
      const first = (quarterOf(date) - 1) * 3 + 1;
      return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}` };
    }
    case 'month':
      return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
    case 'days30':
      return { from: iso(dayNumber(date) - 30), to: iso(dayNumber(date) + 30) };
    case 'days90':
      return { from: iso(dayNumber(date) - 90), to: iso(dayNumber(date) + 90) };
  }
}
