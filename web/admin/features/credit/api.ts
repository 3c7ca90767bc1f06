import type { CreditEventType, CreditGrade, CreditRule } from '../../../../core/credit/index.js';
import { api } from '../../../common/api.js';

export { CREDIT_EVENT_LABELS, CREDIT_EVENT_TYPES, CREDIT_GRADES, MANUAL_CREDIT_EVENT_TYPES } from '../../../../core/credit/index.js';
export type { CreditEventType, CreditGrade, CreditRule };

export const OBJECTION_LABELS: Record<string, string> = { none: '—', pending: '异议处理中', upheld: '异议成立（已撤销）', rejected: '异议不成立' };
export const GRADE_COLORS: Record<string, string> = { AAA: 'green', AA: 'cyan', A: 'blue', B: 'orange', C: 'red' };

export interface CreditEvent {
  id: string;
  type: CreditEventType;
  points: number;
  reason: string;
  sourceType: string | null;
  sourceId: string | null;
  occurredOn: string;
  validUntil: string;
  /** Whether the event counts today (inside validity, not annulled). */
  valid?: boolean;
  counts?: boolean;
  objectionStatus: string;
  objectionReason: string | null;
  objectionDecisionNote: string | null;
  createdAt?: string;
}
export interface BlacklistEntry {
  id: string;
  reason: string;
  from: string;
  until: string | null;
  sourceType?: string | null;
  sourceId?: string | null;
  repairedAt: string | null;
  repairNote: string | null;
  active?: boolean;
  createdAt?: string;
}
export interface EnterpriseCredit {
  enterprise: { id: string; name: string; creditCode: string };
  score: number;
  base?: number;
  asOf?: string;
  grade: CreditGrade;
  events: CreditEvent[];
  blacklisted: boolean;
  blacklist: BlacklistEntry[];
}

export const getEnterpriseCredit = (id: string) => api.get<EnterpriseCredit>(`/api/enterprises/${id}/credit`);
export const getCreditRule = () => api.get<CreditRule & { updatedAt?: string | null; isDefault?: boolean }>('/api/credit/rules');
export const putCreditRule = (rule: CreditRule) => api.put<CreditRule>('/api/credit/rules', rule);
export const addCreditEvent = (body: Record<string, unknown>) => api.post<{ id: string }>('/api/credit/events', body);
export const objectCreditEvent = (id: string, reason: string) => api.post(`/api/credit/events/${id}/objection`, { reason });
export const decideCreditObjection = (id: string, body: { uphold: boolean; note?: string }) => api.post(`/api/credit/events/${id}/objection-decision`, body);
export const addBlacklist = (enterpriseId: string, body: Record<string, unknown>) => api.post(`/api/enterprises/${enterpriseId}/blacklist`, body);
export const repairBlacklist = (id: string, note: string) => api.post(`/api/blacklist/${id}/repair`, { note });
export const downloadCreditExport = (q: { from: string; to: string; format: 'json' | 'csv' }) => api.download('/api/credit/export', q);

export interface BlacklistRow extends BlacklistEntry {
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
}
