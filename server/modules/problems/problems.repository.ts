import { type SQL, and, asc, desc, eq, gte, ilike, inArray, lt, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import type { ProblemStatus, ReviewResult } from '../../../core/problems/labels.js';
import { repeatWindowStart } from '../../../core/problems/repeat.js';
import { type ProblemFacts, TERMINAL_STATUSES } from '../../../core/problems/state.js';
import { type Db, escapeLike, queryRows } from '../../db/client.js';
import {
  enterprises,
  files,
  orgUnits,
  problemEvents,
  problemExtensions,
  problemObjections,
  problemReviews,
  problemSubmissions,
  problems,
  projects,
  regions,
} from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { type PageQuery, limitOffset } from '../../http/pagination.js';
import { recordScope } from '../../http/scope.js';

/** The jurisdiction condition on problems: staff → region subtree, enterprise users → own company. */
export function problemScope(actor: Actor, withinPath?: string): SQL {
  return recordScope(actor, { region: problems.regionId, enterprise: problems.enterpriseId }, withinPath);
}

export interface ListFilter {
  status?: ProblemStatus;
  withinPath?: string;
  enterpriseId?: string;
  projectId?: string;
  source?: string;
  category?: number;
  overdue?: boolean;
  dueSoonUntil?: string;
  supervised?: boolean;
  repeatOffence?: boolean;
  q?: string;
  today: string;
}

const summaryColumns = {
  id: problems.id,
  code: problems.code,
  source: problems.source,
  regionId: problems.regionId,
  regionName: regions.name,
  projectId: problems.projectId,
  projectName: projects.name,
  enterpriseId: problems.enterpriseId,
  enterpriseName: enterprises.name,
  category: problems.category,
  title: problems.title,
  status: problems.status,
  deadline: problems.deadline,
  reworkCount: problems.reworkCount,
  repeatOffence: problems.repeatOffence,
  supervised: problems.supervised,
  supervisionDeadline: problems.supervisionDeadline,
  openedOn: problems.openedOn,
  closedAt: problems.closedAt,
  createdAt: problems.createdAt,
};


/** The WHERE of the problem list for `f`; `overdue` = the list's overdue condition (the dashboard groups by it). */
export function listWhere(actor: Actor, f: ListFilter): { where: SQL | undefined; overdue: SQL } {
  const conds: Array<SQL | undefined> = [problemScope(actor, f.withinPath)];
  if (f.status) conds.push(eq(problems.status, f.status));
  if (f.enterpriseId) conds.push(eq(problems.enterpriseId, f.enterpriseId));
  if (f.projectId) conds.push(eq(problems.projectId, f.projectId));
  if (f.source) conds.push(eq(problems.source, f.source));
  if (f.category !== undefined) conds.push(eq(problems.category, f.category));
  if (f.supervised !== undefined) conds.push(eq(problems.supervised, f.supervised));
  if (f.repeatOffence !== undefined) conds.push(eq(problems.repeatOffence, f.repeatOffence));
  // Closed and withdrawn (已撤销) problems are never overdue or due soon.
  const live = notInArray(problems.status, [...TERMINAL_STATUSES]);
  // Overdue against the rectification deadline, or the 挂牌督办 deadline of a supervised problem.
  const overdueCond = and(live, or(lt(problems.deadline, f.today), and(eq(problems.supervised, true), lt(problems.supervisionDeadline, f.today)))) as SQL;
  if (f.overdue === true) conds.push(overdueCond);
  if (f.overdue === false) conds.push(sql`NOT (${overdueCond})`);
  if (f.dueSoonUntil) conds.push(and(live, gte(problems.deadline, f.today), lte(problems.deadline, f.dueSoonUntil)));
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(problems.code, pattern), ilike(problems.title, pattern), ilike(enterprises.name, pattern), ilike(projects.name, pattern)));
  }
  return { where: and(...conds), overdue: overdueCond };
}

