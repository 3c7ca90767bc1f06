import { and, eq, sql } from 'drizzle-orm';
import {
  SELF_INSPECTION_STATUS_LABELS,
  type SelfInspectionAction,
  type SelfInspectionStatus,
  allowedSelfInspectionActions,
  dueFlags,
  nextSelfInspectionStatus,
  normaliseProblemText,
} from '../../../core/obligations/index.js';
import { type Db, escapeLike } from '../../db/client.js';
import { campaignFocusItems, campaigns, projects, regions, selfInspectionItems, selfInspectionVersions, selfInspections } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { can, isEnterpriseUser } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { forbidden, invalidState, notFound, validationFailed } from '../../http/errors.js';
import { regionFilterPath } from '../../http/scope.js';
import { todayInChina } from '../campaigns/campaigns.service.js';
import { publishMessage } from '../messages/publish.js';
import { crossCheck } from './self-inspections.crosscheck.js';
import * as repo from './self-inspections.repository.js';
import type { Detail, ListQuery, SaveInput } from './self-inspections.schemas.js';

/*
 * 附件1 self-inspection (SPEC §7). The company (self_inspection:file, own company only, else 404)
 * fills, confirms (named and timestamped: the electronic seal) and files; the district housing
 * department (self_inspection:decide) accepts or returns. Each step: the state machine in
 * core/obligations, one transaction, an audit row, a message.
 */

export function sideOf(actor: Actor): 'company' | 'district' | 'none' {
  if (isEnterpriseUser(actor)) return 'company';
  if (can(actor, 'self_inspection:decide') && (actor.roles.includes('coordinator') || actor.orgUnitType === 'housing')) return 'district';
  return 'none';
}

export function assertTransition(status: string, action: SelfInspectionAction): SelfInspectionStatus {
  const next = nextSelfInspectionStatus(status as SelfInspectionStatus, action);
  if (!next) throw invalidState(`自查表当前状态为“${SELF_INSPECTION_STATUS_LABELS[status as SelfInspectionStatus] ?? status}”，不能执行此操作`, { status });
  return next;
}

/** The campaign's focus items (the form's rows), in order. */
export function focusItems(db: Db, campaignId: string) {
  return db
    .select({ id: campaignFocusItems.id, seq: campaignFocusItems.seq, title: campaignFocusItems.title, description: campaignFocusItems.description, checklistText: campaignFocusItems.checklistText })
    .from(campaignFocusItems)
    .where(eq(campaignFocusItems.campaignId, campaignId))
    .orderBy(campaignFocusItems.seq);
}

/** Creates the form, or replaces the content of one not yet filed (a returned one is corrected this way). */
export async function saveSelfInspection(db: Db, actor: Actor, input: SaveInput): Promise<{ id: string; status: SelfInspectionStatus }> {
  if (!isEnterpriseUser(actor)) throw forbidden('自查表由物业服务企业填报');
  return db.transaction(async (tx) => {
    const [project] = await tx
      .select({ id: projects.id, name: projects.name, regionId: projects.regionId, enterpriseId: projects.enterpriseId, path: regions.path })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.regionId))
      .where(eq(projects.id, input.projectId));
    if (!project || project.enterpriseId !== actor.enterpriseId) throw notFound('物业项目');
    const [campaign] = await tx
      .select({ id: campaigns.id, status: campaigns.status, path: regions.path })
      .from(campaigns)
      .innerJoin(regions, eq(regions.id, campaigns.regionId))
      .where(eq(campaigns.id, input.campaignId));
    if (!campaign || !project.path.startsWith(campaign.path)) throw notFound('专项行动');
    if (campaign.status === 'closed') throw invalidState('专项行动已结束，不能再填报自查表');

    const focus = await focusItems(tx, campaign.id);
    const rows = checkItems(focus, input.items, todayInChina());
    const reportDate = input.reportDate ?? todayInChina();

    const [existing] = await tx
      .select({ id: selfInspections.id, status: selfInspections.status })
      .from(selfInspections)
      .where(and(eq(selfInspections.campaignId, campaign.id), eq(selfInspections.projectId, project.id)))
      .for('update');
    let id: string;
    if (existing) {
      assertTransition(existing.status, 'edit');
      id = existing.id;
      await tx
        .update(selfInspections)
        .set({ status: 'draft', reportDate, confirmedBy: null, confirmedByName: null, confirmedAt: null, updatedAt: new Date() })
        .where(eq(selfInspections.id, id));
      await tx.delete(selfInspectionItems).where(eq(selfInspectionItems.selfInspectionId, id));
    } else {
      const [row] = await tx
        .insert(selfInspections)
        .values({ campaignId: campaign.id, projectId: project.id, enterpriseId: actor.enterpriseId as string, regionId: project.regionId, reportDate, createdBy: actor.userId })
        .returning({ id: selfInspections.id });
      if (!row) throw new Error('self-inspection insert returned nothing');
      id = row.id;
    }
    await tx.insert(selfInspectionItems).values(rows.map((r) => ({ ...r, selfInspectionId: id })));
    await recordAudit(tx, actor, {
      action: existing ? 'self_inspection.update' : 'self_inspection.create',
      entityType: 'self_inspection',
      entityId: id,
      regionId: project.regionId,
      after: { reportDate, problems: rows.filter((r) => r.problem).length },
    });
    return { id, status: 'draft' as const };
  });
}

