import { api } from '../../../../common/api.js';

/** Complaint configuration and measurement (server/modules/complaints/complaints-config.routes.ts). */

export interface TimeLimitValues {
  signDays: number;
  closeDays: number;
  followUpDays: number;
  urgentSignHours: number;
  urgentActHours: number;
}
export type TimeLimitRow = { leadDepartment: string } & { [K in keyof TimeLimitValues]: number | null };

export interface CampaignTimeLimits {
  campaignId: string;
  canManage: boolean;
  usesDefaults: boolean;
  defaults: TimeLimitValues;
  rows: TimeLimitRow[];
  effective: Array<{ leadDepartment: string } & TimeLimitValues>;
}

export interface TriageStats {
  from: string | null;
  to: string | null;
  total: number;
  corrected: number;
  categoryAgreement: number | null;
  leadDepartmentAgreement: number | null;
  coDepartmentsAgreement: number | null;
  urgentAgreement: number | null;
  confusion: Array<{ proposed: number; corrected: number; count: number }>;
  leadDepartmentConfusion: Array<{ proposed: string; corrected: string; count: number }>;
}

export const getTimeLimits = (campaignId: string) => api.get<CampaignTimeLimits>(`/api/campaigns/${campaignId}/complaint-time-limits`);
export const saveTimeLimits = (campaignId: string, limits: TimeLimitRow[]) =>
  api.put<CampaignTimeLimits>(`/api/campaigns/${campaignId}/complaint-time-limits`, { limits });
export const getTriageStats = (query: { from?: string; to?: string; region?: string }) => api.get<TriageStats>('/api/triage/stats', query);
