import type { EnterpriseStatus } from '../../../core/registry.js';
import type { EnterpriseRow } from './enterprises.repository.js';
import type { EnterpriseDto } from './enterprises.schemas.js';

/** Row → API object. An explicit allowlist: a new column never reaches the API by accident. */
export function presentEnterprise(row: EnterpriseRow): EnterpriseDto {
  return {
    id: row.id,
    creditCode: row.creditCode,
    checksumConfirmation: row.creditCodeChecksumConfirmedAt
      ? { by: row.creditCodeChecksumConfirmedByName ?? null, at: row.creditCodeChecksumConfirmedAt }
      : null,
    name: row.name,
    legalRepresentative: row.legalRepresentative,
    regionId: row.regionId,
    regionCode: row.regionCode,
    regionName: row.regionName,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    qualification: row.qualification,
    status: row.status as EnterpriseStatus,
    projectCount: row.projectCount,
    fullyDisclosedProjectCount: row.fullyDisclosedProjectCount,
    practitionerCount: row.practitionerCount,
    editable: row.editable,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
