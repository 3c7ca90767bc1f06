import { api } from '../../../../common/api.js';
import type { Provision } from '../../legal/api/legal.js';

export interface CampaignSummary {
  id: string;
  title: string;
  documentNumber: string | null;
  issuingUnit: string;
  issuedOn: string | null;
  startsOn: string;
  endsOn: string;
  status: 'draft' | 'active' | 'closed';
  templateId: string | null;
  regionId: number;
  regionCode: string;
  regionName: string;
  regionLevel: string;
  parentCampaignId: string | null;
  relation: 'own' | 'ancestor' | 'subtree';
  canManage: boolean;
}
export interface CampaignTask {
  id: string;
  phaseId: string;
  seq: number;
  title: string;
  description: string | null;
  dueOn: string | null;
  effectiveDueOn: string;
  responsibleDepartmentType: string | null;
  responsibleOrgUnitId: string | null;
  responsibleOrgUnitName: string | null;
  responsibleNote: string | null;
  targetCount: number | null;
}
export interface CampaignPhase {
  id: string;
  seq: number;
  name: string;
  startsOn: string | null;
  endsOn: string;
  description: string | null;
  tasks: CampaignTask[];
}
export interface FocusItem {
  id: string;
  seq: number;
  title: string;
  description: string;
  checklistText: string | null;
  legalProvisionIds: number[];
  legalBasis: Provision[];
  leadDepartmentType: string;
  coDepartmentTypes: string[];
}
export interface ResponsibilityRule {
  id?: string;
  priority?: number;
  conditionKind: string;
  category: number | null;
  subCondition: string | null;
  leadDepartmentType: string;
  coDepartmentTypes: string[];
  description: string | null;
  enabled: boolean;
}
export interface CampaignUnit {
  id: string;
  orgUnitId: string | null;
  orgUnitRegionCode: string | null;
  departmentType: string | null;
  unitName: string;
  role: 'lead' | 'member';
  duties: string | null;
  responsibleLeader: string | null;
  contactName: string | null;
  contactPhone: string | null;
  sortOrder: number;
}
export interface CampaignDeadline {
  id: string;
  kind: string;
  dueOn: string;
  description: string;
}
export interface CampaignDetail extends CampaignSummary {
  objective: string | null;
  monthlyReportDueDay: number | null;
  monthlyReportRule: string | null;
  dragnetDeadline: string | null;
  dragnetDescription: string | null;
  createdAt: string;
  updatedAt: string;
  parent: { id: string; title: string; regionName: string } | null;
  children: { id: string; title: string; regionCode: string; regionName: string; status: string }[];
  phases: CampaignPhase[];
  focusItems: FocusItem[];
  responsibilityRules: ResponsibilityRule[];
  units: CampaignUnit[];
  deadlines: CampaignDeadline[];
}
export interface ProgressCell {
  regionCode: string;
  status: 'pending' | 'done';
  doneOn: string | null;
  quantity: number | null;
  note: string | null;
  overdue: boolean;
  updatedAt: string | null;
}
export interface ProgressSummary {
  campaignId: string;
  today: string;
  regions: { code: string; name: string; level: string; done: number; total: number; percent: number }[];
  tasks: { taskId: string; phaseName: string; title: string; dueOn: string; targetCount: number | null; done: number; total: number; cells: ProgressCell[] }[];
}
export interface CampaignTemplate {
  id: string;
  name: string;
  summary: string;
  level: string;
  year: number;
  parentTemplateId: string | null;
  title: string;
  issuingUnit: string;
  issuedOn: string | null;
  startsOn: string;
  endsOn: string;
  phases: { name: string; startsOn: string | null; endsOn: string; taskCount: number }[];
  focusItemCount: number;
  departments: { departmentType: string; unitName: string; role: string }[];
}

type Body = Record<string, unknown>;
const base = (id: string) => `/api/campaigns/${id}`;

/** One function per campaign API call. */
export const listTemplates = () => api.get<{ items: CampaignTemplate[] }>('/api/campaign-templates');
export const getCampaign = (id: string) => api.get<CampaignDetail>(base(id));
export const createCampaign = (body: Body) => api.post<CampaignDetail>('/api/campaigns', body);
export const createFromTemplate = (body: Body) => api.post<CampaignDetail>('/api/campaigns/from-template', body);
export const updateCampaign = (id: string, body: Body) => api.patch<CampaignDetail>(base(id), body);

export const addPhase = (id: string, body: Body) => api.post(`${base(id)}/phases`, body);
export const updatePhase = (id: string, phaseId: string, body: Body) => api.patch(`${base(id)}/phases/${phaseId}`, body);
export const deletePhase = (id: string, phaseId: string) => api.delete(`${base(id)}/phases/${phaseId}`);
export const addTask = (id: string, phaseId: string, body: Body) => api.post(`${base(id)}/phases/${phaseId}/tasks`, body);
export const updateTask = (id: string, taskId: string, body: Body) => api.patch(`${base(id)}/tasks/${taskId}`, body);
export const deleteTask = (id: string, taskId: string) => api.delete(`${base(id)}/tasks/${taskId}`);

export const getProgress = (id: string) => api.get<ProgressSummary>(`${base(id)}/progress`);
export const setProgress = (id: string, taskId: string, regionCode: string, body: Body) => api.put(`${base(id)}/tasks/${taskId}/progress/${encodeURIComponent(regionCode)}`, body);

export const addFocusItem = (id: string, body: Body) => api.post(`${base(id)}/focus-items`, body);
export const updateFocusItem = (id: string, itemId: string, body: Body) => api.patch(`${base(id)}/focus-items/${itemId}`, body);
export const deleteFocusItem = (id: string, itemId: string) => api.delete(`${base(id)}/focus-items/${itemId}`);

export const saveRules = (id: string, rules: ResponsibilityRule[]) => api.put<{ items: ResponsibilityRule[] }>(`${base(id)}/responsibility-rules`, { rules });

export const addUnit = (id: string, body: Body) => api.post(`${base(id)}/units`, body);
export const updateUnit = (id: string, unitId: string, body: Body) => api.patch(`${base(id)}/units/${unitId}`, body);
export const deleteUnit = (id: string, unitId: string) => api.delete(`${base(id)}/units/${unitId}`);

export const addDeadline = (id: string, body: Body) => api.post(`${base(id)}/deadlines`, body);
export const updateDeadline = (id: string, deadlineId: string, body: Body) => api.patch(`${base(id)}/deadlines/${deadlineId}`, body);
export const deleteDeadline = (id: string, deadlineId: string) => api.delete(`${base(id)}/deadlines/${deadlineId}`);
