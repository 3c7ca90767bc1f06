import { type SQL, and, asc, eq, ilike, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Db, escapeLike } from '../../db/client.js';
import { enterprises, files, projectDisclosures, projects, regions, users } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordScope } from '../../http/scope.js';

/*
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 *  PROJECT JURISDICTION — every query below applies `projectScope` (server/http/scope.ts):
 *  staff see projects located in their region subtree; enterprise users only the projects their
 *  own company manages. Anything else is reported as 404 by the service.
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 */
export function projectScope(actor: Actor, withinPath?: string): SQL {
  return recordScope(actor, { region: projects.regionId, enterprise: projects.enterpriseId }, withinPath);
}

const DISCLOSED_ITEMS = sql`(SELECT count(*)::int FROM project_disclosures d WHERE d.project_id = "projects"."id" AND d.status IN ('posted','verified'))`;

const columns = {
  id: projects.id,
  name: projects.name,
  address: projects.address,
  regionId: projects.regionId,
  regionCode: regions.code,
  regionName: regions.name,
  regionPath: regions.path,
  enterpriseId: projects.enterpriseId,
  enterpriseName: enterprises.name,
  enterpriseCreditCode: enterprises.creditCode,
  households: projects.households,
  buildingArea: projects.buildingArea,
  lat: projects.lat,
  lng: projects.lng,
  hasOwnersCommittee: projects.hasOwnersCommittee,
  fullyDisclosedSince: projects.fullyDisclosedSince,
  disclosedItemCount: DISCLOSED_ITEMS.mapWith(Number),
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
};
function base(db: Db) {
  return db.select(columns).from(projects).innerJoin(regions, eq(regions.id, projects.regionId)).leftJoin(enterprises, eq(enterprises.id, projects.enterpriseId));
}

export async function findVisible(db: Db, actor: Actor, id: string) {
  const [row] = await base(db).where(and(eq(projects.id, id), projectScope(actor)));
  return row;
}
export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findVisible>>>;

export interface ProjectFilter {
  q?: string;
  withinPath?: string;
  enterpriseId?: string;
  disclosed?: boolean;
  hasOwnersCommittee?: boolean;
}

function filterWhere(actor: Actor, f: ProjectFilter): SQL | undefined {
  const q = f.q?.trim();
  return and(
    projectScope(actor, f.withinPath),
    f.enterpriseId === 'none' ? isNull(projects.enterpriseId) : f.enterpriseId ? eq(projects.enterpriseId, f.enterpriseId) : undefined,
    f.disclosed === true ? isNotNull(projects.fullyDisclosedSince) : f.disclosed === false ? isNull(projects.fullyDisclosedSince) : undefined,
    f.hasOwnersCommittee === undefined ? undefined : eq(projects.hasOwnersCommittee, f.hasOwnersCommittee),
    q ? sql`(${ilike(projects.name, `%${escapeLike(q)}%`)} OR ${ilike(projects.address, `%${escapeLike(q)}%`)})` : undefined,
  );
}

export async function listVisible(db: Db, actor: Actor, f: ProjectFilter, page: { limit: number; offset: number }) {
  const where = filterWhere(actor, f);
  const [items, [{ total }]] = await Promise.all([
    base(db).where(where).orderBy(asc(regions.path), asc(projects.name), asc(projects.id)).limit(page.limit).offset(page.offset),
    db.select({ total: sql<number>`count(*)::int`.mapWith(Number) }).from(projects).where(where),
  ]);
  return { items, total };
}

export async function exportBatch(db: Db, actor: Actor, f: ProjectFilter, after: { name: string; id: string } | null, limit: number) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      address: projects.address,
      regionCode: regions.code,
      regionName: regions.name,
      enterpriseCreditCode: enterprises.creditCode,
      enterpriseName: enterprises.name,
      households: projects.households,
      buildingArea: projects.buildingArea,
      hasOwnersCommittee: projects.hasOwnersCommittee,
      lng: projects.lng,
      lat: projects.lat,
      fullyDisclosedSince: projects.fullyDisclosedSince,
    })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .leftJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(and(filterWhere(actor, f), after ? sql`(${projects.name}, ${projects.id}) > (${after.name}, ${after.id})` : undefined))
    .orderBy(asc(projects.name), asc(projects.id))
    .limit(limit);
}

