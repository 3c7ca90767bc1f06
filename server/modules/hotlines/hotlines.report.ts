import type { Db } from '../../db/client.js';

/*
 * PLACEHOLDER — replaced by the company-obligations module's real file at merge. Until then the
 * source does not exist: `null` means "尚无数据来源", never zero.
 */

/** Hotline spot checks in [from, to]: how many were checked, passed, and the pass rate. */
export async function hotlineCompliance(_db: Db, _regionPath: string, _from: string, _to: string): Promise<{ checked: number; passed: number; rate: number | null } | null> {
  return null;
}
