import { complianceRate } from '../../../core/obligations/index.js';
import type { Db } from '../../db/client.js';
import { totals } from './hotlines.repository.js';

/**
 * Hotline compliance in the region subtree over [from, to] (China dates, inclusive): checks made,
 * checks answered and accepted, and passed ÷ checked (0–1, four decimals; null when none).
 */
export async function hotlineCompliance(db: Db, regionPath: string, from: string, to: string): Promise<{ checked: number; passed: number; rate: number | null } | null> {
  const { checked, passed } = await totals(db, regionPath, from, to);
  return { checked, passed, rate: complianceRate(checked, passed) };
}
