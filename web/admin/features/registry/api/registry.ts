import type { DisclosureItem, DisclosureStatus } from '../../../../../core/registry.js';
import { api } from '../../../../common/api.js';
import type { Disclosure, Enterprise, ImportJob, ImportResult, Practitioner, ProjectDetail } from './types.js';

/** One function per registry API call (the pages and forms use only these). */
export const getEnterprise = (id: string) => api.get<Enterprise>(`/api/enterprises/${id}`);
export const createEnterprise = (body: Record<string, unknown>) => api.post<Enterprise>('/api/enterprises', body);
export const updateEnterprise = (id: string, body: Record<string, unknown>) => api.patch<Enterprise>(`/api/enterprises/${id}`, body);
export const searchEnterprises = (q: string) => api.get<{ items: Enterprise[] }>('/api/enterprises', { q, pageSize: 30, status: 'active' });

export const getProject = (id: string) => api.get<ProjectDetail>(`/api/projects/${id}`);
export const createProject = (body: Record<string, unknown>) => api.post<ProjectDetail>('/api/projects', body);
export const updateProject = (id: string, body: Record<string, unknown>) => api.patch<ProjectDetail>(`/api/projects/${id}`, body);
export const searchProjects = (q: string, enterpriseId?: string) => api.get<{ items: { id: string; name: string; regionName: string }[] }>('/api/projects', { q, enterpriseId, pageSize: 30 });

export const setDisclosure = (projectId: string, item: DisclosureItem, body: { status: DisclosureStatus; postedOn?: string | null; note?: string | null }) =>
  api.put<{ disclosure: Disclosure; fullyDisclosedSince: string | null }>(`/api/projects/${projectId}/disclosures/${item}`, body);
export const uploadEvidence = (projectId: string, item: DisclosureItem, files: File[]) => {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  return api.upload<Disclosure>(`/api/projects/${projectId}/disclosures/${item}/evidence`, form);
};
export const removeEvidence = (projectId: string, item: DisclosureItem, fileId: string) =>
  api.delete<Disclosure>(`/api/projects/${projectId}/disclosures/${item}/evidence/${fileId}`);
export const evidenceUrl = (projectId: string, item: DisclosureItem, fileId: string) => `/api/projects/${projectId}/disclosures/${item}/evidence/${fileId}`;

export const createPractitioner = (body: Record<string, unknown>) => api.post<Practitioner>('/api/practitioners', body);
export const updatePractitioner = (id: string, body: Record<string, unknown>) => api.patch<Practitioner>(`/api/practitioners/${id}`, body);

export type ImportKind = 'enterprises' | 'projects';
export const runImport = (kind: ImportKind, file: File, dryRun: boolean, importId: string) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<ImportResult>(`/api/${kind}/import`, form, { dryRun, importId });
};
export const getImportJob = (id: string) => api.get<ImportJob>(`/api/imports/${id}`);
export const downloadTemplate = (kind: ImportKind) => api.download(`/api/${kind}/import-template`);
export const downloadExport = (kind: ImportKind, query?: Record<string, string | undefined>) => api.download(`/api/${kind}/export`, query);
