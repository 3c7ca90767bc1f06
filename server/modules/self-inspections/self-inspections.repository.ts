import { type SQL, and, asc, count, desc, eq, gte, inArray, like, ne, sql } from 'drizzle-orm';
import { type Db, escapeLike } from '../../db/client.js';
import {
  campaignDeadlines,
  campaignFocusItems,
  campaigns,
  complaints,
  enterprises,
  orgUnits,
  problems,
  projects,
  regions,
  selfInspectionFlagDecisions,
  selfInspectionItems,
  selfInspectionVersions,
  selfInspections,
} from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordScope } from '../../http/scope.js';

/** JURISDICTION: staff see their subtree, company users only their own company (http/scope.ts). */
export function formScope(actor: Actor, withinPath?: string): SQL {
  return recordScope(actor, { region: selfInspections.regionId, enterprise: selfInspections.enterpriseId }, withinPath);
}

const summaryColumns = {
  id: selfInspections.id,
  campaignId: selfInspections.campaignId,
  projectId: selfInspections.projectId,
  projectName: projects.name,
  enterpriseId: selfInspections.enterpriseId,
  enterpriseName: enterprises.name,
  regionId: selfInspections.regionId,
  regionCode: regions.code,
  regionName: regions.name,
  regionPath: regions.path,
  status: selfInspections.status,
  reportDate: selfInspections.reportDate,
  version: selfInspections.version,
  filedAt: selfInspections.filedAt,
  updatedAt: selfInspections.updatedAt,
  campaignTitle: campaigns.title,
  campaignStartsOn: campaigns.startsOn,
  confirmedByName: selfInspections.confirmedByName,
  confirmedAt: selfInspections.confirmedAt,
  decidedByName: selfInspections.decidedByName,
  decidedAt: selfInspections.decidedAt,
  returnReason: selfInspections.returnReason,
};

function base(db: Db) {
  return db
    .select(summaryColumns)
    .from(selfInspections)
    .innerJoin(campaigns, eq(campaigns.id, selfInspections.campaignId))
    .innerJoin(projects, eq(projects.id, selfInspections.projectId))
    .innerJoin(enterprises, eq(enterprises.id, selfInspections.enterpriseId))
    .innerJoin(regions, eq(regions.id, selfInspections.regionId));
}
export type FormRow = NonNullable<Awaited<ReturnType<typeof findForm>>>;

export async function findForm(db: Db, actor: Actor, id: string) {
  const [row] = await base(db).where(and(eq(selfInspections.id, id), formScope(actor)));
  return row;
}

export async function lockForm(db: Db, id: string) {
  const [row] = await db.select({ status: selfInspections.status, version: selfInspections.version }).from(selfInspections).where(eq(selfInspections.id, id)).for('update');
  return row;
}

