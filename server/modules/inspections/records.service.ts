import { and, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { FINDING_RESULT_LABELS, type FindingResult, INSPECTION_MODE_LABELS, type InspectionMode } from '../../../core/inspections/labels.js';
import { DEFAULT_REPEAT_WINDOW, REPEAT_WINDOW_LABELS, type RepeatWindow, windowRange, withinWindow } from '../../../core/inspections/window.js';
import { addCalendarDays } from '../../../core/working-days.js';
import type { Db } from '../../db/client.js';
import { campaignFocusItems, enterprises, files, inspectionDraws, inspectionFindings, inspectionPlans, inspections, problems, projects, regions, users } from '../../db/schema/index.js';
import { type Actor, can, isEnterpriseUser } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, forbidden, notFound, validationFailed } from '../../http/errors.js';
import { limitOffset } from '../../http/pagination.js';
import { regionFilterPath, regionScope } from '../../http/scope.js';
import { todayInChina } from '../campaigns/campaigns.service.js';
import { publishMessage } from '../messages/publish.js';
import { openProblem } from '../problems/problems.open.js';
import type { createInspectionInput, findingInput, listInspectionsQuery } from './inspections.schemas.js';
import { planRefVisible, planVisibility, recordVisibility } from './inspections.policy.js';
import { uncertified } from './inspectors.service.js';

/*
 * 检查记录: one visit, its findings per checklist item per project. A problem finding opens a ledger
 * problem (source `inspection`, category = the focus item's number) in the same transaction.
 * Burden control: a separate (non-covert) visit to the same company within the window of another
 * needs `repeatReason` (409 REPEAT_VISIT otherwise). Covert visits are neither counted nor refused:
 * the company does not know of them, and telling other staff they exist would leak them.
 */

const visible = (actor: Actor) => recordVisibility(actor, inspections);

export async function createInspection(db: Db, actor: Actor, input: z.infer<typeof createInspectionInput>) {
  if (isEnterpriseUser(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    if (input.clientKey && actor.userId) {
      // The phone sent this draft before (a lost answer, a retry): the record already exists.
      const [done] = await tx.select({ id: inspections.id }).from(inspections).where(and(eq(inspections.createdBy, actor.userId), eq(inspections.clientKey, input.clientKey)));
      if (done) return { id: done.id, duplicate: true };
    }
    const today = todayInChina();
    const fields: Record<string, string> = {};
    if (input.date > today) fields.date = '检查日期不能晚于今天';
    const [ent] = await tx.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(eq(enterprises.id, input.enterpriseId));
    if (!ent) throw notFound('物业服务企业');
    const projectIds = [...new Set(input.projectIds)];
    const ps = await tx
      .select({ id: projects.id, regionId: projects.regionId, enterpriseId: projects.enterpriseId })
      .from(projects)
      .where(and(inArray(projects.id, projectIds), regionScope(actor, projects.regionId)));
    if (ps.length !== projectIds.length) throw notFound('物业项目');
    if (ps.some((p) => p.enterpriseId !== ent.id)) fields.projectIds = '检查的项目应由该企业提供物业服务';
    const inspectorIds = [...new Set(input.inspectorIds ?? [])];
    if ((await uncertified(tx, actor, inspectorIds, input.date)).length) fields.inspectorIds = '检查人员应持有检查当日有效的执法证';
    let window: RepeatWindow = DEFAULT_REPEAT_WINDOW;
    let planMode: string | null = null;
    if (input.planId) {
      const [plan] = await tx.select({ id: inspectionPlans.id, repeatWindow: inspectionPlans.repeatWindow, mode: inspectionPlans.mode, title: inspectionPlans.title }).from(inspectionPlans).where(and(eq(inspectionPlans.id, input.planId), planVisibility(actor)));
      if (!plan) throw notFound('检查计划');
      window = plan.repeatWindow as RepeatWindow;
      planMode = plan.mode;
    }
    if (input.drawId) {
      const [draw] = await tx
        .select({ id: inspectionDraws.id, result: inspectionDraws.result })
        .from(inspectionDraws)
        .where(and(eq(inspectionDraws.id, input.drawId), regionScope(actor, inspectionDraws.regionId), planRefVisible(actor, inspectionDraws.planId)));
      if (!draw) throw notFound('抽查批次');
      const drawn = new Set((draw.result as Array<{ projectId: string }>).map((t) => t.projectId));
      if (projectIds.some((p) => !drawn.has(p))) fields.drawId = '检查的项目不在该抽查批次的抽中名单中';
    }
    if (Object.keys(fields).length) throw validationFailed(fields);
    const mode = planMode === 'covert' ? 'covert' : input.mode;

    if (mode !== 'covert' && !input.repeatReason) {
      const range = windowRange(window, input.date);
      const others = await tx
        .select({ id: inspections.id, date: inspections.date })
        .from(inspections)
        .where(and(eq(inspections.enterpriseId, ent.id), gte(inspections.date, range.from), lte(inspections.date, range.to), ne(inspections.mode, 'covert')));
      const clash = others.filter((o) => withinWindow(window, o.date, input.date));
      if (clash.length)
        throw new AppError('REPEAT_VISIT', 409, `该企业在${REPEAT_WINDOW_LABELS[window]}内已被检查 ${clash.length} 次，另行检查须填写重复检查理由（建议改为联合检查）`, {
          fields: { repeatReason: '请填写重复检查理由' },
          visits: clash.map((c) => ({ id: c.id, date: c.date })),
        });
    }

    const [row] = await tx
      .insert(inspections)
      .values({
        regionId: (ps[0] as { regionId: number }).regionId,
        enterpriseId: ent.id,
        projectIds,
        planId: input.planId ?? null,
        drawId: input.drawId ?? null,
        date: input.date,
        mode,
        peopleDispatched: input.peopleDispatched,
        inspectorIds,
        departments: [...new Set(input.departments ?? [])],
        companyPresent: input.companyPresent || null,
        repeatReason: input.repeatReason || null,
        clientKey: input.clientKey ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: inspections.id, regionId: inspections.regionId });
    if (!row) throw new Error('inspection insert returned nothing');
    await recordAudit(tx, actor, { action: 'inspection.create', entityType: 'inspection', entityId: row.id, regionId: row.regionId, after: { ...input, findings: undefined, mode } });
    for (const userId of inspectorIds) {
      await publishMessage(tx, {
        kind: 'inspection.assigned',
        recipients: [{ type: 'user', userId }],
        record: { type: 'inspection', id: row.id },
        link: `/inspections/records/${row.id}`,
        vars: { title: `${ent.name} 检查`, date: input.date },
        actorUserId: actor.userId,
      });
    }
    if (input.findings?.length) await addFindingsTx(tx, actor, row.id, input.findings);
    return { id: row.id, duplicate: false };
  });
}

