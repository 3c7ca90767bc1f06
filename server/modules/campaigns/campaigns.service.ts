import { chinaDate } from '../../../core/working-days.js';
import { and, eq, lt, max, ne } from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import {
  CAMPAIGN_STATUS_LABELS,
  type CampaignStatus,
  DEFAULT_RULE_ROWS,
  type ResponsibilityRuleData,
  type RuleLead,
  canTransition,
  daysBetween,
  effectiveCampaignStatus,
  reopensByExtension,
  ruleConditionKey,
  ruleProblems,
  shiftDays,
  shiftYears,
} from '../../../core/campaigns.js';
import { type DepartmentType, REGION_LEVEL_LABELS, type RegionLevel, isDepartmentType } from '../../../core/org.js';
import { DEFAULT_RESPONSIBILITY_RULES, type ResponsibilityRules } from '../../../core/triage/triage.js';
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
import { type Actor, systemActor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { conflict, invalidState, notFound, validationFailed } from '../../http/errors.js';
import { type RegionRef, regionInScope } from '../../http/scope.js';
import { provisionIdsByKeys, provisionsByIds, unknownProvisionIds } from '../legal/legal.service.js';
import { assertCanManage, canManageCampaign, relationOf } from './campaigns.policy.js';
import * as repo from './campaigns.repository.js';
import type {
  CreateCampaignInput,
  FromTemplateInput,
  ListCampaignsQuery,
  ProgressInput,
  UpdateCampaignInput,
  deadlineInput,
  deadlinePatch,
  focusItemInput,
  focusItemPatch,
  phaseInput,
  phasePatch,
  ruleInput,
  taskInput,
  taskPatch,
  unitInput,
  unitPatch,
} from './campaigns.schemas.js';
import { CAMPAIGN_TEMPLATES, findTemplate } from './templates/index.js';

/*
 * Campaign use cases (SPEC §4). Reads: campaign:read + the visibility rule of campaigns.policy.
 * Writes: campaign:manage (checked on the route) + the campaign's region in the actor's subtree,
 * one transaction each, with the audit row inside it.
 */

type Fields = Record<string, string>;
/** Today's date in China (the platform's business day), 'YYYY-MM-DD'. */
export const todayInChina = chinaDate;

/** A PATCH body with nothing to change (every key absent or undefined). */
function isEmpty(input: object): boolean {
  return Object.values(input).every((v) => v === undefined);
}

function fail(fields: Fields): void {
  if (Object.keys(fields).length) throw validationFailed(fields);
}

// ── Reads ────────────────────────────────────────────────────────────────────────────────────

function presentSummary(row: repo.CampaignRow, actor: Actor) {
  return {
    id: row.id,
    title: row.title,
    documentNumber: row.documentNumber,
    issuingUnit: row.issuingUnit,
    issuedOn: row.issuedOn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: effectiveCampaignStatus(row.status as CampaignStatus, row.endsOn, todayInChina()),
    templateId: row.templateId,
    regionId: row.regionId,
    regionCode: row.regionCode,
    regionName: row.regionName,
    regionLevel: row.regionLevel,
    parentCampaignId: row.parentCampaignId,
    relation: relationOf(actor, row.regionPath),
    canManage: canManageCampaign(actor, row.regionPath),
  };
}

export async function listCampaigns(db: Db, actor: Actor, q: ListCampaignsQuery) {
  const { items, total } = await repo.listCampaigns(db, actor, q);
  return { items: items.map((r) => presentSummary(r, actor)), total, page: q.page, pageSize: q.pageSize };
}

async function visibleCampaign(db: Db, actor: Actor, id: string) {
  const row = await repo.findVisibleCampaign(db, actor, id);
  if (!row) throw notFound('专项行动');
  return row;
}

/** Visible (else 404) and editable by the actor (else 403). */
async function manageableCampaign(db: Db, actor: Actor, id: string) {
  const row = await visibleCampaign(db, actor, id);
  assertCanManage(actor, row.regionPath);
  return row;
}

export async function getCampaign(db: Db, actor: Actor, id: string) {
  const row = await visibleCampaign(db, actor, id);
  const [phases, tasks, focusItems, rules, units, deadlines, parent, children] = await Promise.all([
    repo.loadPhases(db, id),
    repo.loadTasks(db, id),
    repo.loadFocusItems(db, id),
    repo.loadRules(db, id),
    repo.loadUnits(db, id),
    repo.loadDeadlines(db, id),
    repo.findParentSummary(db, actor, row.parentCampaignId),
    repo.findChildren(db, actor, id),
  ]);
  const provisionIds = [...new Set(focusItems.flatMap((f) => f.legalProvisionIds))];
  const provisions = new Map((await provisionsByIds(db, provisionIds)).map((p) => [p.id, p]));
  return {
    ...presentSummary(row, actor),
    objective: row.objective,
    monthlyReportDueDay: row.monthlyReportDueDay,
    monthlyReportRule: row.monthlyReportRule,
    monthlyReport: { dueDay: row.monthlyReportDueDay, rule: row.monthlyReportRule },
    dragnetDeadline: row.dragnetDeadline,
    dragnetDescription: row.dragnetDescription,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    parent,
    children,
    phases: phases.map((p) => ({
      id: p.id,
      seq: p.seq,
      name: p.name,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      description: p.description,
      tasks: tasks.filter((t) => t.phaseId === p.id).map((t) => ({ ...t, effectiveDueOn: t.dueOn ?? p.endsOn })),
    })),
    focusItems: focusItems.map((f) => ({
      id: f.id,
      seq: f.seq,
      title: f.title,
      description: f.description,
      checklistText: f.checklistText,
      legalProvisionIds: f.legalProvisionIds,
      legalBasis: f.legalProvisionIds.flatMap((pid) => (provisions.has(pid) ? [provisions.get(pid) as NonNullable<ReturnType<typeof provisions.get>>] : [])),
      leadDepartmentType: f.leadDepartmentType,
      coDepartmentTypes: f.coDepartmentTypes,
    })),
    responsibilityRules: rules.map((r) => ({
      id: r.id,
      priority: r.priority,
      conditionKind: r.conditionKind,
      category: r.category,
      subCondition: r.subCondition,
      leadDepartmentType: r.leadDepartmentType,
      coDepartmentTypes: r.coDepartmentTypes,
      description: r.description,
      enabled: r.enabled,
    })),
    units,
    deadlines: deadlines.map((d) => ({ id: d.id, kind: d.kind, dueOn: d.dueOn, description: d.description })),
  };
}

export function listTemplates() {
  return CAMPAIGN_TEMPLATES.map((t) => ({
    id: t.id,
    name: t.name,
    summary: t.summary,
    level: t.level,
    year: t.year,
    parentTemplateId: t.parentTemplateId,
    title: t.title,
    issuingUnit: t.issuingUnit,
    issuedOn: t.issuedOn,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    phases: t.phases.map((p) => ({ name: p.name, startsOn: p.startsOn, endsOn: p.endsOn, taskCount: p.tasks.length })),
    focusItemCount: t.focusItems.length,
    departments: t.departments.map((d) => ({ departmentType: d.departmentType, unitName: d.unitName, role: d.role })),
  }));
}

// ── Campaign create / update ─────────────────────────────────────────────────────────────────

interface CampaignDates {
  startsOn: string;
  endsOn: string;
  issuedOn?: string | null;
  dragnetDeadline?: string | null;
}

function campaignDateProblems(c: CampaignDates): Fields {
  const fields: Fields = {};
  if (c.endsOn < c.startsOn) fields.endsOn = '结束日期不能早于开始日期';
  if (c.issuedOn && c.issuedOn > c.endsOn) fields.issuedOn = '印发日期不能晚于结束日期';
  if (c.dragnetDeadline && (c.dragnetDeadline < c.startsOn || c.dragnetDeadline > c.endsOn))
    fields.dragnetDeadline = `拉网式检查截止日期须在专项行动期间内（${c.startsOn} 至 ${c.endsOn}）`;
  return fields;
}

/** The parent must be a visible campaign of a strict ancestor region (a higher level's plan). */
async function checkParent(db: Db, actor: Actor, parentId: string | null | undefined, regionPath: string, fields: Fields, selfId?: string) {
  if (!parentId) return;
  if (parentId === selfId) {
    fields.parentCampaignId = '不能以自身为上级方案';
    return;
  }
  const parent = await repo.findVisibleCampaign(db, actor, parentId);
  if (!parent) fields.parentCampaignId = '上级方案不存在或不在您的可见范围内';
  else if (!(regionPath.startsWith(parent.regionPath) && regionPath !== parent.regionPath)) fields.parentCampaignId = '上级方案须由上级区划制定';
}

async function regionForCreate(db: Db, actor: Actor, code: string, fields: Fields): Promise<RegionRef | null> {
  const region = await regionInScope(db, actor, code).catch(() => null);
  if (!region) fields.regionCode = '区划不存在或不在您的管辖范围内';
  return region;
}

function ruleValues(campaignId: string, rows: readonly ResponsibilityRuleData[]) {
  return rows.map((r, i) => ({
    campaignId,
    priority: i + 1,
    conditionKind: r.conditionKind,
    category: r.category,
    subCondition: r.subCondition,
    leadDepartmentType: r.leadDepartmentType,
    coDepartmentTypes: r.coDepartmentTypes,
    description: r.description,
    enabled: r.enabled,
  }));
}

export async function createCampaign(db: Db, actor: Actor, input: CreateCampaignInput) {
  return db.transaction(async (tx) => {
    const fields: Fields = {};
    const region = await regionForCreate(tx, actor, input.regionCode, fields);
    Object.assign(fields, campaignDateProblems(input));
    if (region) await checkParent(tx, actor, input.parentCampaignId, region.path, fields);
    fail(fields);
    const { regionCode: _r, withDefaultRules, ...values } = input;
    const [row] = await tx
      .insert(campaigns)
      .values({ ...values, regionId: (region as RegionRef).id, parentCampaignId: input.parentCampaignId ?? null, status: 'draft', createdBy: actor.userId })
      .returning();
    if (withDefaultRules) await tx.insert(campaignResponsibilityRules).values(ruleValues(row.id, DEFAULT_RULE_ROWS));
    await recordAudit(tx, actor, { action: 'campaign.create', entityType: 'campaign', entityId: row.id, regionId: row.regionId, after: row });
    return getCampaign(tx, actor, row.id);
  });
}

export async function updateCampaign(db: Db, actor: Actor, id: string, input: UpdateCampaignInput) {
  return db.transaction(async (tx) => {
    const c = await manageableCampaign(tx, actor, id);
    const [before] = await tx.select().from(campaigns).where(eq(campaigns.id, id));
    const merged = withPatch(before, input);
    const fields = campaignDateProblems(merged);
    if (input.parentCampaignId !== undefined) await checkParent(tx, actor, input.parentCampaignId, c.regionPath, fields, id);
    if (input.startsOn || input.endsOn) {
      // Phases, deadlines and task due dates must stay inside the campaign (as when each was saved).
      const off = (date: string) => date < merged.startsOn || date > merged.endsOn;
      const [phases, deadlines, tasks] = await Promise.all([repo.loadPhases(tx, id), repo.loadDeadlines(tx, id), repo.loadTasks(tx, id)]);
      const problems: string[] = [];
      const outside = phases.filter((p) => p.endsOn > merged.endsOn || (p.startsOn ?? p.endsOn) < merged.startsOn);
      if (outside.length) problems.push(`阶段“${outside.map((p) => p.name).join('、')}”超出新的起止日期，请先调整阶段`);
      const lateDeadlines = deadlines.filter((d) => off(d.dueOn));
      if (lateDeadlines.length) problems.push(`期限${lateDeadlines.map((d) => `“${d.description}”（${d.dueOn}）`).join('、')}超出新的起止日期，请先调整期限`);
      const lateTasks = tasks.filter((x) => x.dueOn && off(x.dueOn));
      if (lateTasks.length) problems.push(`任务${lateTasks.map((x) => `“${x.title}”（${x.dueOn}）`).join('、')}的完成期限超出新的起止日期，请先调整任务`);
      if (problems.length) fields[input.endsOn ? 'endsOn' : 'startsOn'] = problems.join('；');
    }
    fail(fields);
    const reopened = reopensByExtension(before.status as CampaignStatus, input.status, merged.endsOn, todayInChina());
    if (input.status && !reopened && !canTransition(before.status as CampaignStatus, input.status)) {
      throw invalidState(`专项行动“${CAMPAIGN_STATUS_LABELS[before.status as CampaignStatus]}”时不能改为“${CAMPAIGN_STATUS_LABELS[input.status]}”`);
    }
    const [after] = await tx
      .update(campaigns)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(campaigns.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'campaign.update', entityType: 'campaign', entityId: id, regionId: c.regionId, before, after });
    return getCampaign(tx, actor, id);
  });
}

