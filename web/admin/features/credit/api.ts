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
/** scheduled 未生效 · active 生效中 · expired 已到期 · repaired 已修复 · annulled 已撤销（异议成立）. */
export type BlacklistStatus = 'scheduled' | 'active' | 'expired' | 'repaired' | 'annulled';
export type BlacklistApplicationKind = 'objection' | 'repair';
export type BlacklistAction = 'objection' | 'objection_decision' | 'repair_application' | 'repair' | 'repair_refusal';

export const BLACKLIST_APPLICATION_KIND_LABELS: Record<BlacklistApplicationKind, string> = { objection: '异议', repair: '信用修复申请' };
export const BLACKLIST_APPLICATION_STATUS_LABELS: Record<string, string> = {
  pending: '待处理',
  upheld: '异议成立',
  rejected: '异议不成立',
  granted: '同意修复',
  refused: '不予修复',
};
export const BLACKLIST_PENDING_LABELS: Record<BlacklistApplicationKind, string> = { objection: '异议待处理', repair: '修复申请待处理' };

export interface BlacklistFile {
  id: string;
  name: string;
  size: number;
  mime: string;
}
/** The company's objection (异议) or credit repair application (信用修复申请) on an entry, with the decision. */
export interface BlacklistApplication {
  id: string;
  kind: BlacklistApplicationKind;
  status: string;
  reason: string | null;
  commitment: string | null;
  rectificationSummary: string | null;
  files: BlacklistFile[];
  submittedAt: string;
  decisionNote: string | null;
  decidedAt: string | null;
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
  annulledAt?: string | null;
  status?: BlacklistStatus;
  active?: boolean;
  pendingApplication?: BlacklistApplicationKind | null;
  applications?: BlacklistApplication[];
  /** What the current user may do now (the server accepts exactly these). */
  allowedActions?: BlacklistAction[];
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
export const refuseBlacklistRepair = (id: string, note: string) => api.post(`/api/blacklist/${id}/repair-refusal`, { note });
export const objectBlacklist = (id: string, body: { reason: string; fileIds?: string[] }) => api.post(`/api/blacklist/${id}/objection`, body);
export const decideBlacklistObjection = (id: string, body: { upheld: boolean; note: string }) => api.post(`/api/blacklist/${id}/objection-decision`, body);
export const applyBlacklistRepair = (id: string, body: { commitment: string; rectificationSummary: string; fileIds?: string[] }) =>
  api.post(`/api/blacklist/${id}/repair-application`, body);
export const uploadBlacklistFile = (id: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<{ fileId: string }>(`/api/blacklist/${id}/attachments`, form);
};
export const blacklistFileUrl = (id: string, fileId: string) => `/api/blacklist/${id}/attachments/${fileId}`;
export const downloadCreditExport = (q: { from: string; to: string; format: 'json' | 'csv' }) => api.download('/api/credit/export', q);

export interface BlacklistRow extends BlacklistEntry {
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
}

/** One company of GET /api/credit/enterprises. */
export interface CompanyCreditRow {
  id: string;
  name: string;
  creditCode: string;
  status: string;
  score: number;
  grade: CreditGrade;
  deductions: number;
  blacklisted: boolean;
  penalised: boolean;
  exact: boolean;
}
