import { COMMITMENT_STATUS_LABELS, type CommitmentStatus } from '../../../core/obligations/index.js';
import type { CommitmentRow } from './commitments.schemas.js';

export interface CommitmentRecord {
  id: string;
  campaignId: string;
  campaignTitle: string;
  projectId: string;
  projectName: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  regionName: string;
  status: string;
  issuedAt: Date;
  signedAt: Date | null;
  signedByName: string | null;
  text: string;
  signedText: string | null;
  signedIp: string | null;
}

/** Explicit allowlist: new columns never leak. */
export function presentCommitment(r: CommitmentRecord): CommitmentRow {
  const status = r.status as CommitmentStatus;
  return {
    id: r.id,
    campaignId: r.campaignId,
    campaignTitle: r.campaignTitle,
    projectId: r.projectId,
    projectName: r.projectName,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    status,
    statusLabel: COMMITMENT_STATUS_LABELS[status],
    issuedAt: r.issuedAt,
    signedAt: r.signedAt,
    signedBy: r.signedByName,
  };
}

export function presentCommitmentDetail(r: CommitmentRecord) {
  return { ...presentCommitment(r), text: r.signedText ?? r.text, signedIp: r.signedIp };
}
