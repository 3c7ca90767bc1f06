import { api } from '../../../common/api.js';

export const CASE_STATUSES = ['draft', 'pending_approval', 'approved', 'published'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<string, string> = {
  draft: '草稿',
  pending_approval: '待审批',
  approved: '已审批待发布',
  published: '已发布',
};
export const CASE_STATUS_COLORS: Record<string, string> = { draft: 'default', pending_approval: 'orange', approved: 'blue', published: 'green' };
export const CASE_SOURCE_LABELS: Record<string, string> = { problem: '问题台账', enforcement_action: '执法文书', complaint: '投诉举报' };

/** The four sections of a typical case (典型案例). */
export const CASE_SECTIONS = [
  { key: 'basicSituation', label: '基本情况' },
  { key: 'illegalFacts', label: '违法事实' },
  { key: 'penaltyBasis', label: '处罚依据' },
  { key: 'handlingResult', label: '处理结果' },
] as const;
export type CaseSectionKey = (typeof CASE_SECTIONS)[number]['key'];

export interface TypicalCase {
  id: string;
  title: string;
  status: string;
  sourceType: string;
  sourceId: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  projectId?: string | null;
  projectName?: string | null;
  basicSituation: string;
  illegalFacts: string;
  penaltyBasis: string;
  handlingResult: string;
  /** What the automatic redaction removed when the draft was made. */
  redactionFindings?: FieldFinding[];
  /** Personal data the current texts still seem to contain. */
  remainingFindings?: FieldFinding[];
  redactionChecked: boolean;
  redactionCheckedAt?: string | null;
  drafterName?: string | null;
  draftedBy?: string;
  submittedAt?: string | null;
  approvedAt?: string | null;
  /** Set when an approver sent the case back to draft. */
  returnNote?: string | null;
  publishedAt: string | null;
  createdAt?: string;
  updatedAt: string;
  allowedActions?: string[];
}

export interface RedactionFinding {
  kind: string;
  original: string;
  replacement: string;
  index: number;
}
export interface FieldFinding extends RedactionFinding {
  field: string;
}
export interface RedactionPreview {
  text: string;
  findings: RedactionFinding[];
}

export const REDACTION_KIND_LABELS: Record<string, string> = { id_number: '身份证号', mobile: '手机号', landline: '电话', room: '房号', name: '姓名' };

export const getCase = (id: string) => api.get<TypicalCase>(`/api/cases/${id}`);
export const createCase = (body: Record<string, unknown>) => api.post<TypicalCase>('/api/cases', body);
export const updateCase = (id: string, body: Record<string, unknown>) => api.put<TypicalCase>(`/api/cases/${id}`, body);
export const caseAction = (id: string, action: string, body: Record<string, unknown> = {}) => api.post<TypicalCase>(`/api/cases/${id}/${action}`, body);
export const redactPreview = (text: string, keep: string[] = []) => api.post<RedactionPreview>('/api/cases/redact-preview', { text, keep });
