import { api } from '../../../../common/api.js';

/** Types and calls of the complaints API (docs: tmp/complaints-contract.md, server/modules/complaints). */

export type Channel = 'web' | 'phone' | 'letter' | 'visit' | 'hotline_12345' | 'inspection' | 'referral' | 'open311';
export type LeadDepartment = 'housing' | 'market' | 'police' | 'civil' | 'credit' | 'none';
export type ComplaintStatus = 'received' | 'dispatched' | 'accepted' | 'handled' | 'reply_pending' | 'replied' | 'closed' | 'returned' | 'merged';
export type Box = 'to_dispatch' | 'unlocated' | 'to_sign' | 'in_progress' | 'due_soon' | 'overdue' | 'escalated' | 'supervised' | 'mine_unit';
export type RecallResult = 'confirmed' | 'not_reached' | 'contradicted';

export interface TriageCue {
  kind: string;
  label: string;
  matched: string;
}
export interface TriageProposal {
  category: number;
  leadDepartment: LeadDepartment;
  coDepartments: LeadDepartment[];
  urgent: boolean;
  cues: TriageCue[];
  project?: { id: string; name: string } | null;
  enterprise?: { id: string; name: string } | null;
}

export interface ComplaintListItem {
  id: string;
  trackingCode: string;
  channel: Channel;
  description: string;
  category: number | null;
  leadDepartment: LeadDepartment | null;
  urgent: boolean;
  status: ComplaintStatus;
  statusLabel?: string;
  projectName: string | null;
  enterpriseName: string | null;
  regionName: string | null;
  leadOrgUnitName: string | null;
  receivedAt: string;
  dispatchedAt: string | null;
  dueAt: string | null;
  /** The deadline that applies now (sign / act / reply / follow-up). */
  currentDueAt?: string | null;
  /** Computed on the provisional calendar (暂定): a year it crosses has no official arrangement yet. */
  deadlinesProvisional?: boolean;
  dueSoon: boolean;
  overdue: boolean;
  supervised: boolean;
  returnCount: number;
  /** Last escalation to the supervisor (超期升级), null when never escalated. */
  lastEscalatedAt?: string | null;
}

export interface TimelineEntry {
  id: string;
  at: string;
  actorName: string | null;
  orgUnitName: string | null;
  action: string;
  actionLabel: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  attachments: Array<{ id: string; name: string; mime: string }>;
}

export interface Extension {
  id: string;
  days: number;
  reason: string;
  status: 'pending' | 'approved' | 'refused' | string;
  requestedAt: string;
  requestedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  previousDueAt: string | null;
  newDueAt: string | null;
}

export interface ComplaintDetail extends ComplaintListItem {
  description: string;
  address: string | null;
  projectId: string | null;
  enterpriseId: string | null;
  regionId: number;
  externalRef: string | null;
  anonymous: boolean;
  confidential: boolean;
  /** Masked by default (138****1234); null when anonymous. */
  contact: { name: string | null; phone: string | null } | null;
  triage: {
    proposal: { category: number; leadDepartment: LeadDepartment; coDepartments: LeadDepartment[]; urgent: boolean };
    cues: TriageCue[];
    correctedAt: string | null;
    correctedByName: string | null;
    /** 人工确认: when an officer confirmed or corrected the proposal (dispatching with it counts); null = 待人工确认. */
    confirmedAt: string | null;
    confirmedByName: string | null;
  } | null;
  coDepartments: LeadDepartment[];
  leadOrgUnitId: string | null;
  coOrgUnits: Array<{ id: string; name: string }>;
  finalAssignment: boolean;
  finding: string | null;
  outcome: string | null;
  findingDetails: string | null;
  rectificationDeadline: string | null;
  referredTo: string | null;
  reply: { text: string; draftedAt: string | null; approvedAt: string | null; approvedByName: string | null; released: boolean } | null;
  satisfaction: string | null;
  followUpNote: string | null;
  followedUpAt: string | null;
  reworkCount: number;
  sla: {
    signDueAt: string | null;
    actDueAt: string | null;
    dueAt: string | null;
    followUpDueAt: string | null;
    currentKind: string | null;
    currentDueAt: string | null;
    /** Computed on the provisional calendar (暂定). */
    provisional: boolean;
    dueSoon: boolean;
    overdue: boolean;
    extensions: Extension[];
  } | null;
  supervision: { supervised: boolean; deadline: string | null; note: string | null; at: string | null } | null;
  escalations?: Array<{ kind: string; kindLabel: string; dueAt: string; escalatedAt: string; notifiedOrgUnitName: string | null }>;
  /** The supervisor's re-call (回访抽查), when done. */
  recall?: {
    at: string;
    byName: string | null;
    result: RecallResult;
    resultLabel: string;
    satisfaction: string | null;
    recordedSatisfaction: string | null;
    note: string;
  } | null;
  timeline: TimelineEntry[];
  duplicateCandidates: Array<{ id: string; trackingCode: string; similarity: number; description: string; status: string; receivedAt: string }>;
  mergedInto: { id: string; trackingCode: string; status: string } | null;
  mergedChildren: Array<{ id: string; trackingCode: string; receivedAt: string; satisfaction: string | null; followedUpAt: string | null }>;
  allowedActions: string[];
  proposedAssignment: { leadOrgUnitId: string | null; leadOrgUnitName: string | null; coOrgUnits: Array<{ id: string; name: string }> } | null;
  problemId: string | null;
  closedAt: string | null;
}