/**
 * Creates a campaign from a ready template at a region (SPEC §4): phases, tasks, focus items with
 * their legal basis, the responsibility rules, the department split linked to the region's org
 * units (their own leaders and contacts), and deadlines. With `year`, every date moves to that
 * year (same month and day). The parent plan is linked when given, or found: the newest visible
 * campaign from the parent template at an ancestor region in the same year.
 */
export async function createFromTemplate(db: Db, actor: Actor, input: FromTemplateInput) {
  const template = findTemplate(input.templateId);
  return db.transaction(async (tx) => {
    const fields: Fields = {};
    if (!template) fields.templateId = '未知的模板';
    const region = await regionForCreate(tx, actor, input.regionCode, fields);
    if (template && region && region.level !== template.level)
      fields.regionCode = `该模板适用于${REGION_LEVEL_LABELS[template.level as RegionLevel]}级区划，所选区划为${REGION_LEVEL_LABELS[region.level as RegionLevel]}级`;
    if (region) await checkParent(tx, actor, input.parentCampaignId, region.path, fields);
    fail(fields);
    const t = template as NonNullable<typeof template>;
    const r = region as RegionRef;
    const dayShift = input.startsOn ? daysBetween(t.startsOn, input.startsOn) : 0;
    const year = input.startsOn ? Number(input.startsOn.slice(0, 4)) : (input.year ?? t.year);
    const shift = input.startsOn ? 0 : year - t.year;
    const d = (date: string) => (dayShift ? shiftDays(date, dayShift) : shiftYears(date, shift));
    const dn = (date: string | null | undefined) => (date ? shiftYears(date, shift) : null);

    let parentId = input.parentCampaignId ?? null;
    if (!parentId && t.parentTemplateId) parentId = (await repo.findParentFromTemplate(tx, actor, t.parentTemplateId, r.path, year))?.id ?? null;

    const [row] = await tx
      .insert(campaigns)
      .values({
        regionId: r.id,
        parentCampaignId: parentId,
        templateId: t.id,
        title: t.title,
        documentNumber: t.documentNumber,
        issuingUnit: t.issuingUnit,
        issuedOn: dn(t.issuedOn),
        startsOn: d(t.startsOn),
        endsOn: d(t.endsOn),
        status: input.status,
        objective: t.objective,
        monthlyReportDueDay: t.monthlyReportDueDay,
        monthlyReportRule: t.monthlyReportRule,
        dragnetDeadline: dn(t.dragnetDeadline),
        dragnetDescription: t.dragnetDescription,
        createdBy: actor.userId,
      })
      .returning();

    for (const [i, p] of t.phases.entries()) {
      const [phase] = await tx
        .insert(campaignPhases)
        .values({ campaignId: row.id, seq: i + 1, name: p.name, startsOn: dn(p.startsOn), endsOn: d(p.endsOn), description: p.description })
        .returning({ id: campaignPhases.id });
      if (p.tasks.length) {
        await tx.insert(campaignTasks).values(
          p.tasks.map((task, j) => ({
            campaignId: row.id,
            phaseId: phase.id,
            seq: j + 1,
            title: task.title,
            description: task.description,
            dueOn: dn(task.dueOn),
            responsibleDepartmentType: task.responsibleDepartmentType ?? null,
            responsibleNote: task.responsibleNote ?? null,
            targetCount: task.targetCount ?? null,
          })),
        );
      }
    }

    const keys = await provisionIdsByKeys(tx, [...new Set(t.focusItems.flatMap((f) => f.provisionKeys))]);
    if (t.focusItems.length) {
      await tx.insert(campaignFocusItems).values(
        t.focusItems.map((f) => ({
          campaignId: row.id,
          seq: f.seq,
          title: f.title,
          description: f.description,
          checklistText: f.checklistText ?? null,
          legalProvisionIds: f.provisionKeys.flatMap((k) => (keys.has(k) ? [keys.get(k) as number] : [])),
          leadDepartmentType: f.leadDepartmentType,
          coDepartmentTypes: f.coDepartmentTypes,
        })),
      );
    }
    if (t.rules.length) await tx.insert(campaignResponsibilityRules).values(ruleValues(row.id, t.rules));

    const unlinked: string[] = [];
    for (const [i, dept] of t.departments.entries()) {
      const unit = await repo.findUnitAtRegion(tx, r.id, dept.departmentType);
      if (!unit) unlinked.push(dept.unitName);
      await tx.insert(campaignUnits).values({
        campaignId: row.id,
        orgUnitId: unit?.id ?? null,
        departmentType: dept.departmentType,
        unitName: unit?.name ?? dept.unitName,
        role: dept.role,
        duties: dept.duties,
        responsibleLeader: unit?.responsibleLeader ?? null,
        contactName: unit?.contactName ?? null,
        contactPhone: unit?.contactPhone ?? null,
        sortOrder: i,
      });
    }
    if (t.deadlines.length) await tx.insert(campaignDeadlines).values(t.deadlines.map((x) => ({ campaignId: row.id, kind: x.kind, dueOn: d(x.dueOn), description: x.description })));

    await recordAudit(tx, actor, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: row.id,
      regionId: r.id,
      after: row,
      note: `由模板 ${t.id} 创建${shift ? `（日期顺延至 ${year} 年）` : ''}${unlinked.length ? `；未找到本区划对应单位：${unlinked.join('、')}` : ''}`,
    });
    return getCampaign(tx, actor, row.id);
  });
}

