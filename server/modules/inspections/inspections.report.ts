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
  // One pass: the window's inspections per region under the shortest path (when it prefixes all),
  // then each subtree = the regions whose path starts with its path (= LIKE 'path%').
  const root = [...paths].sort((a, b) => a.length - b.length)[0];
  const under = paths.every((p) => p.startsWith(root)) ? root : '';
  const rows = await queryRows<{ path: string; inspections: number; people: number }>(
    db,
    sql`SELECT r.path, count(*)::int AS inspections, coalesce(sum(i.people_dispatched), 0)::int AS people
          FROM inspections i JOIN regions r ON r.id = i.region_id
         WHERE r.path LIKE ${`${escapeLike(under)}%`} AND i.date >= ${from} AND i.date <= ${to}
         GROUP BY r.path`,
  );
  for (const p of paths) {
    let inspections = 0;
    let people = 0;
    for (const r of rows) {
      if (!r.path.startsWith(p)) continue;
      inspections += Number(r.inspections);
      people += Number(r.people);
    }
    out.set(p, { inspections, peopleDispatched: people });
  }
  return out;
}

/** Dragnet coverage of a campaign in a region subtree (projects inspected between the campaign start and its dragnet deadline). */
export async function dragnetCoverage(db: Db, campaignId: string, regionPath: string): Promise<{ total: number; inspected: number } | null> {
  return coverageTotals(db, campaignId, regionPath);
}