export async function listProblems(db: Db, actor: Actor, f: ListFilter, page: PageQuery) {
  const { where } = listWhere(actor, f);
  const base = db
    .select(summaryColumns)
    .from(problems)
    .innerJoin(regions, eq(regions.id, problems.regionId))
    .leftJoin(projects, eq(projects.id, problems.projectId))
    .leftJoin(enterprises, eq(enterprises.id, problems.enterpriseId))
    .where(where);
  const { limit, offset } = limitOffset(page);
  const items = await base.orderBy(desc(problems.createdAt), desc(problems.id)).limit(limit).offset(offset);
  const [countRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(problems)
    .leftJoin(projects, eq(projects.id, problems.projectId))
    .leftJoin(enterprises, eq(enterprises.id, problems.enterpriseId))
    .where(where);
  return { items, total: countRow?.n ?? 0 };
}

/**
 * The list `f`'s total broken down in one query (the dashboard): by the child segment of the
 * problem's region path under `parentPath` ('' = the parent node itself), category, status, and the
 * list's own overdue condition. Each breakdown is the total of the list with that extra filter.
 */
export async function countBreakdown(db: Db, actor: Actor, f: ListFilter, parentPath: string) {
  const { where, overdue } = listWhere(actor, f);
  // Counted per region first, then folded into child segments (the path arithmetic once per region, not per problem).
  const rows = await queryRows<{ segment: string; category: number; status: string; overdue: boolean; n: number }>(
    db,
    sql`SELECT split_part(substr(r.path, ${parentPath.length + 1}), '/', 1) AS segment, g.category, g.status, g.overdue, sum(g.n)::int AS n
        FROM (SELECT ${problems.regionId} AS region_id, ${problems.category} AS category, ${problems.status} AS status,
                     coalesce(${overdue}, false) AS overdue, count(*)::int AS n
              FROM ${problems}
              LEFT JOIN ${projects} ON ${projects.id} = ${problems.projectId}
              LEFT JOIN ${enterprises} ON ${enterprises.id} = ${problems.enterpriseId}
              WHERE ${where ?? sql`TRUE`}
              GROUP BY 1, 2, 3, 4) g
        JOIN regions r ON r.id = g.region_id
        GROUP BY 1, 2, 3, 4`,
  );
  return rows.map((r) => ({ ...r, category: Number(r.category), n: Number(r.n) }));
}

/** One problem within the actor's scope (404 otherwise); `lock` takes a row lock for an action. */
export async function problemInScope(db: Db, actor: Actor, id: string, lock = false) {
  const q = db
    .select({
      ...summaryColumns,
      sourceId: problems.sourceId,
      complaintId: problems.complaintId,
      description: problems.description,
      measures: problems.measures,
      responsibleOrgUnitId: problems.responsibleOrgUnitId,
      responsibleOrgUnitName: orgUnits.name,
      responsiblePerson: problems.responsiblePerson,
      supervisionNote: problems.supervisionNote,
      repeatOfProblemId: problems.repeatOfProblemId,
      suggestedNextStep: problems.suggestedNextStep,
    })
    .from(problems)
    .innerJoin(regions, eq(regions.id, problems.regionId))
    .leftJoin(projects, eq(projects.id, problems.projectId))
    .leftJoin(enterprises, eq(enterprises.id, problems.enterpriseId))
    .leftJoin(orgUnits, eq(orgUnits.id, problems.responsibleOrgUnitId))
    .where(and(eq(problems.id, id), problemScope(actor)));
  const [row] = lock ? await q.for('update', { of: problems }) : await q;
  if (!row) throw notFound('问题');
  return row;
}
export type ProblemRow = Awaited<ReturnType<typeof problemInScope>>;

export async function latestSubmission(db: Db, problemId: string) {
  const [sub] = await db
    .select({ id: problemSubmissions.id, seq: problemSubmissions.seq, submittedBy: problemSubmissions.submittedBy })
    .from(problemSubmissions)
    .where(eq(problemSubmissions.problemId, problemId))
    .orderBy(desc(problemSubmissions.seq))
    .limit(1);
  if (!sub) return null;
  const [review] = await db.select({ result: problemReviews.result }).from(problemReviews).where(eq(problemReviews.submissionId, sub.id));
  return { ...sub, review: review ? { result: review.result as ReviewResult } : null };
}

export async function pendingExtension(db: Db, problemId: string) {
  const [row] = await db
    .select()
    .from(problemExtensions)
    .where(and(eq(problemExtensions.problemId, problemId), eq(problemExtensions.status, 'pending')));
  return row ?? null;
}

export async function pendingObjection(db: Db, problemId: string) {
  const [row] = await db
    .select()
    .from(problemObjections)
    .where(and(eq(problemObjections.problemId, problemId), eq(problemObjections.status, 'pending')));
  return row ?? null;
}

/** Everything core/problems/state.ts needs about a problem. */
export async function factsOf(db: Db, p: { id: string; status: string; enterpriseId: string | null; deadline: string }): Promise<ProblemFacts> {
  const [latest, ext, obj] = await Promise.all([latestSubmission(db, p.id), pendingExtension(db, p.id), pendingObjection(db, p.id)]);
  return {
    status: p.status as ProblemStatus,
    enterpriseId: p.enterpriseId,
    deadline: p.deadline,
    latestSubmission: latest ? { id: latest.id, submittedBy: latest.submittedBy, review: latest.review } : null,
    pendingExtension: ext ? { requestedBy: ext.requestedBy } : null,
    pendingObjection: !!obj,
  };
}

export async function timelineOf(db: Db, problemId: string) {
  return db.select().from(problemEvents).where(eq(problemEvents.problemId, problemId)).orderBy(asc(problemEvents.at), asc(problemEvents.seq));
}
export async function submissionsOf(db: Db, problemId: string) {
  return db.select().from(problemSubmissions).where(eq(problemSubmissions.problemId, problemId)).orderBy(asc(problemSubmissions.seq));
}
export async function reviewsOf(db: Db, problemId: string) {
  return db.select().from(problemReviews).where(eq(problemReviews.problemId, problemId)).orderBy(asc(problemReviews.reviewedAt));
}
export async function extensionsOf(db: Db, problemId: string) {
  return db.select().from(problemExtensions).where(eq(problemExtensions.problemId, problemId)).orderBy(asc(problemExtensions.requestedAt));
}
export async function objectionsOf(db: Db, problemId: string) {
  return db.select().from(problemObjections).where(eq(problemObjections.problemId, problemId)).orderBy(asc(problemObjections.raisedAt));
}

/** Earlier problems of the same enterprise and category in the 12-month window, within the actor's scope (withdrawn ones do not count). */
export async function previousProblems(db: Db, actor: Actor, p: { id: string; enterpriseId: string | null; category: number; openedOn: string }) {
  if (!p.enterpriseId || p.category === 0) return [];
  return db
    .select({ id: problems.id, code: problems.code, title: problems.title, status: problems.status, openedOn: problems.openedOn })
    .from(problems)
    .where(
      and(
        eq(problems.enterpriseId, p.enterpriseId),
        eq(problems.category, p.category),
        gte(problems.openedOn, repeatWindowStart(p.openedOn)),
        lte(problems.openedOn, p.openedOn),
        ne(problems.id, p.id),
        ne(problems.status, 'withdrawn'),
        sql`${problems.createdAt} <= (SELECT created_at FROM problems WHERE id = ${p.id})`,
        problemScope(actor),
      ),
    )
    .orderBy(desc(problems.openedOn), desc(problems.createdAt))
    .limit(20);
}

/** Files attached to this problem (uploaded through its attachments endpoint). */
export async function problemFiles(db: Db, problemId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: files.id, name: files.originalName, mime: files.mime, size: files.size, storageKey: files.storageKey })
    .from(files)
    .where(and(inArray(files.id, [...ids]), eq(files.entityType, 'problem'), eq(files.entityId, problemId)));
}
