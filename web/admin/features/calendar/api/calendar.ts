import { api } from '../../../../common/api.js';

export interface CalendarYear {
  year: number;
  publishedOn: string | null;
  source: string;
  complete: boolean;
  holidayCount: number;
  workdayCount: number;
  updatedAt: string;
}
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  source: string;
}
export interface YearDetail {
  year: number;
  publishedOn: string | null;
  source: string;
  complete: boolean;
  items: CalendarDay[];
}
export interface YearArrangement {
  year?: number;
  publishedOn?: string | null;
  source: string;
  complete?: boolean;
  holidays: { date: string; name: string }[];
  workdays: { date: string; name: string }[];
}

/** One function per calendar API call. */
export const listYears = () => api.get<{ items: CalendarYear[] }>('/api/calendar/years');
export const getYear = (year: number) => api.get<YearDetail>('/api/calendar/days', { year });
export const addYear = (body: YearArrangement) => api.post<YearDetail>('/api/calendar/years', body);
export const replaceYear = (year: number, body: YearArrangement) => api.put<YearDetail>(`/api/calendar/years/${year}`, body);
export const addWorkingDays = (date: string, days: number) => api.get<{ date: string; provisional: boolean }>('/api/calendar/add-working-days', { date, days });
export const countWorkingDays = (from: string, to: string) => api.get<{ from: string; to: string; workingDays: number }>('/api/calendar/count-working-days', { from, to });
