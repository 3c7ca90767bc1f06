import { FOCUS_CATEGORIES, focusCategoryLabel } from '../../../../core/categories.js';
import { api } from '../../../common/api.js';

import {
  PROBLEM_ACTION_LABELS,
  PROBLEM_SOURCES,
  PROBLEM_SOURCE_LABELS,
  PROBLEM_STATUSES,
  PROBLEM_STATUS_LABELS,
  type ProblemSource,
  type ProblemStatus,
  REVIEW_METHOD_LABELS,
  REVIEW_RESULT_LABELS,
  STAFF_CREATABLE_SOURCES,
} from '../../../../core/problems/labels.js';

export { PROBLEM_SOURCES, PROBLEM_SOURCE_LABELS, PROBLEM_STATUSES, PROBLEM_STATUS_LABELS, REVIEW_METHOD_LABELS, REVIEW_RESULT_LABELS, STAFF_CREATABLE_SOURCES };
export type { ProblemSource, ProblemStatus };
export const PROBLEM_STATUS_COLORS: Record<ProblemStatus, string> = { open: 'orange', rectifying: 'processing', submitted: 'purple', closed: 'success', withdrawn: 'default' };

/** Problem categories 0–6: the campaign's focus categories (core/categories.ts). */
export const PROBLEM_CATEGORY_LABELS: Record<number, string> = Object.fromEntries(FOCUS_CATEGORIES.map((c) => [c, focusCategoryLabel(c)]));

export const REQUEST_STATUS_LABELS: Record<string, string> = { pending: '待处理', approved: '已批准', refused: '不予批准', upheld: '异议成立', rejected: '异议不成立' };

export const ACTION_LABELS: Record<string, string> = { ...PROBLEM_ACTION_LABELS, attach: '上传附件' };

export interface ProblemSummary {
  id: string;
  code: string;
  source: ProblemSource;
  category: number;
  title: string;
  status: ProblemStatus;
  regionId: number;
  regionName?: string | null;
  enterpriseId: string | null;
  enterpriseName?: string | null;
  projectId: string | null;
  projectName?: string | null;
  deadline: string;
  overdue: boolean;
  repeatOffence: boolean;
  supervised: boolean;
  supervisionDeadline: string | null;
  reworkCount: number;
  createdAt: string;
}

export interface ProblemFile {
  id: string;
  name?: string | null;
  fileName?: string | null;
  size?: number | null;
  url?: string | null;
}

export interface ProblemEvent {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorName: string;
  byEnterprise?: boolean;
  actorEnterpriseId?: string | null;
  note: string | null;
  attachmentFileIds?: string[];
  attachments?: ProblemFile[];
  at: string;
}
export interface ProblemSubmission {
  id: string;
  seq: number;
  submittedByName: string;
  submittedBy?: string | null;
  byEnterprise: boolean;
  text: string;
  fileIds?: string[];
  files?: ProblemFile[];
  submittedAt: string;
}
export interface ProblemReview {
  id: string;
  submissionId: string;
  reviewerName: string;
  method: string;
  result: string;
  note: string | null;
  reviewedAt: string;
}
export interface ProblemExtension {
  id: string;
  days: number;
  reason: string;
  previousDeadline: string;
  requestedDeadline: string;
  status: string;
  requestedByName: string;
  requestedAt: string;
  decisionNote: string | null;
  decidedAt: string | null;
}
export interface ProblemObjection {
  id: string;
  reason: string;
  status: string;
  raisedByName: string;
  raisedAt: string;
  decisionNote: string | null;
  decidedAt: string | null;
}
export interface RepeatInfo {
  repeatOffence: boolean;
  previous: { id: string; code: string; title: string; status: string; openedOn?: string; createdAt?: string }[];
  suggestedNextStep: string | null;
  suggestedNextStepLabel?: string | null;
}
export interface ProblemDetail extends ProblemSummary {
  description: string;
  measures: string | null;
  sourceId: string | null;
  complaintId?: string | null;
  responsibleOrgUnitId: string | null;
  responsibleOrgUnitName?: string | null;
  responsiblePerson: string | null;
  supervisionNote?: string | null;
  openedOn?: string;
  closedAt: string | null;
  allowedActions: string[];
  timeline: ProblemEvent[];
  submissions: ProblemSubmission[];
  reviews: ProblemReview[];
  extensions?: ProblemExtension[];
  objections?: ProblemObjection[];
  repeat?: RepeatInfo;
}

/** allowedActions may be spelled extension-request or extension_request; the UI uses underscores. */
export const normAction = (a: string) => a.replace(/-/g, '_');
const actionPath = (a: string) => a.replace(/_/g, '-');

export const getProblem = (id: string) => api.get<ProblemDetail>(`/api/problems/${id}`);
export const createProblem = (body: Record<string, unknown>) => api.post<{ id: string; code: string; repeatOffence: boolean }>('/api/problems', body);
export const problemAction = (id: string, action: string, body: Record<string, unknown> = {}) => api.post<unknown>(`/api/problems/${id}/${actionPath(action)}`, body);
export const uploadProblemFile = (id: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<{ fileId: string }>(`/api/problems/${id}/attachments`, form);
};
export const problemFileUrl = (id: string, fileId: string) => `/api/problems/${id}/attachments/${fileId}`;
