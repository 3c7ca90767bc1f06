import { api } from '../../../../common/api.js';

export interface Provision {
  id: number;
  key: string | null;
  actId: number;
  actTitle: string;
  actShortName: string;
  actLevel: string;
  actIssuer: string;
  actRegionCode: string | null;
  article: string;
  citation: string;
  versionLabel: string | null;
  summary: string;
  penaltyRange: string | null;
  penaltyMin: number | null;
  penaltyMax: number | null;
  enforcingDepartmentType: string | null;
  enforcer: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  supersedesId: number | null;
  confidence: '✅' | '◐' | '❓';
  sourceUrl: string | null;
  focusCategories: number[];
  note: string | null;
  updatedAt: string;
}
export interface ProvisionDetail extends Provision {
  versions: Provision[];
}
export interface LegalAct {
  id: number;
  key: string | null;
  title: string;
  shortName: string;
  issuer: string;
  level: string;
  regionCode: string | null;
  note: string | null;
  provisionCount: number;
}

/** One function per legal-library API call. */
export const listProvisions = (query: Record<string, string | number | undefined>) =>
  api.get<{ items: Provision[]; total: number }>('/api/legal-provisions', query);
export const getProvision = (id: number) => api.get<ProvisionDetail>(`/api/legal-provisions/${id}`);
export const createProvision = (body: Record<string, unknown>) => api.post<ProvisionDetail>('/api/legal-provisions', body);
export const updateProvision = (id: number, body: Record<string, unknown>) => api.patch<ProvisionDetail>(`/api/legal-provisions/${id}`, body);
export const listActs = () => api.get<{ items: LegalAct[] }>('/api/legal-acts');
export const createAct = (body: Record<string, unknown>) => api.post<LegalAct>('/api/legal-acts', body);
export const updateAct = (id: number, body: Record<string, unknown>) => api.patch<LegalAct>(`/api/legal-acts/${id}`, body);