// ── Campaign children: the shared create / update / delete ───────────────────────────────────

type ChildTable = PgTable & { id: PgColumn; campaignId: PgColumn };
type ChildRow<T extends ChildTable> = T['$inferSelect'] & { id: string };

interface ChildSpec<T extends ChildTable, CreateIn, PatchIn extends object> {
  table: T;
  /** Audit action prefix: the rows read `<audit>.create`, `<audit>.update`, `<audit>.delete`. */
  audit: string;
  entityType: string;
  /** What the 404 names. */
  label: string;
  /** Checks a new child (422/409) and gives the row to insert. */
  insertValues(tx: Db, c: repo.CampaignRow, input: CreateIn): Promise<PgInsertValue<T>>;
  /** Checks a change to the stored child (422/409) and gives the columns to set. */
  setValues(tx: Db, c: repo.CampaignRow, before: ChildRow<T>, input: PatchIn): Promise<PgUpdateSetSource<T>>;
  /** Refuses (409) to delete a child something still depends on. */
  assertDeletable?(tx: Db, before: ChildRow<T>): Promise<void>;
}

/**
 * The write use cases of one kind of campaign child (phase, task, focus item, unit, deadline).
 * Each runs in one transaction: the campaign must be manageable by the actor (404/403), the child
 * must belong to it (404); the write touches the campaign and records its audit row. An update
 * with nothing to change answers the stored child unchanged.
 */
