import { api } from '../../../common/api.js';

export interface ReportRow {
  no: number;
  label: string;
  month: number | null;
  cumulative: number | null;
  available: boolean;
  note?: string;
  link: string;
}
export interface MonthlyReport {
  region: string;
  regionName: string;
  level: string;
  month: string;
  status: string;
  statusLabel: string;
  version: number;
  frozen: boolean;
  dueOn: string;
  campaignStart: string | null;
  rows: ReportRow[];
  subRegions: Array<{ regionCode: string; regionName: string; own: boolean; status: string | null; rows: ReportRow[] }>;
  typicalCases: string;
  experience: string;
  compiler: string | null;
  contactPhone: string | null;
  reviewComment: string | null;
  submittedAt: string | null;
}
export interface CountLink {
  count: number;
  link: string;
}
export interface Block {
  total: number;
  open: number;
  overdue: number;
  byCategory: Array<CountLink & { category: number; label: string }>;
  bySubRegion: Array<CountLink & { regionCode: string; regionName: string; overdue: number; overdueLink: string }>;
  links: { total: string; overdue: string };
}
export interface Dashboard {
  region: string;
  regionName: string;
  campaign: { id: string; title: string; link: string } | null;
  complaints: Block;
  problems: Block;
  overdueList: Array<{ id: string; trackingCode: string; description: string; regionName: string; leadOrgUnitName: string | null; link: string }>;
  hotSpots: Array<{ enterpriseId: string; name: string; leads: number; link: string }>;
  hotline: { available: boolean; checked?: number; passed?: number; rate?: number | null; note?: string };
  dragnet: { available: boolean; total?: number; inspected?: number; rate?: number | null; note?: string };
  phases: Array<{ id: string; name: string; endsOn: string; tasks: number; done: number; link: string }>;
  satisfaction: Array<{ month: string; rated: number; satisfied: number; rate: number | null }>;
  reporting: { month: string; expected: number; received: number; onTime: number; late: number; missing: Array<{ regionCode: string; regionName: string }>; link: string } | null;
}
export interface ReportingStatus {
  region: string;
  month: string;
  dueOn: string;
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: Array<{ regionCode: string; regionName: string; overdue: boolean }>;
  items: Array<{ regionCode: string; regionName: string; statusLabel: string; received: boolean; onTime: boolean; overdue: boolean; submittedAt: string | null; dueOn: string }>;
}

export const getDashboard = (region?: string) => api.get<Dashboard>('/api/dashboard', { region });
export const getMonthly = (region: string, month: string) => api.get<MonthlyReport>('/api/reports/monthly', { region, month });
export const saveMonthly = (body: Record<string, unknown>) => api.put<MonthlyReport>('/api/reports/monthly', body);
export const transitionMonthly = (action: 'submit' | 'return' | 'accept', body: Record<string, unknown>) => api.post<MonthlyReport>(`/api/reports/monthly/${action}`, body);
export const getRecords = (q: Record<string, string>) =>
  api.get<{ label: string; from: string; to: string; total: number; available: boolean; externalLink: string | null; items: Array<{ id: string; label: string; date: string | null; quantity: number; link: string }> }>(
    '/api/reports/monthly/records',
    q,
  );
export const getReportingStatus = (region: string, month: string) => api.get<ReportingStatus>('/api/reports/reporting-status', { region, month });
