import { type SQL, and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Db, queryRows, escapeLike } from '../../db/client.js';
import {
  complaintEscalations,
  complaintEvents,
  complaintExtensions,
  complaintRecalls,
  complaints,
  enterprises,
  files,
  orgUnits,
  projects,
  regions,
  users,
} from '../../db/schema/index.js';
import { type Actor, can, isEnterpriseUser } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { limitOffset } from '../../http/pagination.js';
import { regionFilterPath, regionScope } from '../../http/scope.js';
import type { ListQuery } from './complaints.schemas.js';

/*
 * Queries on complaints. Every staff read goes through `scoped` (http/scope.ts regionScope on the
 * lead's region); enterprise users never match (complainant protection: no company user sees a
 * lead, SPEC §5), so a lead outside scope is 404.
 */

export function scoped(actor: Actor, withinPath?: string): SQL {
  if (isEnterpriseUser(actor)) return sql`FALSE`;
  return regionScope(actor, complaints.regionId, withinPath);
}

const leadUnit = alias(orgUnits, 'lead_unit');

const rowColumns = {
  c: complaints,
  regionName: regions.name,
  regionPath: regions.path,
  projectName: projects.name,
  enterpriseName: enterprises.name,
  leadOrgUnitName: leadUnit.name,
  lastEscalatedAt: sql<Date | null>`(SELECT max(e.escalated_at) FROM complaint_escalations e WHERE e.complaint_id = ${complaints.id})`.mapWith(
    complaintEscalations.escalatedAt,
  ),
};

function baseSelect(db: Db) {
  return db
    .select(rowColumns)
    .from(complaints)
    .innerJoin(regions, eq(regions.id, complaints.regionId))
    .leftJoin(projects, eq(projects.id, complaints.projectId))
    .leftJoin(enterprises, eq(enterprises.id, complaints.enterpriseId))
    .leftJoin(leadUnit, eq(leadUnit.id, complaints.leadOrgUnitId));
}

export type ComplaintRecord = Awaited<ReturnType<typeof findInScope>>;

/** The lead with its display names, in the actor's jurisdiction (else 404); `lock` = FOR UPDATE. */
export async function findInScope(db: Db, actor: Actor, id: string, lock = false) {
  if (lock) {
    const [locked] = await db.select({ id: complaints.id }).from(complaints).where(and(eq(complaints.id, id), scoped(actor))).for('update');
    if (!locked) throw notFound('线索');
  }
  const [row] = await baseSelect(db).where(and(eq(complaints.id, id), scoped(actor)));
  if (!row) throw notFound('线索');
  return rowOf(row);
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof baseSelect>['where']>>[number];

/** A selected row flattened: the complaint's columns plus its display names. */
export function rowOf(row: SelectedRow) {
  return {
    ...row.c,
    regionName: row.regionName,
    regionPath: row.regionPath,
    projectName: row.projectName,
    enterpriseName: row.enterpriseName,
    leadOrgUnitName: row.leadOrgUnitName,
    lastEscalatedAt: row.lastEscalatedAt as Date | null,
  };
}

/** By tracking code, no scope (public tracking page; the caller presents a redacted view). */
export async function findByTrackingCode(db: Db, code: string, lock = false) {
  const q = db.select().from(complaints).where(eq(complaints.trackingCode, code));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findById(db: Db, id: string) {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id));
  return row ?? null;
}