type Finding = z.infer<typeof findingInput>;

/** Records findings on a visible record (its creator, its inspectors, or a manager in scope). */
export async function addFindings(db: Db, actor: Actor, id: string, findings: Finding[]) {
  return db.transaction((tx) => addFindingsTx(tx, actor, id, findings));
}

async function addFindingsTx(tx: Db, actor: Actor, id: string, findings: Finding[]) {
  const [rec] = await tx.select().from(inspections).where(and(eq(inspections.id, id), visible(actor))).for('update');
  if (!rec || isEnterpriseUser(actor)) throw notFound('检查记录');
  const own = rec.createdBy === actor.userId || (actor.userId !== null && rec.inspectorIds.includes(actor.userId));
  if (!own && !can(actor, 'inspection:manage')) throw forbidden('只有本次检查的人员可以填写检查结果');
  const fields: Record<string, string> = {};
  const focusIds = [...new Set(findings.map((f) => f.focusItemId))];
  const focus = await tx.select({ id: campaignFocusItems.id, seq: campaignFocusItems.seq, title: campaignFocusItems.title }).from(campaignFocusItems).where(inArray(campaignFocusItems.id, focusIds));
  const focusMap = new Map(focus.map((f) => [f.id, f]));
  const ps = await tx.select({ id: projects.id, name: projects.name, regionId: projects.regionId }).from(projects).where(inArray(projects.id, rec.projectIds));
  const projectMap = new Map(ps.map((p) => [p.id, p]));
  const existing = await tx.select({ focusItemId: inspectionFindings.focusItemId, projectId: inspectionFindings.projectId }).from(inspectionFindings).where(eq(inspectionFindings.inspectionId, id));
  const seen = new Set(existing.map((e) => `${e.focusItemId}/${e.projectId}`));
  const photoIds = [...new Set(findings.flatMap((f) => f.photoIds ?? []))];
  const photos = photoIds.length ? await tx.select({ id: files.id, uploadedBy: files.uploadedBy, entityType: files.entityType, entityId: files.entityId, mime: files.mime }).from(files).where(inArray(files.id, photoIds)) : [];
  const okPhoto = new Set(photos.filter((p) => p.entityType === 'inspection_photo' && (p.entityId === null || p.entityId === id) && p.mime.startsWith('image/')).map((p) => p.id));
  const today = todayInChina();
  findings.forEach((f, i) => {
    if (!focusMap.has(f.focusItemId)) fields[`findings.${i}.focusItemId`] = '检查事项不存在';
    if (!projectMap.has(f.projectId)) fields[`findings.${i}.projectId`] = '该项目不在本次检查范围内';
    if (f.result === 'problem' && !f.description) fields[`findings.${i}.description`] = '存在问题时请填写问题描述';
    if (f.deadline && f.deadline < today) fields[`findings.${i}.deadline`] = '整改期限不能早于今天';
    if ((f.photoIds ?? []).some((p) => !okPhoto.has(p))) fields[`findings.${i}.photoIds`] = '照片不存在或不是本次检查上传的照片';
    const key = `${f.focusItemId}/${f.projectId}`;
    if (seen.has(key)) fields[`findings.${i}.focusItemId`] = '该项目的此检查事项已填写结果';
    seen.add(key);
  });
  if (Object.keys(fields).length) throw validationFailed(fields);

  const out: Array<{ id: string; focusItemId: string; projectId: string; result: string; problemId: string | null; problemCode: string | null }> = [];
  for (const f of findings) {
    const [row] = await tx
      .insert(inspectionFindings)
      .values({ inspectionId: id, focusItemId: f.focusItemId, projectId: f.projectId, result: f.result, description: f.description || null, photoIds: f.photoIds ?? [], createdBy: actor.userId })
      .returning({ id: inspectionFindings.id });
    if (!row) throw new Error('finding insert returned nothing');
    let problem: { id: string; code: string } | null = null;
    if (f.result === 'problem') {
      const item = focusMap.get(f.focusItemId) as { seq: number; title: string };
      const project = projectMap.get(f.projectId) as { regionId: number; name: string };
      problem = await openProblem(tx, actor, {
        source: 'inspection',
        sourceId: row.id,
        regionId: project.regionId,
        projectId: f.projectId,
        enterpriseId: rec.enterpriseId,
        category: item.seq >= 0 && item.seq <= 6 ? item.seq : 0,
        title: `执法检查发现：${item.title}`.slice(0, 200),
        description: f.description as string,
        deadline: f.deadline ?? addCalendarDays(today, 30),
        openedOn: rec.date,
      });
      await tx.update(inspectionFindings).set({ problemId: problem.id }).where(eq(inspectionFindings.id, row.id));
    }
    out.push({ id: row.id, focusItemId: f.focusItemId, projectId: f.projectId, result: f.result, problemId: problem?.id ?? null, problemCode: problem?.code ?? null });
  }
  if (photoIds.length) await tx.update(files).set({ entityId: id }).where(inArray(files.id, photoIds));
  await recordAudit(tx, actor, { action: 'inspection.findings', entityType: 'inspection', entityId: id, regionId: rec.regionId, after: { findings: out } });
  return { findings: out };
}