/** Every focus item exactly once; a declared problem needs its responsible person, contact and a deadline not in the past. */
export function checkItems(
  focus: readonly { id: string; seq: number }[],
  items: SaveInput['items'],
  today: string,
): { focusItemId: string; seq: number; problem: string | null; responsiblePerson: string | null; contact: string | null; deadline: string | null }[] {
  const fields: Record<string, string> = {};
  const bySeq = new Map(focus.map((f) => [f.id, f.seq]));
  const seen = new Set<string>();
  const out = [];
  for (const [i, item] of items.entries()) {
    const seq = bySeq.get(item.focusItemId);
    if (seq === undefined) {
      fields[`items.${i}.focusItemId`] = '不是本专项行动的整改重点';
      continue;
    }
    if (seen.has(item.focusItemId)) fields[`items.${i}.focusItemId`] = `第 ${seq} 项重复填报`;
    seen.add(item.focusItemId);
    const problem = normaliseProblemText(item.problem);
    const person = item.responsiblePerson?.trim() || null;
    const contact = item.contact?.trim() || null;
    const deadline = item.deadline ?? null;
    if (problem) {
      if (!person) fields[`items.${i}.responsiblePerson`] = `第 ${seq} 项填报了问题，请填写整改责任人`;
      if (!contact) fields[`items.${i}.contact`] = `第 ${seq} 项填报了问题，请填写责任人联系方式`;
      if (!deadline) fields[`items.${i}.deadline`] = `第 ${seq} 项填报了问题，请填写整改完成期限`;
      else if (deadline < today) fields[`items.${i}.deadline`] = `第 ${seq} 项整改完成期限不能早于今天`;
    }
    out.push({ focusItemId: item.focusItemId, seq, problem, responsiblePerson: problem ? person : null, contact: problem ? contact : null, deadline: problem ? deadline : null });
  }
  const missing = focus.filter((f) => !seen.has(f.id)).map((f) => f.seq);
  if (missing.length) fields.items = `请逐项填写全部整改重点，缺第 ${missing.join('、')} 项（没有问题填“无”）`;
  if (Object.keys(fields).length) throw validationFailed(fields, '自查表填写有误，请按提示修改');
  return out;
}

async function companyForm(tx: Db, actor: Actor, id: string) {
  if (!isEnterpriseUser(actor)) throw forbidden('此操作由物业服务企业完成');
  const form = await repo.findForm(tx, actor, id);
  if (!form) throw notFound('自查表');
  const locked = await repo.lockForm(tx, id);
  if (!locked) throw notFound('自查表');
  return { form, locked };
}

export async function confirmSelfInspection(db: Db, actor: Actor, id: string): Promise<Detail> {
  await db.transaction(async (tx) => {
    const { form, locked } = await companyForm(tx, actor, id);
    const to = assertTransition(locked.status, 'confirm');
    await tx.update(selfInspections).set({ status: to, confirmedBy: actor.userId, confirmedByName: actor.displayName, confirmedAt: new Date(), updatedAt: new Date() }).where(eq(selfInspections.id, id));
    await recordAudit(tx, actor, { action: 'self_inspection.confirm', entityType: 'self_inspection', entityId: id, regionId: form.regionId, before: { status: locked.status }, after: { status: to } });
  });
  return getSelfInspection(db, actor, id);
}