/** The WHERE and ORDER BY of the staff list for `q` (shared by the list and the grouped counts). */
export async function listWhere(db: Db, actor: Actor, q: ListQuery, now: Date): Promise<{ where: SQL | undefined; order: SQL[] }> {
  const withinPath = await regionFilterPath(db, q.region);
  const conds: (SQL | undefined)[] = [scoped(actor, withinPath)];
  const unit = actor.orgUnitId;
  const mine = unit ? sql`(${complaints.leadOrgUnitId} = ${unit} OR ${unit}::uuid = ANY(${complaints.coOrgUnitIds}))` : sql`TRUE`;
  // A department's deadline boxes hold its own leads; coordinators and supervisors watch the whole region.
  const unitInbox = can(actor, 'complaint:dispatch') || can(actor, 'complaint:supervise') ? undefined : mine;
  if (q.status) conds.push(eq(complaints.status, q.status));
  if (q.category !== undefined) conds.push(eq(complaints.category, q.category));
  if (q.enterpriseId) conds.push(eq(complaints.enterpriseId, q.enterpriseId));
  if (q.projectId) conds.push(eq(complaints.projectId, q.projectId));
  if (q.channel) conds.push(eq(complaints.channel, q.channel));
  if (q.overdue !== undefined) conds.push(q.overdue ? lt(complaints.currentDueAt, now) : or(isNull(complaints.currentDueAt), gte(complaints.currentDueAt, now)));
  if (q.dueSoon) conds.push(and(lte(complaints.currentDueSoonAt, now), gte(complaints.currentDueAt, now)));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(
      or(
        sql`${complaints.description} ILIKE ${like}`,
        eq(complaints.trackingCode, q.q.toUpperCase()),
        eq(complaints.externalRef, q.q),
        sql`${projects.name} ILIKE ${like}`,
      ),
    );
  }
  let order: SQL[] = [desc(complaints.receivedAt), desc(complaints.id)];
  switch (q.box) {
    case 'to_dispatch':
      conds.push(inArray(complaints.status, ['received', 'returned']));
      break;
    case 'unlocated':
      // 待确定属地: placed above district level, so no district's 待派单 shows it — the coordinators place it.
      conds.push(
        inArray(complaints.status, ['received', 'returned']),
        sql`${complaints.regionId} IN (SELECT id FROM regions WHERE level IN ('province', 'city'))`,
      );
      order = [asc(complaints.currentDueAt), desc(complaints.receivedAt)];
      break;
    case 'to_sign':
      conds.push(eq(complaints.status, 'dispatched'), unit ? eq(complaints.leadOrgUnitId, unit) : undefined);
      order = [asc(complaints.currentDueAt), desc(complaints.receivedAt)];
      break;
    case 'in_progress':
      conds.push(inArray(complaints.status, ['accepted', 'handled', 'reply_pending', 'replied']), mine);
      order = [asc(complaints.currentDueAt), desc(complaints.receivedAt)];
      break;
    case 'due_soon':
      conds.push(lte(complaints.currentDueSoonAt, now), gte(complaints.currentDueAt, now), unitInbox);
      order = [asc(complaints.currentDueAt)];
      break;
    case 'overdue':
      conds.push(lt(complaints.currentDueAt, now), unitInbox);
      order = [asc(complaints.currentDueAt)];
      break;
    case 'escalated':
      // 超期升级: escalated to the supervisor at least once and still past the deadline that applies now.
      conds.push(
        lt(complaints.currentDueAt, now),
        notInArray(complaints.status, ['closed', 'merged']),
        sql`EXISTS (SELECT 1 FROM complaint_escalations e WHERE e.complaint_id = ${complaints.id})`,
      );
      order = [asc(complaints.currentDueAt)];
      break;
    case 'supervised':
      conds.push(eq(complaints.supervised, true), notInArray(complaints.status, ['closed', 'merged']));
      break;
    case 'mine_unit':
      conds.push(unit ? mine : sql`FALSE`);
      break;
  }
  return { where: and(...conds), order };
}

export async function listComplaints(db: Db, actor: Actor, q: ListQuery, now: Date) {
  const { where, order } = await listWhere(db, actor, q, now);
  const { limit, offset } = limitOffset(q);
  const rows = await baseSelect(db)
    .where(where)
    .orderBy(...order, desc(complaints.id))
    .limit(limit)
    .offset(offset);
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(complaints)
    .leftJoin(projects, eq(projects.id, complaints.projectId))
    .where(where);
  return { rows, total: Number(n) };
}

/**
 * The list `q`'s total broken down in one query (the dashboard): by the child segment of the lead's
 * region path under `parentPath` ('' = the parent node itself), category, status, and whether it is
 * overdue at `now` exactly as the list's `overdue=true` filter decides (current_due_at < now). Each
 * breakdown is the total of the list with that extra filter (a child's = `region=<child>`).
 */