function childResource<T extends ChildTable, CreateIn, PatchIn extends object>(spec: ChildSpec<T, CreateIn, PatchIn>) {
  const { table, audit, entityType } = spec;

  async function find(db: Db, campaignId: string, childId: string): Promise<ChildRow<T>> {
    const rows: unknown[] = await db
      .select()
      .from(table as PgTable)
      .where(and(eq(table.id, childId), eq(table.campaignId, campaignId)));
    if (!rows.length) throw notFound(spec.label);
    return rows[0] as ChildRow<T>;
  }

  async function create(db: Db, actor: Actor, id: string, input: CreateIn): Promise<ChildRow<T>> {
    return db.transaction(async (tx) => {
      const c = await manageableCampaign(tx, actor, id);
      const values = await spec.insertValues(tx, c, input);
      const [row] = (await tx.insert(table).values(values).returning()) as ChildRow<T>[];
      await touch(tx, id);
      await recordAudit(tx, actor, { action: `${audit}.create`, entityType, entityId: row.id, regionId: c.regionId, after: row });
      return row;
    });
  }

  async function update(db: Db, actor: Actor, id: string, childId: string, input: PatchIn): Promise<ChildRow<T>> {
    return db.transaction(async (tx) => {
      const c = await manageableCampaign(tx, actor, id);
      const before = await find(tx, id, childId);
      if (isEmpty(input)) return before;
      const values = await spec.setValues(tx, c, before, input);
      const [after] = (await tx.update(table).set(values).where(eq(table.id, childId)).returning()) as ChildRow<T>[];
      await touch(tx, id);
      await recordAudit(tx, actor, { action: `${audit}.update`, entityType, entityId: childId, regionId: c.regionId, before, after });
      return after;
    });
  }

  async function remove(db: Db, actor: Actor, id: string, childId: string): Promise<void> {
    return db.transaction(async (tx) => {
      const c = await manageableCampaign(tx, actor, id);
      const before = await find(tx, id, childId);
      await spec.assertDeletable?.(tx, before);
      await tx.delete(table).where(eq(table.id, childId));
      await touch(tx, id);
      await recordAudit(tx, actor, { action: `${audit}.delete`, entityType, entityId: childId, regionId: c.regionId, before });
    });
  }

  return { find, create, update, remove };
}

/** Whether another child of the campaign already holds this value in a column that must be unique per campaign. */
async function siblingTaken<T extends ChildTable>(db: Db, table: T, campaignId: string, column: PgColumn, value: unknown, exceptId?: string) {
  const [taken] = await db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(eq(table.campaignId, campaignId), eq(column, value), exceptId ? ne(table.id, exceptId) : undefined));
  return taken !== undefined;
}

async function touch(db: Db, campaignId: string) {
  await db.update(campaigns).set({ updatedAt: new Date() }).where(eq(campaigns.id, campaignId));
}

