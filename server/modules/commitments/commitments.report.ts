import { and, eq, like, sql } from 'drizzle-orm';
import { type Db, escapeLike, queryRows } from '../../db/client.js';
import { commitments, projects, regions } from '../../db/schema/index.js';

/**
 * 附件2 row 12: distinct companies with a project in the region subtree whose commitment was
 * signed on a day (China time) in [from, to], both inclusive.
 */
export async function signedCompanies(db: Db, regionPath: string, from: string, to: string): Promise<number | null> {
  const [row] = await db
    .select({ n: sql<number>`count(DISTINCT ${commitments.enterpriseId})`.mapWith(Number) })
    .from(commitments)
    .innerJoin(projects, eq(projects.id, commitments.projectId))
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(
      and(
        eq(commitments.status, 'signed'),
        like(regions.path, `${escapeLike(regionPath)}%`),
        sql`(${commitments.signedAt} AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date`,
      ),
    );
  return row?.n ?? 0;
}

/** `signedCompanies` for several subtrees at once (one query): key = the path given. */
export async function signedCompaniesByPath(db: Db, paths: string[], from: string, to: string): Promise<Map<string, number>> {
  const out = new Map(paths.map((p) => [p, 0]));
  if (!paths.length) return out;
  const nodes = sql.join(
    paths.map((p) => sql`(${p}, ${`${escapeLike(p)}%`})`),
    sql`, `,
  );
  const rows = await queryRows<{ path: string; n: number }>(
    db,
    sql`SELECT n.path, count(DISTINCT c.enterprise_id)::int AS n
          FROM (VALUES ${nodes}) AS n(path, pattern)
          JOIN regions r ON r.path LIKE n.pattern
          JOIN projects p ON p.region_id = r.id
          JOIN commitments c ON c.project_id = p.id
         WHERE c.status = 'signed'
           AND (c.signed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date
         GROUP BY n.path`,
  );
  for (const r of rows) out.set(r.path, Number(r.n));
  return out;
}
