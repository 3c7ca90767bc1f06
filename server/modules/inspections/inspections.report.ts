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

/**
 * `inspectionStats` for several subtrees at once (one query): key = the path given, value as
 * `inspectionStats(db, path, from, to)` would return for it. Used by the 附件2 roll-up.
 */
export async function inspectionStatsByPath(db: Db, paths: string[], from: string, to: string): Promise<Map<string, { inspections: number; peopleDispatched: number }>> {
  const out = new Map(paths.map((p) => [p, { inspections: 0, peopleDispatched: 0 }]));
  if (!paths.length) return out;
  const nodes = sql.join(
    paths.map((p) => sql`(${p}, ${`${escapeLike(p)}%`})`),
    sql`, `,
  );
  const rows = await queryRows<{ path: string; inspections: number; people: number }>(
    db,
    sql`SELECT n.path, count(*)::int AS inspections, coalesce(sum(i.people_dispatched), 0)::int AS people
          FROM (VALUES ${nodes}) AS n(path, pattern)
          JOIN regions r ON r.path LIKE n.pattern
          JOIN inspections i ON i.region_id = r.id
         WHERE i.date >= ${from} AND i.date <= ${to}
         GROUP BY n.path`,
  );
  for (const r of rows) out.set(r.path, { inspections: Number(r.inspections), peopleDispatched: Number(r.people) });
  return out;
}

/** Dragnet coverage of a campaign in a region subtree (projects inspected between the campaign start and its dragnet deadline). */
export async function dragnetCoverage(db: Db, campaignId: string, regionPath: string): Promise<{ total: number; inspected: number } | null> {
  return coverageTotals(db, campaignId, regionPath);
}