/** The stored row with a PATCH body's present keys applied, for checks on the whole result. */
function withPatch<R extends object>(before: R, input: object): R {
  return { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
}

// ── Phases and tasks ─────────────────────────────────────────────────────────────────────────

type PhaseValues = { seq?: number; name: string; startsOn?: string | null; endsOn: string; description?: string | null };

function phaseProblems(c: repo.CampaignRow, p: PhaseValues): Fields {
  const fields: Fields = {};
  if (p.startsOn && p.endsOn < p.startsOn) fields.endsOn = '阶段结束日期不能早于开始日期';
  if (p.endsOn > c.endsOn) fields.endsOn = `阶段结束日期不能晚于专项行动结束日期（${c.endsOn}）`;
  if (p.startsOn && p.startsOn < c.startsOn) fields.startsOn = `阶段开始日期不能早于专项行动开始日期（${c.startsOn}）`;
  if (!p.startsOn && p.endsOn < c.startsOn) fields.endsOn = `阶段结束日期不能早于专项行动开始日期（${c.startsOn}）`;
  return fields;
}

async function assertPhaseSeqFree(db: Db, campaignId: string, seq: number, exceptId?: string) {
  if (await siblingTaken(db, campaignPhases, campaignId, campaignPhases.seq, seq, exceptId)) throw conflict('该序号的阶段已存在', { fields: { seq: '该序号的阶段已存在' } });
}

const phaseWrites = childResource({
  table: campaignPhases,
  audit: 'campaign.phase',
  entityType: 'campaign_phase',
  label: '阶段',
  async insertValues(tx, c, input: z.infer<typeof phaseInput>) {
    fail(phaseProblems(c, input));
    const [{ top }] = await tx.select({ top: max(campaignPhases.seq) }).from(campaignPhases).where(eq(campaignPhases.campaignId, c.id));
    const seq = input.seq ?? (top ?? 0) + 1;
    await assertPhaseSeqFree(tx, c.id, seq);
    return { campaignId: c.id, seq, name: input.name, startsOn: input.startsOn ?? null, endsOn: input.endsOn, description: input.description ?? null };
  },
  async setValues(tx, c, before, input: z.infer<typeof phasePatch>) {
    fail(phaseProblems(c, withPatch(before, input)));
    if (input.seq && input.seq !== before.seq) await assertPhaseSeqFree(tx, c.id, input.seq, before.id);
    return input;
  },
  async assertDeletable(tx, before) {
    const [task] = await tx.select({ id: campaignTasks.id }).from(campaignTasks).where(eq(campaignTasks.phaseId, before.id)).limit(1);
    if (task) throw conflict('该阶段下还有任务，请先删除或移到其他阶段');
  },
});

export const { create: addPhase, update: updatePhase, remove: deletePhase } = phaseWrites;

async function taskProblems(
  db: Db,
  c: repo.CampaignRow,
  t: { dueOn?: string | null; responsibleOrgUnitId?: string | null; responsibleDepartmentType?: string | null },
): Promise<Fields> {
  const fields: Fields = {};
  if (t.dueOn && (t.dueOn < c.startsOn || t.dueOn > c.endsOn)) fields.dueOn = `完成期限须在专项行动期间内（${c.startsOn} 至 ${c.endsOn}）`;
  if (t.responsibleOrgUnitId) {
    const [unit] = await db
      .select({ path: regions.path })
      .from(orgUnits)
      .innerJoin(regions, eq(regions.id, orgUnits.regionId))
      .where(eq(orgUnits.id, t.responsibleOrgUnitId));
    if (!unit?.path.startsWith(c.regionPath)) fields.responsibleOrgUnitId = '责任单位不存在或不在本专项行动的区划范围内';
  }
  return fields;
}

const taskWrites = childResource({
  table: campaignTasks,
  audit: 'campaign.task',
  entityType: 'campaign_task',
  label: '任务',
  async insertValues(tx, c, input: z.infer<typeof taskInput> & { phaseId: string }) {
    await phaseWrites.find(tx, c.id, input.phaseId);
    fail(await taskProblems(tx, c, input));
    const [{ top }] = await tx.select({ top: max(campaignTasks.seq) }).from(campaignTasks).where(eq(campaignTasks.phaseId, input.phaseId));
    return {
      campaignId: c.id,
      phaseId: input.phaseId,
      seq: input.seq ?? (top ?? 0) + 1,
      title: input.title,
      description: input.description ?? null,
      dueOn: input.dueOn ?? null,
      responsibleDepartmentType: input.responsibleDepartmentType ?? null,
      responsibleOrgUnitId: input.responsibleOrgUnitId ?? null,
      responsibleNote: input.responsibleNote ?? null,
      targetCount: input.targetCount ?? null,
    };
  },
  async setValues(tx, c, _before, input: z.infer<typeof taskPatch>) {
    const fields = await taskProblems(tx, c, input);
    if (input.phaseId) {
      const [phase] = await tx.select({ id: campaignPhases.id }).from(campaignPhases).where(and(eq(campaignPhases.id, input.phaseId), eq(campaignPhases.campaignId, c.id)));
      if (!phase) fields.phaseId = '阶段不属于本专项行动';
    }
    fail(fields);
    return input;
  },
  async assertDeletable(tx, before) {
    const [done] = await tx
      .select({ id: campaignTaskProgress.id })
      .from(campaignTaskProgress)
      .where(and(eq(campaignTaskProgress.taskId, before.id), eq(campaignTaskProgress.status, 'done')))
      .limit(1);
    if (done) throw conflict('该任务已有区划报送完成，不能删除');
  },
});

export function addTask(db: Db, actor: Actor, id: string, phaseId: string, input: z.infer<typeof taskInput>) {
  return taskWrites.create(db, actor, id, { ...input, phaseId });
}
export const { update: updateTask, remove: deleteTask } = taskWrites;

// ── Focus items ──────────────────────────────────────────────────────────────────────────────

async function focusItemProblems(db: Db, f: { leadDepartmentType: string; coDepartmentTypes: string[]; legalProvisionIds: number[] }): Promise<Fields> {
  const fields: Fields = {};
  if (f.coDepartmentTypes.includes(f.leadDepartmentType)) fields.coDepartmentTypes = '协办部门不能与牵头部门相同';
  else if (new Set(f.coDepartmentTypes).size !== f.coDepartmentTypes.length) fields.coDepartmentTypes = '协办部门重复';
  if (new Set(f.legalProvisionIds).size !== f.legalProvisionIds.length) fields.legalProvisionIds = '法律依据重复';
  else {
    const unknown = await unknownProvisionIds(db, f.legalProvisionIds);
    if (unknown.length) fields.legalProvisionIds = `条款不存在：${unknown.join('、')}`;
  }
  return fields;
}

async function assertFocusSeqFree(db: Db, campaignId: string, seq: number, exceptId?: string) {
  if (await siblingTaken(db, campaignFocusItems, campaignId, campaignFocusItems.seq, seq, exceptId)) throw conflict(`第 ${seq} 项整治重点已存在`, { fields: { seq: '该编号的整治重点已存在' } });
}

const focusItemWrites = childResource({
  table: campaignFocusItems,
  audit: 'campaign.focus_item',
  entityType: 'campaign_focus_item',
  label: '整治重点',
  async insertValues(tx, c, input: z.infer<typeof focusItemInput>) {
    fail(await focusItemProblems(tx, input));
    await assertFocusSeqFree(tx, c.id, input.seq);
    return { ...input, campaignId: c.id, checklistText: input.checklistText ?? null };
  },
  async setValues(tx, c, before, input: z.infer<typeof focusItemPatch>) {
    fail(await focusItemProblems(tx, withPatch(before, input)));
    if (input.seq && input.seq !== before.seq) await assertFocusSeqFree(tx, c.id, input.seq, before.id);
    return input;
  },
});

export const { create: addFocusItem, update: updateFocusItem, remove: deleteFocusItem } = focusItemWrites;

// ── Responsibility rules ─────────────────────────────────────────────────────────────────────

/** Replaces the ordered rule list; priority is the position (1 = checked first). */
export async function replaceRules(db: Db, actor: Actor, id: string, input: z.infer<typeof ruleInput>[]) {
  const rows: ResponsibilityRuleData[] = input.map((r) => ({
    conditionKind: r.conditionKind,
    category: r.category ?? null,
    subCondition: r.subCondition ?? null,
    leadDepartmentType: r.leadDepartmentType as RuleLead,
    coDepartmentTypes: r.coDepartmentTypes as DepartmentType[],
    description: r.description ?? null,
    enabled: r.enabled,
  }));
  const fields: Fields = {};
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    for (const [k, v] of Object.entries(ruleProblems(r))) fields[`rules.${i}.${k}`] = v;
    const key = ruleConditionKey(r);
    if (seen.has(key) && r.enabled) fields[`rules.${i}.conditionKind`] = `与第 ${(seen.get(key) as number) + 1} 条条件相同，这一条永远不会生效`;
    else if (r.enabled) seen.set(key, i);
  });
  fail(fields);
  return db.transaction(async (tx) => {
    const c = await manageableCampaign(tx, actor, id);
    const before = await repo.loadRules(tx, id);
    await tx.delete(campaignResponsibilityRules).where(eq(campaignResponsibilityRules.campaignId, id));
    if (rows.length) await tx.insert(campaignResponsibilityRules).values(ruleValues(id, rows));
    await touch(tx, id);
    await recordAudit(tx, actor, {
      action: 'campaign.rules.replace',
      entityType: 'campaign',
      entityId: id,
      regionId: c.regionId,
      before: before.map(({ id: _i, campaignId: _c, ...r }) => r),
      after: ruleValues(id, rows).map(({ campaignId: _c, ...r }) => r),
    });
    return repo.loadRules(tx, id);
  });
}

