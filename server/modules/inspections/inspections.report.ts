import type { Db } from '../../db/client.js';

/*
 * PLACEHOLDER — replaced by the inspections module's real file at merge. Until then the source
 * does not exist: `null` means "尚无数据来源", never zero.
 */

/** Inspections and enforcement actions carried out (附件2 row 6) and people dispatched (row 7). */
export async function inspectionStats(_db: Db, _regionPath: string, _from: string, _to: string): Promise<{ inspections: number; peopleDispatched: number } | null> {
  return null;
}

/** 拉网式检查 coverage: enterprises in the subtree and how many were inspected in the campaign. */
export async function dragnetCoverage(_db: Db, _campaignId: string, _regionPath: string): Promise<{ total: number; inspected: number } | null> {
  return null;
}