export async function fileSelfInspection(db: Db, actor: Actor, id: string): Promise<Detail> {
  await db.transaction(async (tx) => {
    const { form, locked } = await companyForm(tx, actor, id);
    const to = assertTransition(locked.status, 'file');
    const version = locked.version + 1;
    const items = await repo.loadItems(tx, id);
    const [confirmation] = await tx.select({ name: selfInspections.confirmedByName }).from(selfInspections).where(eq(selfInspections.id, id));
    await tx.insert(selfInspectionVersions).values({
      selfInspectionId: id,
      version,
      reportDate: form.reportDate,
      items: items.map((i) => ({ focusItemId: i.focusItemId, seq: i.seq, problem: i.problem, responsiblePerson: i.responsiblePerson, contact: i.contact, deadline: i.deadline })),
      confirmedByName: confirmation?.name ?? actor.displayName,
      filedBy: actor.userId,
    });
    await tx.update(selfInspections).set({ status: to, version, filedAt: new Date(), returnReason: null, updatedAt: new Date() }).where(eq(selfInspections.id, id));
    await recordAudit(tx, actor, { action: 'self_inspection.file', entityType: 'self_inspection', entityId: id, regionId: form.regionId, before: { status: locked.status }, after: { status: to, version } });
    const unit = await repo.housingUnitFor(tx, form.regionPath);
    if (unit) {
      await publishMessage(tx, {
        kind: 'self_inspection.filed',
        recipients: [{ type: 'unit', orgUnitId: unit, permission: 'self_inspection:decide' }],
        record: { type: 'self_inspection', id },
        link: `/self-inspections/${id}`,
        vars: { project: form.projectName, enterprise: form.enterpriseName, version },
        actorUserId: actor.userId,
        occurrence: String(version),
      });
    }
  });
  return getSelfInspection(db, actor, id);
}

export async function getSelfInspection(db: Db, actor: Actor, id: string): Promise<Detail> {
  const form = await repo.findForm(db, actor, id);
  if (!form) throw notFound('自查表');
  const [items, versions] = await Promise.all([repo.loadItems(db, id), repo.loadVersions(db, id)]);
  const side = sideOf(actor);
  // Flags are for the district's unannounced inspection: never shown to the company.
  const flags = side === 'company' ? [] : await crossCheck(db, form, items);
  const status = form.status as SelfInspectionStatus;
  return {
    ...presentSummary(form),
    campaignTitle: form.campaignTitle,
    confirmedByName: form.confirmedByName,
    confirmedAt: form.confirmedAt,
    decidedByName: form.decidedByName,
    decidedAt: form.decidedAt,
    returnReason: form.returnReason,
    items: items.map((i) => ({
      focusItemId: i.focusItemId,
      seq: i.seq,
      title: i.title,
      text: i.checklistText ?? i.description,
      problem: i.problem,
      responsiblePerson: i.responsiblePerson,
      contact: i.contact,
      deadline: i.deadline,
      problemId: i.problemId,
    })),
    flags,
    versions,
    allowedActions: allowedSelfInspectionActions(status, side),
  };
}

/** Explicit allowlist of a form's list fields. */
export function presentSummary(r: repo.FormRow) {
  const status = r.status as SelfInspectionStatus;
  return {
    id: r.id,
    campaignId: r.campaignId,
    projectId: r.projectId,
    projectName: r.projectName,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    status,
    statusLabel: SELF_INSPECTION_STATUS_LABELS[status],
    reportDate: r.reportDate,
    version: r.version,
    filedAt: r.filedAt,
    updatedAt: r.updatedAt,
  };
}

export async function listSelfInspections(db: Db, actor: Actor, q: ListQuery) {
  const withinPath = await regionFilterPath(db, q.region);
  const { rows, total } = await repo.listForms(db, actor, { ...q, withinPath }, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map(presentSummary), total, page: q.page, pageSize: q.pageSize };
}

/** Completion by region: projects expected (in scope, with a company), filed, accepted, returned, and who has not filed. */
export async function completion(db: Db, actor: Actor, q: { campaignId: string; region?: string }) {
  if (isEnterpriseUser(actor)) throw forbidden();
  const [campaign] = await db
    .select({ id: campaigns.id, path: regions.path })
    .from(campaigns)
    .innerJoin(regions, eq(regions.id, campaigns.regionId))
    .where(and(eq(campaigns.id, q.campaignId), sql`(${regions.path} LIKE ${`${escapeLike(actor.regionPath)}%`} OR ${actor.regionPath} LIKE ${regions.path} || '%')`));
  if (!campaign) throw notFound('专项行动');
  const withinPath = await regionFilterPath(db, q.region);
  const expected = await repo.expectedProjects(db, actor, campaign.path, withinPath);
  const statuses = new Map((await repo.formStatuses(db, campaign.id, expected.map((p) => p.projectId))).map((s) => [s.projectId, s.status]));
  let filed = 0;
  let accepted = 0;
  let returned = 0;
  const notFiled = [];
  for (const p of expected) {
    const status = statuses.get(p.projectId) ?? null;
    if (status === 'filed' || status === 'accepted') filed++;
    if (status === 'accepted') accepted++;
    if (status === 'returned') returned++;
    if (status !== 'filed' && status !== 'accepted') notFiled.push({ ...p, status });
  }
  const dueOn = await repo.filingDueOn(db, campaign.id);
  return { expected: expected.length, filed, accepted, returned, notFiled, dueOn, ...dueFlags(dueOn, todayInChina()) };
}