export type CampaignResponsibility = ResponsibilityRules & {
  /** The enabled rule rows in the order they apply, with their co-departments. */
  ordered: Omit<ResponsibilityRuleData, 'enabled'>[];
};

/**
 * The campaign's responsibility matrix in the triage engine's shape (core/triage): for each slot,
 * the first enabled rule that fills it; slots no rule fills keep the default of SPEC §5.
 * `ordered` carries the full rows (co-departments, 'none' for matters outside the campaign).
 */
export async function responsibilityRulesFor(db: Db, campaignId: string): Promise<CampaignResponsibility> {
  const rows = (await repo.loadRules(db, campaignId)).filter((r) => r.enabled);
  const d = DEFAULT_RESPONSIBILITY_RULES;
  const out: ResponsibilityRules = {
    violenceLead: d.violenceLead,
    creditRequestLead: d.creditRequestLead,
    committeeWrongdoingLead: d.committeeWrongdoingLead,
    byCategory: { ...d.byCategory },
    disclosure: { ...d.disclosure },
    other: { ...d.other },
  };
  const filled = new Set<string>();
  const fill = (slot: string, lead: string, apply: (dept: DepartmentType) => void) => {
    if (filled.has(slot) || !isDepartmentType(lead)) return;
    filled.add(slot);
    apply(lead);
  };
  for (const r of rows) {
    const lead = r.leadDepartmentType;
    if (r.conditionKind === 'violence_or_threat') fill('violence', lead, (x) => (out.violenceLead = x));
    else if (r.conditionKind === 'credit_request') fill('credit', lead, (x) => (out.creditRequestLead = x));
    else if (r.conditionKind === 'owners_committee_wrongdoing') fill('committee', lead, (x) => (out.committeeWrongdoingLead = x));
    else if (r.conditionKind === 'category' && r.category === 5) {
      if (r.subCondition !== 'other_disclosure') fill('disclosure.fee', lead, (x) => (out.disclosure.feeItems = x));
      if (r.subCondition !== 'price_disclosure') fill('disclosure.other', lead, (x) => (out.disclosure.other = x));
    } else if (r.conditionKind === 'category' && r.category !== null && [1, 2, 3, 4, 6].includes(r.category)) {
      const cat = r.category as 1 | 2 | 3 | 4 | 6;
      fill(`category.${cat}`, lead, (x) => (out.byCategory[cat] = x));
    } else if (r.conditionKind === 'other' && r.subCondition === 'service_quality') fill('other.quality', lead, (x) => (out.other.serviceQuality = x));
    else if (r.conditionKind === 'other' && r.subCondition === 'community_governance') fill('other.governance', lead, (x) => (out.other.governance = x));
  }
  return {
    ...out,
    ordered: rows.map((r) => ({
      conditionKind: r.conditionKind as ResponsibilityRuleData['conditionKind'],
      category: r.category,
      subCondition: r.subCondition as ResponsibilityRuleData['subCondition'],
      leadDepartmentType: r.leadDepartmentType as RuleLead,
      coDepartmentTypes: r.coDepartmentTypes as DepartmentType[],
      description: r.description,
    })),
  };
}

