import { and, asc, desc, eq, like, sql } from 'drizzle-orm';
import { type Db, escapeLike, queryRows } from '../../db/client.js';
import { monthlyReports, regions, reportVersions } from '../../db/schema/index.js';
import type { RegionRef } from '../../http/scope.js';

/* Every query on the report tables (and the region/campaign look-ups reports need). No rules. */

export type MonthlyReportRow = typeof monthlyReports.$inferSelect;

export async function childRegions(db: Db, parentId: number): Promise<RegionRef[]> {
  return db
    .select({ id: regions.id, code: regions.code, name: regions.name, level: regions.level, path: regions.path, parentId: regions.parentId })
    .from(regions)
    .where(eq(regions.parentId, parentId))
    .orderBy(asc(regions.sortOrder), asc(regions.code));
}

export async function findReport(db: Db, regionId: number, month: string, lock = false): Promise<MonthlyReportRow | null> {
  const q = db.select().from(monthlyReports).where(and(eq(monthlyReports.regionId, regionId), eq(monthlyReports.month, month)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function reportsFor(db: Db, regionIds: number[], month: string): Promise<MonthlyReportRow[]> {
  if (!regionIds.length) return [];
  return db
    .select()
    .from(monthlyReports)
    .where(and(sql`${monthlyReports.regionId} IN (${sql.join(regionIds.map((id) => sql`${id}`), sql`, `)})`, eq(monthlyReports.month, month)));
}

/** Creates the (region, month) row if absent and returns it locked. */
export async function ensureReport(db: Db, regionId: number, month: string, dueOn: string): Promise<MonthlyReportRow> {
  await db.insert(monthlyReports).values({ regionId, month, dueOn }).onConflictDoNothing();
  return (await findReport(db, regionId, month, true)) as MonthlyReportRow;
}

export async function latestVersion(db: Db, kind: string, reportId: string) {
  const [row] = await db
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.kind, kind), eq(reportVersions.reportId, reportId)))
    .orderBy(desc(reportVersions.version))
    .limit(1);
  return row ?? null;
}

export async function versions(db: Db, kind: string, reportId: string) {
  return db
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.kind, kind), eq(reportVersions.reportId, reportId)))
    .orderBy(asc(reportVersions.version));
}

/**
 * The campaign that governs a region's reports: the deepest active/closed campaign at the region
 * or above it. Its start is the 累积 origin and its monthlyReportDueDay the due day.
 */
export async function governingCampaign(db: Db, regionPath: string): Promise<{ id: string; startsOn: string; dueDay: number | null; title: string } | null> {
  const [row] = await queryRows<{ id: string; starts_on: string; due_day: number | null; title: string }>(
    db,
    sql`SELECT c.id, c.starts_on::text AS starts_on, c.monthly_report_due_day AS due_day, c.title
        FROM campaigns c JOIN regions r ON r.id = c.region_id
        WHERE c.status IN ('active', 'closed') AND ${regionPath} LIKE r.path || '%'
        ORDER BY length(r.path) DESC, c.starts_on ASC LIMIT 1`,
  );
  return row ? { id: row.id, startsOn: row.starts_on, dueDay: row.due_day, title: row.title } : null;
}

export async function regionByPath(db: Db, path: string) {
  const [row] = await db.select().from(regions).where(eq(regions.path, path));
  return row ?? null;
}

export function subtreeLike(path: string) {
  return `${escapeLike(path)}%`;
}

/** Every region of a subtree (the region included): id, path, level. */
export async function subtreeRegions(db: Db, path: string): Promise<{ id: number; path: string; level: string }[]> {
  return db
    .select({ id: regions.id, path: regions.path, level: regions.level })
    .from(regions)
    .where(like(regions.path, `${escapeLike(path)}%`));
}
