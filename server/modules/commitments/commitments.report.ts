import { and, eq, like, sql } from 'drizzle-orm';
import { type Db, escapeLike } from '../../db/client.js';
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
