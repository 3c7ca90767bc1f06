import type { Db } from '../../db/client.js';

/*
 * PLACEHOLDER — replaced by the company-obligations module's real file at merge. Until then the
 * source does not exist: `null` means "尚无数据来源", never zero.
 */

/** Companies that signed the commitment (承诺书) in [from, to] (附件2 row 12). */
export async function signedCompanies(_db: Db, _regionPath: string, _from: string, _to: string): Promise<number | null> {
  return null;
}