export async function countBreakdown(db: Db, actor: Actor, q: ListQuery, now: Date, parentPath: string) {
  const { where } = await listWhere(db, actor, q, now);
  const rows = await db
    .select({
      segment: sql<string>`split_part(substr(${regions.path}, ${parentPath.length + 1}), '/', 1)`,
      category: complaints.category,
      status: complaints.status,
      overdue: sql<boolean>`coalesce(${complaints.currentDueAt} < ${now.toISOString()}::timestamptz, false)`,
      n: sql<number>`count(*)::int`,
    })
    .from(complaints)
    .innerJoin(regions, eq(regions.id, complaints.regionId))
    .leftJoin(projects, eq(projects.id, complaints.projectId))
    .where(where)
    .groupBy(sql`1`, sql`2`, sql`3`, sql`4`);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * `countBreakdown` for the list of a region with no other filter (the dashboard), read from the lead
 * roll-up (complaint_status_counts: leads per region, category and status, kept exact by triggers in
 * the same transaction — server/db/sql/030-complaint-counts.sql) instead of every lead of the
 * subtree, under the same scope condition as the list; the overdue part (a few leads, indexed on
 * the due time) from the list itself with `overdue=true`. Any other filter: `countBreakdown`.
 */
export async function regionBreakdown(db: Db, actor: Actor, q: ListQuery, now: Date, parentPath: string) {
  const { region, page: _p, pageSize: _s, ...rest } = q;
  if (Object.values(rest).some((v) => v !== undefined) || isEnterpriseUser(actor)) return countBreakdown(db, actor, q, now, parentPath);
  const withinPath = await regionFilterPath(db, region);
  const totals = await queryRows<{ segment: string; category: number; status: string; n: number }>(
    db,
    sql`SELECT split_part(substr(r.path, ${parentPath.length + 1}), '/', 1) AS segment, k.category, k.status, sum(k.n)::int AS n
          FROM complaint_status_counts k JOIN regions r ON r.id = k.region_id
         WHERE ${regionScope(actor, sql`k.region_id`, withinPath)}
         GROUP BY 1, 2, 3 HAVING sum(k.n) <> 0`,
  );
  const overdue = await countBreakdown(db, actor, { ...q, overdue: true }, now, parentPath);
  const key = (r: { segment: string; category: number; status: string }) => `${r.segment}\u0000${r.category}\u0000${r.status}`;
  const over = new Map(overdue.map((r) => [key(r), r.n]));
  return totals.flatMap((r) => {
    const o = over.get(key(r)) ?? 0;
    return [
      { segment: r.segment, category: Number(r.category), status: r.status, overdue: false, n: Number(r.n) - o },
      { segment: r.segment, category: Number(r.category), status: r.status, overdue: true, n: o },
    ];
  });
}

export async function loadEvents(db: Db, complaintId: string) {
  const actorUnit = alias(orgUnits, 'actor_unit');
  return db
    .select({
      id: complaintEvents.id,
      at: complaintEvents.at,
      actorName: users.displayName,
      orgUnitName: actorUnit.name,
      action: complaintEvents.action,
      fromStatus: complaintEvents.fromStatus,
      toStatus: complaintEvents.toStatus,
      note: complaintEvents.note,
      attachments: complaintEvents.attachments,
      publicNote: complaintEvents.publicNote,
    })
    .from(complaintEvents)
    .leftJoin(users, eq(users.id, complaintEvents.actorUserId))
    .leftJoin(actorUnit, eq(actorUnit.id, complaintEvents.actorOrgUnitId))
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.seq));
}

export async function loadPublicEvents(db: Db, complaintIds: string[]) {
  if (!complaintIds.length) return [];
  return db
    .select({ at: complaintEvents.at, text: complaintEvents.publicNote, complaintId: complaintEvents.complaintId })
    .from(complaintEvents)
    .where(and(inArray(complaintEvents.complaintId, complaintIds), sql`${complaintEvents.publicNote} IS NOT NULL`))
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.seq));
}

