import type { DisclosureItem, DisclosureStatus, EnterpriseStatus, PractitionerRole } from '../../../../../core/registry.js';

/** API shapes of the registry endpoints (server/modules/{enterprises,projects}/*.schemas.ts). */
export interface Enterprise {
  id: string;
  creditCode: string;
  checksumConfirmation: { by: string | null; at: string } | null;
  name: string;
  legalRepresentative: string | null;
  regionId: number;
  regionCode: string;
  regionName: string;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  qualification: string | null;
  status: EnterpriseStatus;
  projectCount: number;
  fullyDisclosedProjectCount: number;
  practitionerCount: number;
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Project {
  id: string;
  name: string;
  address: string;
  regionId: number;
  regionCode: string;
  regionName: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  enterpriseCreditCode: string | null;
  households: number | null;
  buildingArea: number | null;
  lat: number | null;
  lng: number | null;
  hasOwnersCommittee: boolean;
  fullyDisclosedSince: string | null;
  disclosedItemCount: number;
  requiredItemCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface EvidenceFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  uploadedAt: string;
}

export interface Disclosure {
  item: DisclosureItem;
  label: string;
  status: DisclosureStatus;
  postedOn: string | null;
  evidence: EvidenceFile[];
  verifiedBy: string | null;
  verifiedAt: string | null;
  note: string | null;
  updatedAt: string | null;
}

export interface ProjectDetail extends Project {
  disclosures: Disclosure[];
}

export interface Practitioner {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  projectId: string | null;
  projectName: string | null;
  name: string;
  role: PractitionerRole;
  certificateNo: string | null;
  phone: string | null;
  active: boolean;
}

export type { ImportIssue, ImportResult } from '../../../../../core/imports.js';

export interface ImportJob {
  id: string;
  status: 'reading' | 'validating' | 'writing' | 'done' | 'failed';
  total: number;
  processed: number;
}