/**
 * The most specific active campaign applying to a region (created at it or at an ancestor),
 * optionally in force on a date; null when none. For complaint triage and dispatch.
 */
export async function campaignApplyingTo(db: Db, regionId: number, onDate?: string) {
  const [region] = await db.select({ path: regions.path }).from(regions).where(eq(regions.id, regionId));
  if (!region) return null;
  const [row] = await repo.campaignsApplyingTo(db, region.path, onDate).limit(1);
  return row ? { id: row.id, title: row.title, regionId: row.regionId, regionCode: row.regionCode, startsOn: row.startsOn, endsOn: row.endsOn } : null;
}

// ── Participating units ──────────────────────────────────────────────────────────────────────

async function orgUnitForCampaign(db: Db, c: repo.CampaignRow, orgUnitId: string) {
  const [unit] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, type: orgUnits.type, path: regions.path, responsibleLeader: orgUnits.responsibleLeader, contactName: orgUnits.contactName, contactPhone: orgUnits.contactPhone })
    .from(orgUnits)
    .innerJoin(regions, eq(regions.id, orgUnits.regionId))
    .where(eq(orgUnits.id, orgUnitId));
  return unit?.path.startsWith(c.regionPath) ? unit : null;
}

async function assertOrgUnitNotListed(db: Db, campaignId: string, orgUnitId: string, exceptId?: string) {
  if (await siblingTaken(db, campaignUnits, campaignId, campaignUnits.orgUnitId, orgUnitId, exceptId)) throw conflict('该单位已是参与单位', { fields: { orgUnitId: '该单位已是参与单位' } });
}

const unitWrites = childResource({
  table: campaignUnits,
  audit: 'campaign.unit',
  entityType: 'campaign_unit',
  label: '参与单位',
  async insertValues(tx, c, input: z.infer<typeof unitInput>) {
    const org = input.orgUnitId ? await orgUnitForCampaign(tx, c, input.orgUnitId) : null;
    const fields: Fields = {};
    if (input.orgUnitId && !org) fields.orgUnitId = '单位不存在或不在本专项行动的区划范围内';
    if (!input.orgUnitId && !input.unitName) fields.unitName = '请选择单位或填写单位名称';
    fail(fields);
    if (org) await assertOrgUnitNotListed(tx, c.id, org.id);
    return {
      campaignId: c.id,
      orgUnitId: org?.id ?? null,
      departmentType: input.departmentType ?? (org && isDepartmentType(org.type) ? org.type : null),
      unitName: input.unitName || (org?.name as string),
      role: input.role,
      duties: input.duties ?? null,
      responsibleLeader: input.responsibleLeader ?? org?.responsibleLeader ?? null,
      contactName: input.contactName ?? org?.contactName ?? null,
      contactPhone: input.contactPhone ?? org?.contactPhone ?? null,
      sortOrder: input.sortOrder ?? 0,
    };
  },
  async setValues(tx, c, before, input: z.infer<typeof unitPatch>) {
    if (input.orgUnitId) {
      const org = await orgUnitForCampaign(tx, c, input.orgUnitId);
      if (!org) throw validationFailed({ orgUnitId: '单位不存在或不在本专项行动的区划范围内' });
      await assertOrgUnitNotListed(tx, c.id, org.id, before.id);
    }
    if (input.unitName === null || (input.orgUnitId === null && !(input.unitName ?? before.unitName))) throw validationFailed({ unitName: '请填写单位名称' });
    const { unitName, ...rest } = input;
    return { ...rest, ...(unitName ? { unitName } : {}) };
  },
});

export const { create: addUnit, update: updateUnit, remove: deleteUnit } = unitWrites;

// ── Deadlines ────────────────────────────────────────────────────────────────────────────────

function deadlineProblems(c: repo.CampaignRow, dueOn: string | undefined): Fields {
  return dueOn && (dueOn < c.startsOn || dueOn > c.endsOn) ? { dueOn: `期限须在专项行动期间内（${c.startsOn} 至 ${c.endsOn}）` } : {};
}

const deadlineWrites = childResource({
  table: campaignDeadlines,
  audit: 'campaign.deadline',
  entityType: 'campaign_deadline',
  label: '期限',
  async insertValues(_tx, c, input: z.infer<typeof deadlineInput>) {
    fail(deadlineProblems(c, input.dueOn));
    return { ...input, campaignId: c.id };
  },
  async setValues(_tx, c, _before, input: z.infer<typeof deadlinePatch>) {
    fail(deadlineProblems(c, input.dueOn));
    return input;
  },
});

export const { create: addDeadline, update: updateDeadline, remove: deleteDeadline } = deadlineWrites;
// ── Task progress per region ─────────────────────────────────────────────────────────────────

/**
 * Records a region's completion of a task. The campaign must be visible (a district records its
 * progress on the city's tasks), the region inside the actor's subtree and the campaign's.
 */
