import { type SQL, and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Db, escapeLike } from '../../db/client.js';
import { enterprises, regions, users } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { isEnterpriseUser } from '../../http/actor.js';
import { recordScope, regionScope } from '../../http/scope.js';

/*
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 *  ENTERPRISE JURISDICTION — built only from the primitives in server/http/scope.ts.
 *  A company registered in one district often manages estates in another, so staff SEE an
 *  enterprise when it is registered in their subtree OR manages at least one project there;
 *  they may CHANGE it only when it is registered in their subtree (the registering district
 *  keeps the master record). Enterprise users see only their own company. Anything else is 404.
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 */
export function enterpriseVisible(actor: Actor): SQL {
  if (isEnterpriseUser(actor)) return sql`"enterprises"."id" = ${actor.enterpriseId}`;
  return sql`(${regionScope(actor, sql`"enterprises"."region_id"`)} OR EXISTS (SELECT 1 FROM projects p WHERE p.enterprise_id = "enterprises"."id" AND ${regionScope(actor, sql`p.region_id`)}))`;
}

/** Staff whose subtree holds the registered region; never enterprise users. */
export function enterpriseEditable(actor: Actor): SQL {
  if (isEnterpriseUser(actor)) return sql`FALSE`;
  return regionScope(actor, sql`"enterprises"."region_id"`);
}

function enterpriseEditableOrOwn(actor: Actor): SQL {
  return isEnterpriseUser(actor) ? sql`TRUE` : enterpriseEditable(actor);
}

/** Projects of the enterprise the actor may see (counts never include other districts' projects). */
function projectsInScope(actor: Actor): SQL {
  return recordScope(actor, { region: sql`p.region_id`, enterprise: sql`p.enterprise_id` });
}

const confirmer = alias(users, 'confirmer');

function columns(actor: Actor) {
  return {
    id: enterprises.id,
    creditCode: enterprises.creditCode,
    creditCodeChecksumConfirmedAt: enterprises.creditCodeChecksumConfirmedAt,
    creditCodeChecksumConfirmedByName: confirmer.displayName,
    name: enterprises.name,
    legalRepresentative: enterprises.legalRepresentative,
    regionId: enterprises.regionId,
    regionCode: regions.code,
    regionName: regions.name,
    regionPath: regions.path,
    address: enterprises.address,
    contactName: enterprises.contactName,
    contactPhone: enterprises.contactPhone,
    qualification: enterprises.qualification,
    status: enterprises.status,
    createdAt: enterprises.createdAt,
    updatedAt: enterprises.updatedAt,
    projectCount: sql<number>`(SELECT count(*)::int FROM projects p WHERE p.enterprise_id = "enterprises"."id" AND ${projectsInScope(actor)})`.mapWith(Number),
    fullyDisclosedProjectCount: sql<number>`(SELECT count(*)::int FROM projects p WHERE p.enterprise_id = "enterprises"."id" AND p.fully_disclosed_since IS NOT NULL AND ${projectsInScope(actor)})`.mapWith(Number),
    practitionerCount: sql<number>`(SELECT count(*)::int FROM practitioners pr WHERE pr.enterprise_id = "enterprises"."id" AND pr.active)`.mapWith(Number),
    editable: sql<boolean>`(${enterpriseEditable(actor)})`.mapWith(Boolean),
  };
}
export type EnterpriseRow = NonNullable<Awaited<ReturnType<typeof findVisible>>>;

function base(db: Db, actor: Actor) {
  return db
    .select(columns(actor))
    .from(enterprises)
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .leftJoin(confirmer, eq(confirmer.id, enterprises.creditCodeChecksumConfirmedBy));
}

export async function findVisible(db: Db, actor: Actor, id: string) {
  const [row] = await base(db, actor).where(and(eq(enterprises.id, id), enterpriseVisible(actor)));
  return row;
}

export interface EnterpriseFilter {
  q?: string;
  /** Registered region within this path (already narrowed to the actor's scope by the caller). */
  withinPath?: string;
  status?: string;
  /** Staff: only enterprises registered in their subtree (the master records they maintain). */
  registeredOnly?: boolean;
}

function filterWhere(actor: Actor, f: EnterpriseFilter): SQL | undefined {
  const q = f.q?.trim();
  return and(
    enterpriseVisible(actor),
    f.registeredOnly ? enterpriseEditableOrOwn(actor) : undefined,
    f.withinPath ? regionScope(actor, enterprises.regionId, f.withinPath) : undefined,
    f.status ? eq(enterprises.status, f.status) : undefined,
    q ? or(ilike(enterprises.name, `%${escapeLike(q)}%`), ilike(enterprises.creditCode, `${escapeLike(q.toUpperCase())}%`), ilike(enterprises.legalRepresentative, `${escapeLike(q)}%`)) : undefined,
  );
}

