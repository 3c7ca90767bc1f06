import { type SQL, and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  campaignDeadlines,
  campaignFocusItems,
  campaignPhases,
  campaignResponsibilityRules,
  campaignTaskProgress,
  campaignTasks,
  campaignUnits,
  campaigns,
  orgUnits,
  regions,
} from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { limitOffset } from '../../http/pagination.js';
import { regionScope } from '../../http/scope.js';
import type { ListCampaignsQuery } from './campaigns.schemas.js';
import { campaignVisibility } from './campaigns.policy.js';

/* Every query on the campaign tables. No business rules; visibility comes from campaigns.policy. */

const campaignColumns = {
  id: campaigns.id,
  regionId: campaigns.regionId,
  regionCode: regions.code,
  regionName: regions.name,
  regionLevel: regions.level,
  regionPath: regions.path,
  parentCampaignId: campaigns.parentCampaignId,
  templateId: campaigns.templateId,
  title: campaigns.title,
  documentNumber: campaigns.documentNumber,
  issuingUnit: campaigns.issuingUnit,
  issuedOn: campaigns.issuedOn,
  startsOn: campaigns.startsOn,
  endsOn: campaigns.endsOn,
  status: campaigns.status,
  objective: campaigns.objective,
  monthlyReportDueDay: campaigns.monthlyReportDueDay,
  monthlyReportRule: campaigns.monthlyReportRule,
  dragnetDeadline: campaigns.dragnetDeadline,
  dragnetDescription: campaigns.dragnetDescription,
  createdBy: campaigns.createdBy,
  createdAt: campaigns.createdAt,
  updatedAt: campaigns.updatedAt,
};
export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findVisibleCampaign>>>;

function base(db: Db) {
  return db.select(campaignColumns).from(campaigns).innerJoin(regions, eq(regions.id, campaigns.regionId));
}

export async function findVisibleCampaign(db: Db, actor: Actor, id: string) {
  const [row] = await base(db).where(and(eq(campaigns.id, id), campaignVisibility(actor, campaigns.regionId)));
  return row;
}

/** A campaign by id without any visibility rule — internal use (other modules, jobs). */
export async function findCampaignById(db: Db, id: string) {
  const [row] = await base(db).where(eq(campaigns.id, id));
  return row;
}

async function pathOfCode(db: Db, code: string): Promise<string | null> {
  const [row] = await db.select({ path: regions.path }).from(regions).where(eq(regions.code, code));
  return row?.path ?? null;
}

export async function listCampaigns(db: Db, actor: Actor, q: ListCampaignsQuery) {
  const conditions: (SQL | undefined)[] = [campaignVisibility(actor, campaigns.regionId)];
  if (q.region) {
    const path = await pathOfCode(db, q.region);
    conditions.push(path ? sql`${regions.path} LIKE ${`${path}%`}` : sql`FALSE`);
  }
  if (q.appliesTo) {
    const path = await pathOfCode(db, q.appliesTo);
    conditions.push(path ? sql`left(${path}::text, length(${regions.path})) = ${regions.path}` : sql`FALSE`);
  }
  if (q.status) conditions.push(eq(campaigns.status, q.status));
  if (q.q) conditions.push(or(ilike(campaigns.title, `%${q.q}%`), ilike(campaigns.documentNumber, `%${q.q}%`)));
  if (q.year) conditions.push(sql`${campaigns.startsOn} <= ${`${q.year}-12-31`} AND ${campaigns.endsOn} >= ${`${q.year}-01-01`}`);
  const where = and(...conditions);
  const { limit, offset } = limitOffset(q);
  const [items, [{ total }]] = await Promise.all([
    base(db).where(where).orderBy(desc(campaigns.startsOn), asc(regions.path), asc(campaigns.title)).limit(limit).offset(offset),
    db.select({ total: count() }).from(campaigns).innerJoin(regions, eq(regions.id, campaigns.regionId)).where(where),
  ]);
  return { items, total };
}

const parentCampaign = alias(campaigns, 'parent_campaign');
const parentRegion = alias(regions, 'parent_region');

export async function findParentSummary(db: Db, actor: Actor, parentId: string | null) {
  if (!parentId) return null;
  const [row] = await db
    .select({ id: parentCampaign.id, title: parentCampaign.title, regionName: parentRegion.name })
    .from(parentCampaign)
    .innerJoin(parentRegion, eq(parentRegion.id, parentCampaign.regionId))
    .where(and(eq(parentCampaign.id, parentId), campaignVisibility(actor, parentCampaign.regionId)));
  return row ?? null;
}

export async function findChildren(db: Db, actor: Actor, id: string) {
  return db
    .select({ id: campaigns.id, title: campaigns.title, regionCode: regions.code, regionName: regions.name, status: campaigns.status })
    .from(campaigns)
    .innerJoin(regions, eq(regions.id, campaigns.regionId))
    .where(and(eq(campaigns.parentCampaignId, id), campaignVisibility(actor, campaigns.regionId)))
    .orderBy(asc(regions.path));
}

/** Candidate parents: visible campaigns from `templateId` at a strict ancestor of `regionPath`. */
export async function findParentFromTemplate(db: Db, actor: Actor, templateId: string, regionPath: string, year: number) {
  const [row] = await base(db)
    .where(
      and(
        eq(campaigns.templateId, templateId),
        campaignVisibility(actor, campaigns.regionId),
        sql`left(${regionPath}::text, length(${regions.path})) = ${regions.path} AND ${regions.path} <> ${regionPath}`,
        sql`extract(year FROM ${campaigns.startsOn}) = ${year}`,
      ),
    )
    .orderBy(desc(campaigns.createdAt))
    .limit(1);
  return row;
}