export async function listForms(db: Db, actor: Actor, f: { withinPath?: string; campaignId?: string; status?: string; projectId?: string }, limit: number, offset: number) {
  const w = and(
    formScope(actor, f.withinPath),
    f.campaignId ? eq(selfInspections.campaignId, f.campaignId) : undefined,
    f.status ? eq(selfInspections.status, f.status) : undefined,
    f.projectId ? eq(selfInspections.projectId, f.projectId) : undefined,
  );
  const rows = await base(db).where(w).orderBy(desc(selfInspections.updatedAt)).limit(limit).offset(offset);
  const [total] = await db.select({ n: count() }).from(selfInspections).where(w);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Every form of a campaign in the scope, with items, for the region workbook. */
export async function formsForExport(db: Db, actor: Actor, campaignId: string, withinPath?: string) {
  return base(db)
    .where(and(formScope(actor, withinPath), eq(selfInspections.campaignId, campaignId)))
    .orderBy(asc(regions.code), asc(projects.name));
}

export function loadItems(db: Db, formId: string) {
  return db
    .select({
      id: selfInspectionItems.id,
      focusItemId: selfInspectionItems.focusItemId,
      seq: campaignFocusItems.seq,
      title: campaignFocusItems.title,
      description: campaignFocusItems.description,
      checklistText: campaignFocusItems.checklistText,
      problem: selfInspectionItems.problem,
      responsiblePerson: selfInspectionItems.responsiblePerson,
      contact: selfInspectionItems.contact,
      deadline: selfInspectionItems.deadline,
      problemId: selfInspectionItems.problemId,
    })
    .from(selfInspectionItems)
    .innerJoin(campaignFocusItems, eq(campaignFocusItems.id, selfInspectionItems.focusItemId))
    .where(eq(selfInspectionItems.selfInspectionId, formId))
    .orderBy(asc(campaignFocusItems.seq));
}
export type ItemRow = Awaited<ReturnType<typeof loadItems>>[number];

export function loadVersions(db: Db, formId: string) {
  return db
    .select({
      version: selfInspectionVersions.version,
      reportDate: selfInspectionVersions.reportDate,
      confirmedByName: selfInspectionVersions.confirmedByName,
      filedAt: selfInspectionVersions.filedAt,
      outcome: selfInspectionVersions.outcome,
      returnReason: selfInspectionVersions.returnReason,
      decidedByName: selfInspectionVersions.decidedByName,
      decidedAt: selfInspectionVersions.decidedAt,
    })
    .from(selfInspectionVersions)
    .where(eq(selfInspectionVersions.selfInspectionId, formId))
    .orderBy(desc(selfInspectionVersions.version));
}

export function loadFlagDecisions(db: Db, formId: string) {
  return db.select().from(selfInspectionFlagDecisions).where(eq(selfInspectionFlagDecisions.selfInspectionId, formId));
}

/** Complaints about the project in a focus category since `since` (cross-check evidence). */
export function complaintsOf(db: Db, projectId: string, categories: number[], since: string) {
  if (!categories.length) return Promise.resolve([]);
  return db
    .select({ id: complaints.id, category: complaints.category, at: complaints.receivedAt })
    .from(complaints)
    .where(and(eq(complaints.projectId, projectId), inArray(complaints.category, categories), gte(complaints.receivedAt, new Date(`${since}T00:00:00+08:00`))))
    .orderBy(asc(complaints.receivedAt))
    .limit(200);
}

/** Ledger problems of the project in a focus category since `since`, except those the form itself opened. */
export function problemsOf(db: Db, projectId: string, categories: number[], since: string) {
  if (!categories.length) return Promise.resolve([]);
  return db
    .select({ id: problems.id, code: problems.code, category: problems.category, openedOn: problems.openedOn, source: problems.source })
    .from(problems)
    .where(
      and(
        eq(problems.projectId, projectId),
        inArray(problems.category, categories),
        gte(problems.openedOn, since),
        ne(problems.source, 'self_inspection'),
        ne(problems.status, 'withdrawn'),
      ),
    )
    .orderBy(asc(problems.openedOn))
    .limit(200);
}

/** Projects with a registered company in the scope and the campaign's region (the forms expected). */
export async function expectedProjects(db: Db, actor: Actor, campaignRegionPath: string, withinPath?: string) {
  // Intersect the actor's subtree, the filter and the campaign's region (never widens).
  const narrower = (a: string, b: string) => (a.startsWith(b) ? a : b.startsWith(a) ? b : '/__outside_scope__/');
  const path = withinPath ? narrower(actor.regionPath, withinPath) : actor.regionPath;
  const narrow = narrower(path, campaignRegionPath);
  return db
    .select({ projectId: projects.id, projectName: projects.name, enterpriseName: enterprises.name, regionName: regions.name })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(like(regions.path, `${escapeLike(narrow)}%`))
    .orderBy(asc(regions.code), asc(projects.name));
}

export async function formStatuses(db: Db, campaignId: string, projectIds: string[]) {
  if (!projectIds.length) return [];
  return db
    .select({ projectId: selfInspections.projectId, status: selfInspections.status })
    .from(selfInspections)
    .where(and(eq(selfInspections.campaignId, campaignId), inArray(selfInspections.projectId, projectIds)));
}

export async function filingDueOn(db: Db, campaignId: string): Promise<string | null> {
  const [row] = await db
    .select({ dueOn: campaignDeadlines.dueOn })
    .from(campaignDeadlines)
    .where(and(eq(campaignDeadlines.campaignId, campaignId), eq(campaignDeadlines.kind, 'self_inspection_filing')))
    .orderBy(desc(campaignDeadlines.dueOn))
    .limit(1);
  return row?.dueOn ?? null;
}

/** The housing department (房管) nearest above the region: where forms are filed (备案). */
export async function housingUnitFor(db: Db, regionPath: string): Promise<string | null> {
  const [row] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .innerJoin(regions, eq(regions.id, orgUnits.regionId))
    .where(and(eq(orgUnits.type, 'housing'), eq(orgUnits.active, true), sql`${regionPath} LIKE ${regions.path} || '%'`))
    .orderBy(desc(sql`length(${regions.path})`))
    .limit(1);
  return row?.id ?? null;
}