export interface HotSpotRow {
  enterpriseId?: string;
  projectId?: string;
  name: string;
  enterpriseName?: string | null;
  leads: number;
  categories: Array<{ category: number; count: number }>;
  repeatedCategory: number | null;
}

export interface ComplaintImportResult {
  ok: boolean;
  importId: string;
  dryRun: boolean;
  written: boolean;
  total: number;
  created: number;
  updated: number;
  /** Rows whose 办件编号 appeared earlier in the same file. */
  duplicates: number;
  errorCount: number;
  errors: Array<{ row: number; column: string; cell: string | null; message: string }>;
  errorsTruncated: boolean;
  warnings: Array<{ row: number; column: string; cell: string | null; message: string }>;
  ignoredColumns: string[];
  /** field → header read for it. */
  recognised: Record<string, string>;
  fileSha256: string;
  preview: Array<{
    row: number;
    externalRef: string;
    action: 'create' | 'update';
    description: string;
    contactName: string | null;
    contactPhone: string | null;
    receivedAt: string | null;
    upstreamStatus: string | null;
    projectName: string | null;
  }>;
}

export const triageText = (text: string) => api.post<TriageProposal>('/api/triage', { text });
export const createComplaint = (body: Record<string, unknown>) => api.post<{ id: string; trackingCode: string }>('/api/complaints', body);
export const getComplaint = (id: string) => api.get<ComplaintDetail>(`/api/complaints/${id}`);
export const runAction = (id: string, action: string, body: Record<string, unknown>) => api.post<ComplaintDetail>(`/api/complaints/${id}/${action}`, body);
export const revealContact = (id: string, reason: string) => api.post<{ contactName: string | null; contactPhone: string | null }>(`/api/complaints/${id}/reveal-contact`, { reason });
export const uploadAttachment = (id: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<{ fileId: string }>(`/api/complaints/${id}/attachments`, form);
};
export const attachmentUrl = (id: string, fileId: string) => `/api/complaints/${id}/attachments/${fileId}`;
export const getHotSpots = (query: { region?: string; days?: number }) =>
  api.get<{ enterprises: HotSpotRow[]; projects: HotSpotRow[] }>('/api/complaints/hot-spots', query);
export interface ReturnStatsRow {
  orgUnitId: string;
  orgUnitName: string;
  returns: number;
  leads: number;
}
export const getReturnStats = (query: { region?: string; days?: number }) => api.get<{ items: ReturnStatsRow[] }>('/api/complaints/stats/returns', query);
export const searchOrgUnits = (q: string) =>
  api.get<{ items: Array<{ id: string; name: string; regionName: string; type: string }> }>('/api/org-units', { q, pageSize: 50 });
export const searchComplaints = (q: string) => api.get<{ items: ComplaintListItem[] }>('/api/complaints', { q, pageSize: 20 });
export const runComplaintImport = (file: File, dryRun: boolean, importId: string, mapping?: Record<string, string>) => {
  const form = new FormData();
  if (mapping && Object.keys(mapping).length) form.append('mapping', JSON.stringify(mapping));
  form.append('file', file, file.name);
  return api.upload<ComplaintImportResult>('/api/complaints/import', form, { dryRun, importId });
};
export const downloadImportTemplate = () => api.download('/api/complaints/import/template');

export interface RecallSampleItem extends ComplaintListItem {
  closedAt: string | null;
  satisfaction: string | null;
}
export interface RecallCounts {
  recalled: number;
  confirmed: number;
  notReached: number;
  contradicted: number;
  contradictionRate: number | null;
  satisfactionMismatches: number;
}
export interface RecallStatsRow extends RecallCounts {
  orgUnitId: string | null;
  orgUnitName: string;
}
export const getRecallSample = (query: { size?: number; region?: string; from?: string; to?: string }) =>
  api.get<{ items: RecallSampleItem[]; poolSize: number; from: string; to: string }>('/api/complaints/recall-sample', query);
export const getRecallStats = (query: { region?: string; from?: string; to?: string }) =>
  api.get<{ items: RecallStatsRow[]; total: RecallCounts }>('/api/complaints/recall-stats', query);
export const recordRecall = (id: string, body: { result: RecallResult; satisfaction?: string | null; note: string }) =>
  api.post<ComplaintDetail>(`/api/complaints/${id}/recall`, body);