export async function listVisible(db: Db, actor: Actor, f: EnterpriseFilter, page: { limit: number; offset: number }) {
  const where = filterWhere(actor, f);
  const [items, [{ total }]] = await Promise.all([
    base(db, actor).where(where).orderBy(asc(enterprises.name), asc(enterprises.id)).limit(page.limit).offset(page.offset),
    db.select({ total: sql<number>`count(*)::int`.mapWith(Number) }).from(enterprises).where(where),
  ]);
  return { items, total };
}

/** Keyset batches for exports: rows after `afterName/afterId` in name order. */
export async function exportBatch(db: Db, actor: Actor, f: EnterpriseFilter, after: { name: string; id: string } | null, limit: number) {
  return db
    .select({
      id: enterprises.id,
      creditCode: enterprises.creditCode,
      name: enterprises.name,
      legalRepresentative: enterprises.legalRepresentative,
      regionCode: regions.code,
      regionName: regions.name,
      address: enterprises.address,
      contactName: enterprises.contactName,
      contactPhone: enterprises.contactPhone,
      qualification: enterprises.qualification,
      status: enterprises.status,
    })
    .from(enterprises)
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .where(and(filterWhere(actor, f), after ? sql`(${enterprises.name}, ${enterprises.id}) > (${after.name}, ${after.id})` : undefined))
    .orderBy(asc(enterprises.name), asc(enterprises.id))
    .limit(limit);
}

/** Any enterprise by credit code, regardless of jurisdiction (credit codes are public identifiers). */
export async function findByCreditCode(db: Db, creditCode: string) {
  const [row] = await db
    .select({ id: enterprises.id, name: enterprises.name, regionId: enterprises.regionId, regionPath: regions.path, checksumConfirmedAt: enterprises.creditCodeChecksumConfirmedAt })
    .from(enterprises)
    .innerJoin(regions, eq(regions.id, enterprises.regionId))
    .where(eq(enterprises.creditCode, creditCode));
  return row;
}

/** Credit code → enterprise for many codes at once (imports), in chunks under the parameter limit. */
export async function findManyByCreditCode(db: Db, codes: string[]) {
  const out = new Map<string, { id: string; name: string; status: string; regionPath: string; checksumConfirmedAt: Date | null }>();
  for (let i = 0; i < codes.length; i += 5000) {
    const chunk = codes.slice(i, i + 5000);
    if (!chunk.length) continue;
    const rows = await db
      .select({ id: enterprises.id, creditCode: enterprises.creditCode, name: enterprises.name, status: enterprises.status, regionPath: regions.path, checksumConfirmedAt: enterprises.creditCodeChecksumConfirmedAt })
      .from(enterprises)
      .innerJoin(regions, eq(regions.id, enterprises.regionId))
      .where(inArray(enterprises.creditCode, chunk));
    for (const r of rows) out.set(r.creditCode, r);
  }
  return out;
}

export async function findById(db: Db, id: string) {
  const [row] = await db.select({ id: enterprises.id, name: enterprises.name, status: enterprises.status }).from(enterprises).where(eq(enterprises.id, id));
  return row;
}

export type NewEnterprise = typeof enterprises.$inferInsert;

export async function insertEnterprise(db: Db, values: NewEnterprise) {
  const [row] = await db.insert(enterprises).values(values).returning();
  return row;
}

export async function updateEnterprise(db: Db, id: string, values: Partial<NewEnterprise>) {
  const [row] = await db.update(enterprises).set({ ...values, updatedAt: new Date() }).where(eq(enterprises.id, id)).returning();
  return row;
}

export async function rawById(db: Db, id: string) {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  return row;
}

/**
 * Batch upsert keyed by credit code. Only rows whose existing record is registered inside the
 * actor's subtree may be updated (the WHERE on DO UPDATE); the caller compares the returned
 * count with the batch size, so a conflict outside scope aborts the whole import.
 */
export async function upsertBatch(db: Db, actor: Actor, rows: NewEnterprise[], updateColumns: (keyof NewEnterprise)[]) {
  if (!rows.length) return { created: 0, updated: 0, affected: 0 };
  const set: Record<string, SQL> = { updatedAt: sql`now()` };
  const colName = (k: keyof NewEnterprise) => (enterprises[k as keyof typeof enterprises] as unknown as { name: string }).name;
  for (const k of updateColumns) set[k] = sql.raw(`excluded."${colName(k)}"`);
  const result = await db
    .insert(enterprises)
    .values(rows)
    .onConflictDoUpdate({ target: enterprises.creditCode, set, setWhere: regionScope(actor, sql`"enterprises"."region_id"`) })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const created = result.filter((r) => r.inserted === true || (r.inserted as unknown) === 't').length;
  return { created, updated: result.length - created, affected: result.length };
}

