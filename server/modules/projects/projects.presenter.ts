import { DISCLOSURE_ITEMS, DISCLOSURE_ITEM_INFO, type DisclosureItem, type DisclosureStatus } from '../../../core/registry.js';
import type { DisclosureRow, ProjectRow } from './projects.repository.js';
import type { DisclosureDto, ProjectDto } from './projects.schemas.js';

/** Row → API object. An explicit allowlist: a new column never reaches the API by accident. */
export function presentProject(row: ProjectRow): ProjectDto {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    regionId: row.regionId,
    regionCode: row.regionCode,
    regionName: row.regionName,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName ?? null,
    enterpriseCreditCode: row.enterpriseCreditCode ?? null,
    households: row.households,
    buildingArea: row.buildingArea === null ? null : Number(row.buildingArea),
    lat: row.lat,
    lng: row.lng,
    hasOwnersCommittee: row.hasOwnersCommittee,
    fullyDisclosedSince: row.fullyDisclosedSince,
    disclosedItemCount: row.disclosedItemCount,
    requiredItemCount: DISCLOSURE_ITEMS.length,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export interface EvidenceFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  uploadedAt: Date;
}

/** One entry per required item, in the S3 order; an item never recorded is 'missing'. */
export function presentDisclosures(rows: DisclosureRow[], filesById: Map<string, EvidenceFile>): DisclosureDto[] {
  return DISCLOSURE_ITEMS.map((item) => presentDisclosure(item, rows.find((r) => r.item === item), filesById));
}

export function presentDisclosure(item: DisclosureItem, row: DisclosureRow | undefined, filesById: Map<string, EvidenceFile>): DisclosureDto {
  return {
    item,
    label: DISCLOSURE_ITEM_INFO[item].label,
    status: (row?.status ?? 'missing') as DisclosureStatus,
    postedOn: row?.postedOn ?? null,
    evidence: (row?.evidenceFileIds ?? [])
      .map((id) => filesById.get(id))
      .filter((f): f is EvidenceFile => !!f)
      .map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, uploadedAt: f.uploadedAt })),
    verifiedBy: row?.verifiedBy ?? null,
    verifiedAt: row?.verifiedAt ?? null,
    note: row?.note ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}
