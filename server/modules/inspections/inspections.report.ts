import { sql } from 'drizzle-orm';
import { type Db, escapeLike, queryRows } from '../../db/client.js';
import { coverageTotals } from './coverage.service.js';

/**
 * For the reports module (附件2 rows 6–7): inspections dated in [from, to] ('YYYY-MM-DD',
 * inclusive) whose region lies in the subtree of `regionPath`, and the people they dispatched.
 * Covert visits are counted: it is an aggregate that names no one.
 */
export async function inspectionStats(db: Db, regionPath: string, from: string, to: string): Promise<{ inspections: number; peopleDispatched: number } | null> {
  const [row] = await queryRows<{ inspections: number; people: number }>(
    db,
    sql`SELECT count(*)::int AS inspections, coalesce(sum(i.people_dispatched), 0)::int AS people
          FROM inspections i JOIN regions r ON r.id = i.region_id
         WHERE r.path LIKE ${`${escapeLike(regionPath)}%`} AND i.date >= ${from} AND i.date <= ${to}`,
  );
  return { inspections: Number(row?.inspections ?? 0), peopleDispatched: Number(row?.people ?? 0) };
}

/** Dragnet coverage of a campaign in a region subtree (projects inspected between the campaign start and its dragnet deadline). */
export async function dragnetCoverage(db: Db, campaignId: string, regionPath: string): Promise<{ total: number; inspected: number } | null> {
  return coverageTotals(db, campaignId, regionPath);
}
