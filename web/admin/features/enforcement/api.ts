import { api } from '../../../common/api.js';

export const ENFORCEMENT_TYPES = ['interview', 'rectification_order', 'warning_letter', 'warning', 'fine', 'confiscation', 'police_penalty', 'criminal_referral'] as const;
export type EnforcementType = (typeof ENFORCEMENT_TYPES)[number];
export const ENFORCEMENT_TYPE_LABELS: Record<EnforcementType, string> = {
  interview: '约谈',
  rectification_order: '责令整改通知书',
  warning_letter: '提醒告诫书',
  warning: '警告',
  fine: '罚款',
  confiscation: '没收违法所得',
  police_penalty: '治安管理处罚',
  criminal_referral: '移送司法机关',
};
/** Types that carry an amount (元). */
export const AMOUNT_TYPES: readonly string[] = ['fine', 'confiscation'];
/** Penalty decisions: published within 7 working days (双公示). */
export const PENALTY_TYPES: readonly string[] = ['fine', 'confiscation', 'police_penalty', 'warning'];

export const enforcementLabel = (t: string | null | undefined) => (t ? (ENFORCEMENT_TYPE_LABELS[t as EnforcementType] ?? t) : '—');

export interface EnforcementSummary {
  id: string;
  type: EnforcementType;
  typeLabel?: string;
  title?: string;
  /** Penalty decision (published within 7 working days). */
  penalty: boolean;
  documentNumber: string;
  actionDate: string;
  enterpriseId: string;
  enterpriseName: string;
  creditCode?: string;
  issuingUnitName?: string | null;
  projectId: string | null;
  amount: number | null;
  /** Rectification orders: the deadline computed on the working-day calendar. */
  deadline: string | null;
  publicationDueOn: string | null;
  publishedAt: string | null;
  publicationOverdue?: boolean;
  problemId: string | null;
  complaintId: string | null;
  createdAt: string;
}
export interface EnforcementLegalBasis {
  id: number;
  citation: string;
  summary?: string | null;
  actTitle?: string | null;
  article?: string | null;
  effectiveFrom?: string;
  effectiveTo?: string | null;
}
export interface EnforcementDetail extends EnforcementSummary {
  facts: string;
  deadlineDays: number | null;
  legalBasisIds: number[];
  legalBasis: EnforcementLegalBasis[];
  projectName: string | null;
  creditEventId?: string | null;
}

export const createEnforcement = (body: Record<string, unknown>) => api.post<{ id: string; documentNumber: string; deadline: string | null; publicationDueOn: string | null; creditEventId: string | null; problemId: string | null }>('/api/enforcement-actions', body);
export const getEnforcement = (id: string) => api.get<EnforcementDetail>(`/api/enforcement-actions/${id}`);
export const publishEnforcement = (id: string) => api.post<unknown>(`/api/enforcement-actions/${id}/publish`);
export const downloadDocument = (id: string) => api.download(`/api/enforcement-actions/${id}/document`);