export function loadPhases(db: Db, campaignId: string) {
  return db.select().from(campaignPhases).where(eq(campaignPhases.campaignId, campaignId)).orderBy(asc(campaignPhases.seq));
}

export function loadTasks(db: Db, campaignId: string) {
  return db
    .select({
      id: campaignTasks.id,
      phaseId: campaignTasks.phaseId,
      seq: campaignTasks.seq,
      title: campaignTasks.title,
      description: campaignTasks.description,
      dueOn: campaignTasks.dueOn,
      responsibleDepartmentType: campaignTasks.responsibleDepartmentType,
      responsibleOrgUnitId: campaignTasks.responsibleOrgUnitId,
      responsibleOrgUnitName: orgUnits.name,
      responsibleNote: campaignTasks.responsibleNote,
      targetCount: campaignTasks.targetCount,
    })
    .from(campaignTasks)
    .leftJoin(orgUnits, eq(orgUnits.id, campaignTasks.responsibleOrgUnitId))
    .where(eq(campaignTasks.campaignId, campaignId))
    .orderBy(asc(campaignTasks.seq));
}

export function loadFocusItems(db: Db, campaignId: string) {
  return db.select().from(campaignFocusItems).where(eq(campaignFocusItems.campaignId, campaignId)).orderBy(asc(campaignFocusItems.seq));
}

export function loadRules(db: Db, campaignId: string) {
  return db
    .select()
    .from(campaignResponsibilityRules)
    .where(eq(campaignResponsibilityRules.campaignId, campaignId))
    .orderBy(asc(campaignResponsibilityRules.priority));
}

export function loadUnits(db: Db, campaignId: string) {
  return db
    .select({
      id: campaignUnits.id,
      orgUnitId: campaignUnits.orgUnitId,
      orgUnitRegionCode: regions.code,
      departmentType: campaignUnits.departmentType,
      unitName: campaignUnits.unitName,
      role: campaignUnits.role,
      duties: campaignUnits.duties,
      responsibleLeader: campaignUnits.responsibleLeader,
      contactName: campaignUnits.contactName,
      contactPhone: campaignUnits.contactPhone,
      sortOrder: campaignUnits.sortOrder,
    })
    .from(campaignUnits)
    .leftJoin(orgUnits, eq(orgUnits.id, campaignUnits.orgUnitId))
    .leftJoin(regions, eq(regions.id, orgUnits.regionId))
    .where(eq(campaignUnits.campaignId, campaignId))
    .orderBy(sql`CASE WHEN ${campaignUnits.role} = 'lead' THEN 0 ELSE 1 END`, asc(campaignUnits.sortOrder), asc(campaignUnits.unitName));
}

export function loadDeadlines(db: Db, campaignId: string) {
  return db.select().from(campaignDeadlines).where(eq(campaignDeadlines.campaignId, campaignId)).orderBy(asc(campaignDeadlines.dueOn));
}

/** Progress rows of the campaign's tasks in regions inside the actor's subtree. */
export function loadProgress(db: Db, actor: Actor, taskIds: string[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      taskId: campaignTaskProgress.taskId,
      regionId: campaignTaskProgress.regionId,
      regionCode: regions.code,
      regionName: regions.name,
      regionLevel: regions.level,
      regionPath: regions.path,
      status: campaignTaskProgress.status,
      doneOn: campaignTaskProgress.doneOn,
      quantity: campaignTaskProgress.quantity,
      note: campaignTaskProgress.note,
      updatedAt: campaignTaskProgress.updatedAt,
    })
    .from(campaignTaskProgress)
    .innerJoin(regions, eq(regions.id, campaignTaskProgress.regionId))
    .where(and(inArray(campaignTaskProgress.taskId, taskIds), regionScope(actor, campaignTaskProgress.regionId)));
}

/** The campaign's region and its direct children, limited to the actor's subtree. */
export function reportingRegions(db: Db, actor: Actor, campaignRegionId: number) {
  return db
    .select({ id: regions.id, code: regions.code, name: regions.name, level: regions.level, path: regions.path })
    .from(regions)
    .where(and(or(eq(regions.id, campaignRegionId), eq(regions.parentId, campaignRegionId)), regionScope(actor, regions.id)))
    .orderBy(asc(regions.path), asc(regions.sortOrder));
}

/** Org units at exactly `regionId` of a type, active first (template department → unit). */
export async function findUnitAtRegion(db: Db, regionId: number, type: string) {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.regionId, regionId), eq(orgUnits.type, type), eq(orgUnits.active, true)))
    .orderBy(asc(orgUnits.name))
    .limit(1);
  return row;
}

/**
 * Active campaigns applying to a region (created at it or an ancestor), most specific first.
 * With `onDate`, only campaigns whose period includes the date.
 */
export function campaignsApplyingTo(db: Db, regionPath: string, onDate?: string) {
  return base(db)
    .where(
      and(
        eq(campaigns.status, 'active'),
        sql`left(${regionPath}::text, length(${regions.path})) = ${regions.path}`,
        onDate ? sql`${campaigns.startsOn} <= ${onDate} AND ${campaigns.endsOn} >= ${onDate}` : undefined,
      ),
    )
    .orderBy(desc(sql`length(${regions.path})`), desc(campaigns.startsOn));
}