export async function fileNames(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, { name: string; mime: string }>();
  const rows = await db.select({ id: files.id, name: files.originalName, mime: files.mime }).from(files).where(inArray(files.id, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, mime: r.mime }]));
}

export async function loadExtensions(db: Db, complaintId: string) {
  return db
    .select({
      id: complaintExtensions.id,
      days: complaintExtensions.days,
      reason: complaintExtensions.reason,
      status: complaintExtensions.status,
      requestedAt: complaintExtensions.requestedAt,
      requestedByName: users.displayName,
      decidedAt: complaintExtensions.decidedAt,
      decisionNote: complaintExtensions.decisionNote,
      previousDueAt: complaintExtensions.previousDueAt,
      newDueAt: complaintExtensions.newDueAt,
    })
    .from(complaintExtensions)
    .leftJoin(users, eq(users.id, complaintExtensions.requestedBy))
    .where(eq(complaintExtensions.complaintId, complaintId))
    .orderBy(asc(complaintExtensions.requestedAt));
}

export async function hasPendingExtension(db: Db, complaintId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: complaintExtensions.id })
    .from(complaintExtensions)
    .where(and(eq(complaintExtensions.complaintId, complaintId), eq(complaintExtensions.status, 'pending')))
    .limit(1);
  return !!row;
}

export async function loadEscalations(db: Db, complaintId: string) {
  return db
    .select({ kind: complaintEscalations.kind, dueAt: complaintEscalations.dueAt, escalatedAt: complaintEscalations.escalatedAt, notifiedOrgUnitName: orgUnits.name })
    .from(complaintEscalations)
    .leftJoin(orgUnits, eq(orgUnits.id, complaintEscalations.notifiedOrgUnitId))
    .where(eq(complaintEscalations.complaintId, complaintId))
    .orderBy(asc(complaintEscalations.escalatedAt));
}

// ── Re-call (回访抽查) ───────────────────────────────────────────────────────────────────────

export async function loadRecall(db: Db, complaintId: string) {
  const [row] = await db
    .select({
      at: complaintRecalls.at,
      byName: users.displayName,
      result: complaintRecalls.result,
      satisfaction: complaintRecalls.satisfaction,
      recordedSatisfaction: complaintRecalls.recordedSatisfaction,
      note: complaintRecalls.note,
    })
    .from(complaintRecalls)
    .leftJoin(users, eq(users.id, complaintRecalls.recalledBy))
    .where(eq(complaintRecalls.complaintId, complaintId));
  return row ?? null;
}

export async function hasRecall(db: Db, complaintId: string): Promise<boolean> {
  const [row] = await db.select({ id: complaintRecalls.id }).from(complaintRecalls).where(eq(complaintRecalls.complaintId, complaintId));
  return !!row;
}

/**
 * A random sample of the closed leads a supervisor may re-call: in scope, closed in [from, to),
 * the resident left a phone and is neither anonymous nor asked for confidentiality, not re-called
 * yet. The pool is bounded by the period (index on status, closed_at); ORDER BY random() over it is
 * fine at district scale.
 */
export async function recallSample(db: Db, actor: Actor, withinPath: string | undefined, from: Date, to: Date, size: number) {
  const where = and(
    scoped(actor, withinPath),
    eq(complaints.status, 'closed'),
    gte(complaints.closedAt, from),
    lt(complaints.closedAt, to),
    eq(complaints.anonymous, false),
    eq(complaints.confidential, false),
    sql`${complaints.contactPhoneEnc} IS NOT NULL`,
    sql`NOT EXISTS (SELECT 1 FROM complaint_recalls r WHERE r.complaint_id = ${complaints.id})`,
  );
  const rows = await baseSelect(db).where(where).orderBy(sql`random()`).limit(size);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(complaints).where(where);
  return { rows: rows.map(rowOf), poolSize: Number(n) };
}