export async function getInspection(db: Db, actor: Actor, id: string) {
  const [rec] = await db
    .select({
      id: inspections.id,
      regionId: inspections.regionId,
      regionName: regions.name,
      enterpriseId: inspections.enterpriseId,
      enterpriseName: enterprises.name,
      projectIds: inspections.projectIds,
      planId: inspections.planId,
      drawId: inspections.drawId,
      date: inspections.date,
      mode: inspections.mode,
      peopleDispatched: inspections.peopleDispatched,
      inspectorIds: inspections.inspectorIds,
      departments: inspections.departments,
      signedDepartments: inspections.signedDepartments,
      companyPresent: inspections.companyPresent,
      repeatReason: inspections.repeatReason,
      createdAt: inspections.createdAt,
    })
    .from(inspections)
    .innerJoin(regions, eq(regions.id, inspections.regionId))
    .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
    .where(and(eq(inspections.id, id), visible(actor)));
  if (!rec) throw notFound('检查记录');
  const ps = await db.select({ id: projects.id, name: projects.name, address: projects.address }).from(projects).where(inArray(projects.id, rec.projectIds));
  const inspectors = rec.inspectorIds.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, rec.inspectorIds)) : [];
  const findings = await db
    .select({
      id: inspectionFindings.id,
      focusItemId: inspectionFindings.focusItemId,
      focusTitle: campaignFocusItems.title,
      category: campaignFocusItems.seq,
      projectId: inspectionFindings.projectId,
      result: inspectionFindings.result,
      description: inspectionFindings.description,
      photoIds: inspectionFindings.photoIds,
      problemId: inspectionFindings.problemId,
      problemCode: problems.code,
    })
    .from(inspectionFindings)
    .innerJoin(campaignFocusItems, eq(campaignFocusItems.id, inspectionFindings.focusItemId))
    .leftJoin(problems, eq(problems.id, inspectionFindings.problemId))
    .where(eq(inspectionFindings.inspectionId, id))
    .orderBy(campaignFocusItems.seq);
  const company = isEnterpriseUser(actor);
  return {
    ...rec,
    // The company sees who inspected it only by name, never the repeat reason (an internal note).
    repeatReason: company ? null : rec.repeatReason,
    modeLabel: INSPECTION_MODE_LABELS[rec.mode as InspectionMode] ?? rec.mode,
    projects: ps,
    inspectors,
    findings: findings.map((f) => ({ ...f, resultLabel: FINDING_RESULT_LABELS[f.result as FindingResult] ?? f.result })),
  };
}

