import { api, type Page } from '../../../common/api.js';
import type { RemoteOption } from '../../components/RemoteSelect.js';

export interface Inspector {
  id: string;
  name: string;
  department: string;
  certificateNo: string;
  validFrom: string;
  validUntil: string;
  valid: boolean;
}
export interface FocusItem {
  id: string;
  seq: number;
  title: string;
}

export const listInspectors = (region?: string) => api.get<{ items: Inspector[] }>('/api/inspectors', { region });
export const listCampaigns = () => api.get<Page<{ id: string; title: string; regionName?: string }>>('/api/campaigns', { pageSize: 100 });
export const getCampaignFocus = async (id: string): Promise<FocusItem[]> => (await api.get<{ focusItems: FocusItem[] }>(`/api/campaigns/${id}`)).focusItems ?? [];

export const searchEnterprises = async (q: string): Promise<RemoteOption[]> =>
  (await api.get<Page<{ id: string; name: string }>>('/api/enterprises', { q, pageSize: 20 })).items.map((e) => ({ value: e.id, label: e.name }));
export const projectsOf = async (enterpriseId: string): Promise<RemoteOption[]> =>
  (await api.get<Page<{ id: string; name: string }>>('/api/projects', { enterpriseId, pageSize: 100 })).items.map((p) => ({ value: p.id, label: p.name }));
