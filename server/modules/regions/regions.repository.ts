import { and, asc, eq, like, sql } from 'drizzle-orm';
import { type Db, execute, escapeLike } from '../../db/client.js';
import { regions } from '../../db/schema/index.js';

export type RegionRow = typeof regions.$inferSelect;


export async function findRegionByCode(db: Db, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

export async function findRegionById(db: Db, id: number): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.id, id));
  return row;
}

/** Children of a node with the number of their own children (for lazy tree loading). */
export async function listChildren(db: Db, parentId: number) {
  // Explicitly qualified: inside the subquery a bare "id" would bind to the alias c.
  const child = sql`(SELECT count(*)::int FROM regions c WHERE c.parent_id = "regions"."id")`;
  return db
    .select({ row: regions, childCount: child.mapWith(Number) })
    .from(regions)
    .where(eq(regions.parentId, parentId))
    .orderBy(asc(regions.sortOrder), asc(regions.code));
}

export async function listSubtree(db: Db, path: string, maxDepth: number) {
  const depth = path.split('/').filter(Boolean).length + maxDepth;
  return db
    .select()
    .from(regions)
    .where(and(like(regions.path, `${escapeLike(path)}%`), sql`array_length(string_to_array(trim(both '/' from ${regions.path}), '/'), 1) <= ${depth}`))
    .orderBy(asc(regions.path));
}

export async function siblingCodes(db: Db, parentId: number): Promise<string[]> {
  const rows = await db.select({ code: regions.code }).from(regions).where(eq(regions.parentId, parentId));
  return rows.map((r) => r.code);
}

export async function ancestorsOf(db: Db, path: string): Promise<RegionRow[]> {
  const codes = path.split('/').filter(Boolean);
  if (codes.length === 0) return [];
  const rows = await db.select().from(regions).where(sql`${regions.code} IN ${codes}`);
  return codes.map((c) => rows.find((r) => r.code === c)).filter((r): r is RegionRow => !!r);
}

/** Rewrites the path prefix of a node and its whole subtree in one statement. */
export async function rewriteSubtreePaths(db: Db, oldPath: string, newPath: string): Promise<number> {
  return execute(
    db,
    sql`UPDATE regions SET path = ${newPath} || substr(path, ${oldPath.length + 1}), updated_at = now() WHERE path LIKE ${`${escapeLike(oldPath)}%`}`,
  );
}