export async function listInspections(db: Db, actor: Actor, q: z.infer<typeof listInspectionsQuery>) {
  const where = and(
    visible(actor),
    isEnterpriseUser(actor) ? undefined : regionScope(actor, inspections.regionId, await regionFilterPath(db, q.region)),
    q.from ? gte(inspections.date, q.from) : undefined,
    q.to ? lte(inspections.date, q.to) : undefined,
    q.enterpriseId ? eq(inspections.enterpriseId, q.enterpriseId) : undefined,
    q.planId ? eq(inspections.planId, q.planId) : undefined,
    q.mine && actor.userId ? sql`(${inspections.createdBy} = ${actor.userId} OR ${inspections.inspectorIds} @> ARRAY[${actor.userId}]::uuid[])` : undefined,
  );
  const { limit, offset } = limitOffset(q);
  const rows = await db
    .select({
      id: inspections.id,
      date: inspections.date,
      mode: inspections.mode,
      regionName: regions.name,
      enterpriseId: inspections.enterpriseId,
      enterpriseName: enterprises.name,
      projectCount: sql<number>`cardinality(${inspections.projectIds})`,
      peopleDispatched: inspections.peopleDispatched,
      planId: inspections.planId,
      problemCount: sql<number>`(SELECT count(*)::int FROM inspection_findings f WHERE f.inspection_id = ${inspections.id} AND f.result = 'problem')`,
    })
    .from(inspections)
    .innerJoin(regions, eq(regions.id, inspections.regionId))
    .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
    .where(where)
    .orderBy(desc(inspections.date), desc(inspections.createdAt))
    .limit(limit)
    .offset(offset);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(inspections).where(where);
  return { items: rows.map((r) => ({ ...r, modeLabel: INSPECTION_MODE_LABELS[r.mode as InspectionMode] ?? r.mode })), total: c?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Burden control on the planning page: the company's visible visits in the window around `date`. */
export async function visitsOf(db: Db, actor: Actor, enterpriseId: string, date = todayInChina()) {
  if (isEnterpriseUser(actor)) throw forbidden();
  const range = windowRange(DEFAULT_REPEAT_WINDOW, date);
  const rows = await db
    .select({ id: inspections.id, date: inspections.date, mode: inspections.mode, departments: inspections.departments, peopleDispatched: inspections.peopleDispatched })
    .from(inspections)
    .where(and(eq(inspections.enterpriseId, enterpriseId), gte(inspections.date, range.from), lte(inspections.date, range.to), ne(inspections.mode, 'covert'), visible(actor)))
    .orderBy(desc(inspections.date));
  return { window: DEFAULT_REPEAT_WINDOW, from: range.from, to: range.to, items: rows };
}

/** The facts an enforcement action started from this record is prefilled with. */
export async function enforcementPrefill(db: Db, actor: Actor, id: string) {
  const rec = await getInspection(db, actor, id);
  const problemFindings = rec.findings.filter((f) => f.result === 'problem');
  const first = problemFindings[0];
  return {
    enterpriseId: rec.enterpriseId,
    projectId: first?.projectId ?? rec.projectIds[0] ?? null,
    problemId: first?.problemId ?? null,
    facts: `${rec.date} 执法检查发现：${problemFindings.map((f) => `${f.focusTitle}——${f.description ?? ''}`).join('；') || '（无问题）'}`,
  };
}

/**
 * 联合检查会签: each participating department signs the one shared record. The signer's unit type
 * must be one of the record's departments; signing twice is harmless.
 */
export async function signInspection(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [rec] = await tx.select({ id: inspections.id, regionId: inspections.regionId, departments: inspections.departments, signed: inspections.signedDepartments }).from(inspections).where(and(eq(inspections.id, id), visible(actor))).for('update');
    if (!rec || isEnterpriseUser(actor)) throw notFound('检查记录');
    const dept = actor.orgUnitType ?? '';
    if (!rec.departments.includes(dept)) throw forbidden('本单位不是该联合检查的参与部门');
    const signed = rec.signed.includes(dept) ? rec.signed : [...rec.signed, dept];
    await tx.update(inspections).set({ signedDepartments: signed }).where(eq(inspections.id, id));
    await recordAudit(tx, actor, { action: 'inspection.sign', entityType: 'inspection', entityId: id, regionId: rec.regionId, after: { department: dept } });
    return { signedDepartments: signed, pendingDepartments: rec.departments.filter((d) => !signed.includes(d)) };
  });
}