export async function setTaskProgress(db: Db, actor: Actor, id: string, taskId: string, regionCode: string, input: ProgressInput) {
  return db.transaction(async (tx) => {
    const c = await visibleCampaign(tx, actor, id);
    const task = await taskWrites.find(tx, id, taskId);
    const region = await regionInScope(tx, actor, regionCode);
    if (!region.path.startsWith(c.regionPath)) throw validationFailed({ regionCode: '该区划不在本专项行动的适用范围内' });
    if (c.status === 'draft') throw invalidState('专项行动尚未启动，不能报送任务进度');
    const today = todayInChina();
    const fields: Fields = {};
    const doneOn = input.status === 'done' ? (input.doneOn ?? today) : null;
    if (doneOn && doneOn > today) fields.doneOn = '完成日期不能晚于今天';
    if (input.status === 'done' && task.targetCount && (input.quantity ?? 0) < task.targetCount)
      fields.quantity = `该任务要求至少完成 ${task.targetCount} 件，请填写完成数量`;
    fail(fields);
    const [before] = await tx
      .select()
      .from(campaignTaskProgress)
      .where(and(eq(campaignTaskProgress.taskId, taskId), eq(campaignTaskProgress.regionId, region.id)));
    const values = { status: input.status, doneOn, quantity: input.quantity ?? null, note: input.note ?? null, updatedBy: actor.userId, updatedAt: new Date() };
    const [after] = await tx
      .insert(campaignTaskProgress)
      .values({ taskId, regionId: region.id, ...values })
      .onConflictDoUpdate({ target: [campaignTaskProgress.taskId, campaignTaskProgress.regionId], set: values })
      .returning();
    await recordAudit(tx, actor, {
      action: 'campaign.task_progress.update',
      entityType: 'campaign_task',
      entityId: taskId,
      regionId: region.id,
      before: before ?? null,
      after,
      note: `${region.name}：${task.title}`,
    });
    return {
      taskId,
      regionCode: region.code,
      regionName: region.name,
      status: after.status,
      doneOn: after.doneOn,
      quantity: after.quantity,
      note: after.note,
      updatedAt: after.updatedAt,
    };
  });
}

/** Completion of every task by region: the campaign's region and its direct children, in the actor's subtree. */
export async function progressSummary(db: Db, actor: Actor, id: string) {
  const c = await visibleCampaign(db, actor, id);
  const [phases, tasks, baseRegions] = await Promise.all([repo.loadPhases(db, id), repo.loadTasks(db, id), repo.reportingRegions(db, actor, c.regionId)]);
  const progress = await repo.loadProgress(db, actor, tasks.map((t) => t.id));
  const regionsByCode = new Map(baseRegions.map((r) => [r.code, { code: r.code, name: r.name, level: r.level, path: r.path }]));
  for (const p of progress) {
    if (p.regionPath.startsWith(c.regionPath) && !regionsByCode.has(p.regionCode))
      regionsByCode.set(p.regionCode, { code: p.regionCode, name: p.regionName, level: p.regionLevel, path: p.regionPath });
  }
  const regionList = [...regionsByCode.values()].sort((a, b) => a.path.localeCompare(b.path));
  const phaseById = new Map(phases.map((p) => [p.id, p]));
  const today = todayInChina();
  const ordered = [...tasks].sort((a, b) => (phaseById.get(a.phaseId)?.seq ?? 0) - (phaseById.get(b.phaseId)?.seq ?? 0) || a.seq - b.seq);
  const taskRows = ordered.map((t) => {
    const phase = phaseById.get(t.phaseId);
    const dueOn = t.dueOn ?? (phase?.endsOn as string);
    const cells = regionList.map((r) => {
      const p = progress.find((x) => x.taskId === t.id && x.regionCode === r.code);
      const status = p?.status ?? 'pending';
      return {
        regionCode: r.code,
        status,
        doneOn: p?.doneOn ?? null,
        quantity: p?.quantity ?? null,
        note: p?.note ?? null,
        overdue: status !== 'done' && dueOn < today,
        updatedAt: p?.updatedAt ?? null,
      };
    });
    return {
      taskId: t.id,
      phaseName: phase?.name ?? '',
      title: t.title,
      dueOn,
      targetCount: t.targetCount,
      done: cells.filter((x) => x.status === 'done').length,
      total: cells.length,
      cells,
    };
  });
  return {
    campaignId: id,
    today,
    regions: regionList.map((r) => {
      const done = taskRows.filter((t) => t.cells.find((x) => x.regionCode === r.code)?.status === 'done').length;
      const total = taskRows.length;
      return { code: r.code, name: r.name, level: r.level, done, total, percent: total ? Math.round((done / total) * 100) : 0 };
    }),
    tasks: taskRows,
  };
}


/**
 * Daily job (campaigns.close-ended): active campaigns whose end date has passed are closed, one
 * transaction and audit row each. A campaign whose dates were extended is not touched.
 */
export async function closeEndedCampaigns(db: Db, today = todayInChina()): Promise<number> {
  const ended = await db
    .select({ id: campaigns.id, regionId: campaigns.regionId, endsOn: campaigns.endsOn })
    .from(campaigns)
    .where(and(eq(campaigns.status, 'active'), lt(campaigns.endsOn, today)));
  const actor = systemActor('campaigns.close-ended', '/', ['campaign:manage']);
  let closed = 0;
  for (const c of ended) {
    await db.transaction(async (tx) => {
      const [after] = await tx
        .update(campaigns)
        .set({ status: 'closed', updatedAt: new Date() })
        .where(and(eq(campaigns.id, c.id), eq(campaigns.status, 'active'), lt(campaigns.endsOn, today)))
        .returning({ id: campaigns.id });
      if (!after) return;
      await recordAudit(tx, actor, {
        action: 'campaign.close',
        entityType: 'campaign',
        entityId: c.id,
        regionId: c.regionId,
        before: { status: 'active', endsOn: c.endsOn },
        after: { status: 'closed', reason: '已过结束日期，系统自动结束' },
      });
      closed++;
    });
  }
  return closed;
}