/** Re-call results per lead unit (the unit that had closed the lead), re-calls made in [from, to). */
export async function recallStats(db: Db, actor: Actor, withinPath: string | undefined, from: Date | null, to: Date | null) {
  const rows = await queryRows<{ org_unit_id: string | null; name: string | null; recalled: number; confirmed: number; not_reached: number; contradicted: number; mismatches: number }>(
    db,
    sql`SELECT r.lead_org_unit_id AS org_unit_id, ou.name,
               count(*)::int AS recalled,
               count(*) FILTER (WHERE r.result = 'confirmed')::int AS confirmed,
               count(*) FILTER (WHERE r.result = 'not_reached')::int AS not_reached,
               count(*) FILTER (WHERE r.result = 'contradicted')::int AS contradicted,
               count(*) FILTER (WHERE r.satisfaction IS NOT NULL AND r.recorded_satisfaction IS NOT NULL AND r.satisfaction <> r.recorded_satisfaction)::int AS mismatches
        FROM complaint_recalls r
        JOIN complaints ON complaints.id = r.complaint_id
        LEFT JOIN org_units ou ON ou.id = r.lead_org_unit_id
        WHERE ${scoped(actor, withinPath)}
          ${from ? sql`AND r.at >= ${from.toISOString()}::timestamptz` : sql``}
          ${to ? sql`AND r.at < ${to.toISOString()}::timestamptz` : sql``}
        GROUP BY r.lead_org_unit_id, ou.name
        ORDER BY contradicted DESC, recalled DESC, ou.name`,
  );
  return rows.map((r) => ({
    orgUnitId: r.org_unit_id,
    orgUnitName: r.name,
    recalled: Number(r.recalled),
    confirmed: Number(r.confirmed),
    notReached: Number(r.not_reached),
    contradicted: Number(r.contradicted),
    satisfactionMismatches: Number(r.mismatches),
  }));
}

export async function unitNames(db: Db, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is { id: string; name: string } => !!r);
}

/**
 * Active org units whose region is the lead's region or one of its ancestors (they have
 * jurisdiction over the place), nearest first.
 */
export async function unitsCovering(db: Db, regionPath: string, opts: { types?: string[]; ids?: string[] } = {}) {
  const conds: (SQL | undefined)[] = [eq(orgUnits.active, true), sql`${regionPath} LIKE ${regions.path} || '%'`];
  if (opts.types) conds.push(opts.types.length ? inArray(orgUnits.type, opts.types) : sql`FALSE`);
  if (opts.ids) conds.push(opts.ids.length ? inArray(orgUnits.id, opts.ids) : sql`FALSE`);
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, type: orgUnits.type, regionPath: regions.path })
    .from(orgUnits)
    .innerJoin(regions, eq(regions.id, orgUnits.regionId))
    .where(and(...conds))
    .orderBy(desc(sql`length(${regions.path})`), asc(orgUnits.name));
}

/** Open leads that may be duplicates: same project (or address), same category, within `days`. */
export async function duplicateCandidates(
  db: Db,
  actor: Actor,
  c: { id: string; projectId: string | null; address: string | null; category: number; receivedAt: Date },
  days: number,
) {
  const sameSubject = c.projectId ? eq(complaints.projectId, c.projectId) : c.address ? eq(complaints.address, c.address) : null;
  if (!sameSubject) return [];
  const from = new Date(c.receivedAt.getTime() - days * 86_400_000);
  const to = new Date(c.receivedAt.getTime() + days * 86_400_000);
  return db
    .select({ id: complaints.id, trackingCode: complaints.trackingCode, description: complaints.description, status: complaints.status, receivedAt: complaints.receivedAt })
    .from(complaints)
    .where(
      and(
        scoped(actor),
        ne(complaints.id, c.id),
        sameSubject,
        eq(complaints.category, c.category),
        gte(complaints.receivedAt, from),
        lte(complaints.receivedAt, to),
        notInArray(complaints.status, ['closed', 'merged']),
      ),
    )
    .orderBy(desc(complaints.receivedAt))
    .limit(200);
}

