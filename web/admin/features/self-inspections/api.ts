import { SELF_INSPECTION_STATUS_LABELS, type SelfInspectionStatus } from '../../../../core/obligations/index.js';
import { api } from '../../../common/api.js';

export { SELF_INSPECTION_STATUS_LABELS };
export const STATUS_COLORS: Record<SelfInspectionStatus, string> = { draft: 'default', confirmed: 'processing', filed: 'purple', accepted: 'success', returned: 'error' };

export interface FormItem {
  focusItemId: string;
  seq: number;
  title: string;
  text: string;
  problem: string | null;
  responsiblePerson: string | null;
  contact: string | null;
  deadline: string | null;
  problemId: string | null;
}
export interface Flag {
  focusItemId: string;
  seq: number;
  reason: string;
  sources: { type: 'complaint' | 'problem'; id: string; label: string; date: string }[];
  confirmed: boolean;
}
export interface SelfInspection {
  id: string;
  campaignId: string;
  campaignTitle: string;
  projectId: string;
  projectName: string;
  enterpriseName: string;
  regionName: string;
  status: SelfInspectionStatus;
  statusLabel: string;
  reportDate: string;
  version: number;
  filedAt: string | null;
  confirmedByName: string | null;
  confirmedAt: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  returnReason: string | null;
  items: FormItem[];
  flags: Flag[];
  versions: { version: number; filedAt: string; confirmedByName: string; outcome: string | null; returnReason: string | null; decidedByName: string | null }[];
  allowedActions: string[];
}
export interface Completion {
  expected: number;
  filed: number;
  accepted: number;
  returned: number;
  notFiled: { projectId: string; projectName: string; enterpriseName: string | null; regionName: string; status: string | null }[];
  dueOn: string | null;
  dueSoon: boolean;
  overdue: boolean;
}
export interface Assignment {
  campaignId: string;
  campaignTitle: string;
  projectId: string;
  projectName: string;
  dueOn: string | null;
  formId: string | null;
  status: SelfInspectionStatus | null;
  returnReason: string | null;
  focusItems: { id: string; seq: number; title: string; text: string }[];
}

export const getSelfInspection = (id: string) => api.get<SelfInspection>(`/api/self-inspections/${id}`);
export const act = (id: string, action: 'confirm' | 'file' | 'accept' | 'return', body?: unknown) => api.post<SelfInspection>(`/api/self-inspections/${id}/${action}`, body);

/** Triggers a browser download of an API file (xlsx). */
export async function download(url: string, name: string) {
  const blob = await api.get<Blob>(url);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export interface CampaignOption {
  id: string;
  title: string;
  status: string;
  regionCode: string;
  regionName: string;
}
/** Campaigns the staff member can see; the default is the one of his own region, else the first active one. */
export async function loadCampaigns(regionCode: string | undefined): Promise<{ options: CampaignOption[]; preferred: string | undefined }> {
  const { items } = await api.get<{ items: CampaignOption[] }>('/api/campaigns', { pageSize: 100 });
  const active = items.filter((c) => c.status === 'active');
  const preferred = (active.find((c) => c.regionCode === regionCode) ?? active[0] ?? items[0])?.id;
  return { options: items, preferred };
}