export async function findByKey(db: Db, regionId: number, name: string) {
  const [row] = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.regionId, regionId), eq(projects.name, name)));
  return row;
}

/** (regionId, name) → id of the existing projects in the given regions (imports). */
export async function keysInRegions(db: Db, regionIds: number[]) {
  const out = new Map<string, string>();
  for (let i = 0; i < regionIds.length; i += 5000) {
    const chunk = regionIds.slice(i, i + 5000);
    if (!chunk.length) continue;
    const rows = await db.select({ id: projects.id, regionId: projects.regionId, name: projects.name }).from(projects).where(inArray(projects.regionId, chunk));
    for (const r of rows) out.set(projectKey(r.regionId, r.name), r.id);
  }
  return out;
}

export const projectKey = (regionId: number, name: string) => `${regionId}\u0000${name}`;

export type NewProject = typeof projects.$inferInsert;

export async function insertProject(db: Db, values: NewProject) {
  const [row] = await db.insert(projects).values(values).returning();
  return row;
}

export async function updateProject(db: Db, id: string, values: Partial<NewProject>) {
  const [row] = await db.update(projects).set({ ...values, updatedAt: new Date() }).where(eq(projects.id, id)).returning();
  return row;
}

export async function rawById(db: Db, id: string) {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row;
}

/** Batch upsert keyed by (region, name); regions were resolved inside the actor's scope. */
export async function upsertBatch(db: Db, rows: NewProject[], updateColumns: (keyof NewProject)[]) {
  if (!rows.length) return { created: 0, updated: 0 };
  const set: Record<string, SQL> = { updatedAt: sql`now()` };
  for (const k of updateColumns) set[k] = sql.raw(`excluded."${(projects[k as keyof typeof projects] as unknown as { name: string }).name}"`);
  const result = await db
    .insert(projects)
    .values(rows)
    .onConflictDoUpdate({ target: [projects.regionId, projects.name], set })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const created = result.filter((r) => r.inserted === true || (r.inserted as unknown) === 't').length;
  return { created, updated: result.length - created };
}

// ── disclosures ──────────────────────────────────────────────────────────────────────────────

const verifier = alias(users, 'verifier');

export async function disclosureRows(db: Db, projectId: string) {
  return db
    .select({
      item: projectDisclosures.item,
      status: projectDisclosures.status,
      postedOn: projectDisclosures.postedOn,
      evidenceFileIds: projectDisclosures.evidenceFileIds,
      verifiedBy: verifier.displayName,
      verifiedAt: projectDisclosures.verifiedAt,
      note: projectDisclosures.note,
      updatedAt: projectDisclosures.updatedAt,
    })
    .from(projectDisclosures)
    .leftJoin(verifier, eq(verifier.id, projectDisclosures.verifiedBy))
    .where(eq(projectDisclosures.projectId, projectId));
}

export type DisclosureRow = Awaited<ReturnType<typeof disclosureRows>>[number];

export async function rawDisclosure(db: Db, projectId: string, item: string) {
  const [row] = await db
    .select()
    .from(projectDisclosures)
    .where(and(eq(projectDisclosures.projectId, projectId), eq(projectDisclosures.item, item)));
  return row;
}

export type NewDisclosure = typeof projectDisclosures.$inferInsert;

export async function upsertDisclosure(db: Db, values: NewDisclosure) {
  const { projectId: _p, item: _i, ...set } = values;
  const [row] = await db
    .insert(projectDisclosures)
    .values(values)
    .onConflictDoUpdate({ target: [projectDisclosures.projectId, projectDisclosures.item], set: { ...set, updatedAt: new Date() } })
    .returning();
  return row;
}

export async function setFullyDisclosedSince(db: Db, projectId: string, value: string | null) {
  await db.update(projects).set({ fullyDisclosedSince: value }).where(eq(projects.id, projectId));
}

export async function filesByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: files.id, name: files.originalName, mime: files.mime, size: files.size, uploadedAt: files.createdAt, storageKey: files.storageKey, entityId: files.entityId })
    .from(files)
    .where(inArray(files.id, ids));
}