export async function mergedChildren(db: Db, parentId: string) {
  return db
    .select({ id: complaints.id, trackingCode: complaints.trackingCode, receivedAt: complaints.receivedAt, satisfaction: complaints.satisfaction, followedUpAt: complaints.followedUpAt })
    .from(complaints)
    .where(eq(complaints.mergedIntoId, parentId))
    .orderBy(asc(complaints.receivedAt));
}

/** `opts.projects: false` skips the per-project ranking (the dashboard shows companies only): `projects` is then empty. */
export async function hotSpots(db: Db, actor: Actor, withinPath: string | undefined, since: Date, minLeads: number, opts: { projects?: boolean } = {}) {
  const scope = scoped(actor, withinPath);
  const enterpriseRows = await queryRows<{ id: string; name: string; category: number; n: number }>(
    db,
    sql`SELECT e.id, e.name, complaints.category, count(*)::int AS n
        FROM complaints JOIN enterprises e ON e.id = complaints.enterprise_id
        WHERE ${scope} AND complaints.status <> 'merged' AND complaints.received_at >= ${since.toISOString()}::timestamptz
        GROUP BY e.id, e.name, complaints.category`,
  );
  const projectRows =
    opts.projects === false
      ? []
      : await queryRows<{ id: string; name: string; enterprise_name: string | null; category: number; n: number }>(
    db,
    sql`SELECT p.id, p.name, e.name AS enterprise_name, complaints.category, count(*)::int AS n
        FROM complaints JOIN projects p ON p.id = complaints.project_id LEFT JOIN enterprises e ON e.id = p.enterprise_id
        WHERE ${scope} AND complaints.status <> 'merged' AND complaints.received_at >= ${since.toISOString()}::timestamptz
        GROUP BY p.id, p.name, e.name, complaints.category`,
  );
  const fold = <R extends { id: string; category: number; n: number }>(rows: R[]) => {
    const by = new Map<string, { first: R; leads: number; categories: { category: number; count: number }[] }>();
    for (const r of rows) {
      const entry = by.get(r.id) ?? { first: r, leads: 0, categories: [] };
      entry.leads += Number(r.n);
      entry.categories.push({ category: Number(r.category), count: Number(r.n) });
      by.set(r.id, entry);
    }
    return [...by.values()]
      .filter((e) => e.leads >= minLeads)
      .map((e) => {
        e.categories.sort((a, b) => b.count - a.count || a.category - b.category);
        const top = e.categories[0];
        return { ...e, repeatedCategory: top && top.count >= 2 ? top.category : null };
      })
      .sort((a, b) => b.leads - a.leads)
      .slice(0, 50);
  };
  return {
    enterprises: fold(enterpriseRows).map((e) => ({ enterpriseId: e.first.id, name: e.first.name, leads: e.leads, categories: e.categories, repeatedCategory: e.repeatedCategory })),
    projects: fold(projectRows).map((e) => ({
      projectId: e.first.id,
      name: e.first.name,
      enterpriseName: e.first.enterprise_name,
      leads: e.leads,
      categories: e.categories,
      repeatedCategory: e.repeatedCategory,
    })),
  };
}

export async function returnStats(db: Db, actor: Actor, withinPath: string | undefined, since: Date | null) {
  const scope = scoped(actor, withinPath);
  const rows = await queryRows<{ org_unit_id: string; name: string; returns: number; leads: number }>(
    db,
    sql`SELECT r.org_unit_id, ou.name, count(*)::int AS returns, count(DISTINCT r.complaint_id)::int AS leads
        FROM complaint_returns r JOIN complaints ON complaints.id = r.complaint_id JOIN org_units ou ON ou.id = r.org_unit_id
        WHERE ${scope} ${since ? sql`AND r.at >= ${since.toISOString()}::timestamptz` : sql``}
        GROUP BY r.org_unit_id, ou.name ORDER BY returns DESC, ou.name`,
  );
  return rows.map((r) => ({ orgUnitId: r.org_unit_id, orgUnitName: r.name, returns: Number(r.returns), leads: Number(r.leads) }));
}
