import { type AnyColumn, type SQL, and, eq, like, sql } from 'drizzle-orm';
import { type Db, escapeLike } from '../db/client.js';
import { regions } from '../db/schema/index.js';
import type { Actor } from './actor.js';
import { isEnterpriseUser } from './actor.js';
import { notFound } from './errors.js';

/*
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 *  JURISDICTION SCOPE — THE ONE PLACE. A mistake here is a data leak.
 *  Staff see only records whose region lies in their own region's subtree (属地管理);
 *  enterprise users see only their own company's records. Every repository query on a
 *  jurisdictional table goes through `regionScope` / `enterpriseScope`, and a record outside
 *  scope is reported as 404 so the API never reveals that it exists.
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 */

/** SQL condition: `regionIdColumn` is in the actor's subtree (optionally narrowed to `withinPath`). */
export function regionScope(actor: Actor, regionIdColumn: AnyColumn | SQL, withinPath?: string): SQL {
  const path = narrowerPath(actor.regionPath, withinPath);
  return sql`${regionIdColumn} IN (SELECT ${regions.id} FROM ${regions} WHERE ${regions.path} LIKE ${`${escapeLike(path)}%`})`;
}

/** SQL condition for enterprise users on a table with an enterprise column; staff: always true. */
export function enterpriseScope(actor: Actor, enterpriseIdColumn: AnyColumn | SQL): SQL {
  if (isEnterpriseUser(actor)) return sql`${enterpriseIdColumn} = ${actor.enterpriseId}`;
  return sql`TRUE`;
}

/**
 * The scope condition for a table that has both a region and an enterprise column:
 * enterprise users are limited to their company, staff to their subtree.
 */
export function recordScope(actor: Actor, cols: { region: AnyColumn | SQL; enterprise?: AnyColumn | SQL }, withinPath?: string): SQL {
  if (isEnterpriseUser(actor)) {
    if (!cols.enterprise) return sql`FALSE`;
    return and(enterpriseScope(actor, cols.enterprise), withinPath ? regionScope(actor, cols.region, withinPath) : undefined) as SQL;
  }
  return regionScope(actor, cols.region, withinPath);
}

function narrowerPath(actorPath: string, withinPath?: string): string {
  if (!withinPath) return actorPath;
  // A filter outside the actor's subtree selects nothing (never widens scope).
  if (withinPath.startsWith(actorPath)) return withinPath;
  if (actorPath.startsWith(withinPath)) return actorPath;
  return '/__outside_scope__/';
}


export function pathContains(ancestorPath: string, path: string): boolean {
  return path.startsWith(ancestorPath);
}

export interface RegionRef {
  id: number;
  code: string;
  name: string;
  level: string;
  path: string;
  parentId: number | null;
}

/** Looks a region up by code within the actor's subtree; outside scope or unknown → 404. */
export async function regionInScope(db: Db, actor: Actor, code: string): Promise<RegionRef> {
  const [row] = await db
    .select({ id: regions.id, code: regions.code, name: regions.name, level: regions.level, path: regions.path, parentId: regions.parentId })
    .from(regions)
    .where(and(eq(regions.code, code), like(regions.path, `${escapeLike(actor.regionPath)}%`)));
  if (!row) throw notFound('行政区划');
  return row;
}

export async function regionByIdInScope(db: Db, actor: Actor, id: number): Promise<RegionRef> {
  const [row] = await db
    .select({ id: regions.id, code: regions.code, name: regions.name, level: regions.level, path: regions.path, parentId: regions.parentId })
    .from(regions)
    .where(and(eq(regions.id, id), like(regions.path, `${escapeLike(actor.regionPath)}%`)));
  if (!row) throw notFound('行政区划');
  return row;
}

/**
 * Resolves an optional `region` filter — a region code, or a region id — into a path; it only ever
 * narrows the caller's scope (regionScope intersects). An unknown region yields a path that
 * matches nothing (lists then come back empty). Codes are looked up first: GB/T 2260 codes are
 * digits too.
 */
export async function regionFilterPath(db: Db, ref: string | undefined): Promise<string | undefined> {
  if (!ref) return undefined;
  const [byCode] = await db.select({ path: regions.path }).from(regions).where(eq(regions.code, ref));
  if (byCode) return byCode.path;
  if (/^\d{1,9}$/.test(ref)) {
    const [byId] = await db.select({ path: regions.path }).from(regions).where(eq(regions.id, Number(ref)));
    if (byId) return byId.path;
  }
  return '/__unknown_region__/';
}
