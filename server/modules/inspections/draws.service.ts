import { randomBytes } from 'node:crypto';
import { and, desc, eq, gte, inArray, isNotNull, like, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DRAW_ALGORITHM, type DrawInputs, type DrawTarget, canonicalInputs, drawProblem, riskWeight, runDraw, seedFromBytes, verifyDraw } from '../../../core/inspections/draw.js';
import { addCalendarDays } from '../../../core/working-days.js';
import { type Db, escapeLike } from '../../db/client.js';
import { campaigns, complaints, enterprises, inspectionDraws, inspectionPlans, inspections, projects, regions, users } from '../../db/schema/index.js';
import { type Actor, isEnterpriseUser } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { forbidden, notFound, validationFailed } from '../../http/errors.js';
import { limitOffset } from '../../http/pagination.js';
import { regionFilterPath, regionInScope, regionScope } from '../../http/scope.js';
import { todayInChina } from '../campaigns/campaigns.service.js';
import { creditOf } from '../credit/credit.service.js';
import { publishMessage } from '../messages/publish.js';
import type { createDrawInput, listDrawsQuery } from './inspections.schemas.js';
import { planRefVisible, planVisibility } from './inspections.policy.js';
import { inspectorPool } from './inspectors.service.js';
import { visibleCampaign } from './plans.service.js';

/*
 * 双随机一公开: the draw itself is core/inspections/draw.ts (pure, versioned). This file gathers
 * its inputs from the registry, stores seed + canonical inputs + version + result, verifies by
 * re-running, and publishes the targets (never inspector names before the visit is recorded).
 */

interface StoredInputs extends DrawInputs {
  regionCode: string;
  weighting: string;
  departments: string[];
  drawnOn: string;
}

export async function createDraw(db: Db, actor: Actor, input: z.infer<typeof createDrawInput>) {
  if (isEnterpriseUser(actor)) throw forbidden();
  return db.transaction(async (tx) => {
    const campaign = await visibleCampaign(tx, actor, input.campaignId);
    const region = await regionInScope(tx, actor, input.regionCode);
    let departments: string[] = input.departments ?? [];
    let covert = false;
    if (input.planId) {
      const [plan] = await tx.select({ id: inspectionPlans.id, campaignId: inspectionPlans.campaignId, departments: inspectionPlans.departments, mode: inspectionPlans.mode }).from(inspectionPlans).where(and(eq(inspectionPlans.id, input.planId), planVisibility(actor)));
      if (!plan) throw notFound('检查计划');
      if (plan.campaignId !== campaign.id) throw validationFailed({ planId: '检查计划不属于该专项行动' });
      if (!input.departments) departments = plan.departments;
      covert = plan.mode === 'covert';
    }
    const today = todayInChina();
    const weighting = input.weighting ?? 'none';
    const rows = await tx
      .select({ projectId: projects.id, enterpriseId: projects.enterpriseId })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.regionId))
      .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
      .where(and(isNotNull(projects.enterpriseId), like(regions.path, `${escapeLike(region.path)}%`), eq(enterprises.status, 'active')));
    const complaintCounts = new Map<string, number>();
    if (weighting === 'complaints' || weighting === 'complaints_credit') {
      const since = addCalendarDays(today, -365);
      const counts = rows.length
        ? await tx
            .select({ projectId: complaints.projectId, n: sql<number>`count(*)::int` })
            .from(complaints)
            .where(and(inArray(complaints.projectId, rows.map((r) => r.projectId)), gte(complaints.receivedAt, new Date(`${since}T00:00:00+08:00`))))
            .groupBy(complaints.projectId)
        : [];
      for (const c of counts) if (c.projectId) complaintCounts.set(c.projectId, c.n);
    }
    const grades = new Map<string, string>();
    if (weighting === 'credit' || weighting === 'complaints_credit') {
      for (const e of new Set(rows.map((r) => r.enterpriseId as string))) grades.set(e, (await creditOf(tx, e, today)).grade);
    }
    const inputs = canonicalInputs({
      candidates: rows.map((r) => ({ projectId: r.projectId, enterpriseId: r.enterpriseId as string, weight: riskWeight(weighting, complaintCounts.get(r.projectId) ?? 0, grades.get(r.enterpriseId as string) ?? null) })),
      inspectors: await inspectorPool(tx, region.path, today, departments),
      targetCount: input.targetCount,
      inspectorsPerTarget: input.inspectorsPerTarget,
    });
    const fields: Record<string, string> = {};
    const problem = drawProblem(inputs);
    if (problem === 'too_many_targets') fields.targetCount = `抽取对象数超过该区域可抽取的项目数（${inputs.candidates.length} 个）`;
    if (problem === 'too_few_inspectors') fields.inspectorsPerTarget = `可抽取的持证检查人员不足（${inputs.inspectors.length} 名）`;
    if (input.minCoverage !== undefined && inputs.candidates.length && input.targetCount < Math.ceil(input.minCoverage * inputs.candidates.length))
      fields.targetCount = `抽取比例低于最低覆盖率，至少应抽取 ${Math.ceil(input.minCoverage * inputs.candidates.length)} 个对象`;
    if (Object.keys(fields).length) throw validationFailed(fields);
    const seed = input.seed ?? seedFromBytes(randomBytes(16));
    let targets: DrawTarget[];
    try {
      targets = runDraw(seed, inputs);
    } catch {
      throw validationFailed({ inspectorsPerTarget: '回避后可抽取的检查人员不足，请调整参与部门或检查人员数' });
    }
    const stored: StoredInputs = { ...inputs, regionCode: region.code, weighting, departments, drawnOn: today };
    const [row] = await tx
      .insert(inspectionDraws)
      .values({ campaignId: campaign.id, regionId: region.id, planId: input.planId ?? null, seed, algorithm: DRAW_ALGORITHM, inputs: stored, result: targets, weighting, published: !covert, createdBy: actor.userId })
      .returning({ id: inspectionDraws.id });
    if (!row) throw new Error('draw insert returned nothing');
    await recordAudit(tx, actor, { action: 'inspection_draw.create', entityType: 'inspection_draw', entityId: row.id, regionId: region.id, after: { seed, algorithm: DRAW_ALGORITHM, targets } });
    for (const userId of new Set(targets.flatMap((t) => t.inspectors))) {
      await publishMessage(tx, {
        kind: 'inspection.assigned',
        recipients: [{ type: 'user', userId }],
        record: { type: 'inspection_draw', id: row.id },
        link: `/inspections/draws/${row.id}`,
        vars: { title: `${campaign.title} 双随机抽查`, count: targets.filter((t) => t.inspectors.includes(userId)).length },
        actorUserId: actor.userId,
      });
    }
    return { id: row.id, seed, algorithm: DRAW_ALGORITHM, targets };
  });
}

const drawVisible = (actor: Actor) => and(regionScope(actor, inspectionDraws.regionId), planRefVisible(actor, inspectionDraws.planId));

async function drawRow(db: Db, actor: Actor, id: string) {
  if (isEnterpriseUser(actor)) throw notFound('抽查批次');
  const [row] = await db.select().from(inspectionDraws).where(and(eq(inspectionDraws.id, id), drawVisible(actor)));
  if (!row) throw notFound('抽查批次');
  return row;
}

/** Names for the ids of a draw's result (projects, enterprises, inspectors). */
async function names(db: Db, targets: DrawTarget[]) {
  const pIds = [...new Set(targets.map((t) => t.projectId))];
  const eIds = [...new Set(targets.map((t) => t.enterpriseId))];
  const uIds = [...new Set(targets.flatMap((t) => t.inspectors))];
  const p = pIds.length ? await db.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.id, pIds)) : [];
  const e = eIds.length ? await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, eIds)) : [];
  const u = uIds.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, uIds)) : [];
  return { project: new Map(p.map((x) => [x.id, x.name])), enterprise: new Map(e.map((x) => [x.id, x.name])), user: new Map(u.map((x) => [x.id, x.name])) };
}

export async function getDraw(db: Db, actor: Actor, id: string) {
  const row = await drawRow(db, actor, id);
  const targets = row.result as DrawTarget[];
  const n = await names(db, targets);
  const inputs = row.inputs as StoredInputs;
  return {
    id: row.id,
    campaignId: row.campaignId,
    planId: row.planId,
    seed: row.seed,
    algorithm: row.algorithm,
    weighting: row.weighting,
    published: row.published,
    createdAt: row.createdAt,
    regionCode: inputs.regionCode,
    candidateCount: inputs.candidates.length,
    inspectorPoolCount: inputs.inspectors.length,
    inputs,
    targets: targets.map((t) => ({
      ...t,
      projectName: n.project.get(t.projectId) ?? '',
      enterpriseName: n.enterprise.get(t.enterpriseId) ?? '',
      inspectorNames: t.inspectors.map((u) => n.user.get(u) ?? ''),
    })),
  };
}

export async function listDraws(db: Db, actor: Actor, q: z.infer<typeof listDrawsQuery>) {
  if (isEnterpriseUser(actor)) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(drawVisible(actor), regionScope(actor, inspectionDraws.regionId, await regionFilterPath(db, q.region)), q.campaignId ? eq(inspectionDraws.campaignId, q.campaignId) : undefined);
  const { limit, offset } = limitOffset(q);
  const rows = await db
    .select({ id: inspectionDraws.id, seed: inspectionDraws.seed, algorithm: inspectionDraws.algorithm, weighting: inspectionDraws.weighting, published: inspectionDraws.published, createdAt: inspectionDraws.createdAt, regionName: regions.name, campaignTitle: campaigns.title, targetCount: sql<number>`jsonb_array_length(${inspectionDraws.result})` })
    .from(inspectionDraws)
    .innerJoin(regions, eq(regions.id, inspectionDraws.regionId))
    .innerJoin(campaigns, eq(campaigns.id, inspectionDraws.campaignId))
    .where(where)
    .orderBy(desc(inspectionDraws.createdAt))
    .limit(limit)
    .offset(offset);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(inspectionDraws).where(where);
  return { items: rows, total: c?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Re-runs the stored draw from its stored seed, inputs and version; audited. */
export async function verifyStoredDraw(db: Db, actor: Actor, id: string) {
  const row = await drawRow(db, actor, id);
  const matches = verifyDraw(row.algorithm, row.seed, row.inputs as DrawInputs, row.result as DrawTarget[]);
  await recordAudit(db, actor, { action: 'inspection_draw.verify', entityType: 'inspection_draw', entityId: id, regionId: row.regionId, after: { matches } });
  return { matches, algorithm: row.algorithm, seed: row.seed };
}

/** 一公开: published draws (targets; inspectors only once the target's visit is recorded) for the portal. */
export async function listPublicDraws(db: Db) {
  const rows = await db
    .select({ id: inspectionDraws.id, seed: inspectionDraws.seed, algorithm: inspectionDraws.algorithm, result: inspectionDraws.result, createdAt: inspectionDraws.createdAt, regionName: regions.name, campaignTitle: campaigns.title })
    .from(inspectionDraws)
    .innerJoin(regions, eq(regions.id, inspectionDraws.regionId))
    .innerJoin(campaigns, eq(campaigns.id, inspectionDraws.campaignId))
    .where(eq(inspectionDraws.published, true))
    .orderBy(desc(inspectionDraws.createdAt))
    .limit(100);
  const ids = rows.map((r) => r.id);
  const visits = ids.length
    ? await db
        .select({ drawId: inspections.drawId, projectIds: inspections.projectIds, date: inspections.date, problems: sql<number>`(SELECT count(*)::int FROM inspection_findings f WHERE f.inspection_id = ${inspections.id} AND f.result = 'problem')` })
        .from(inspections)
        .where(and(inArray(inspections.drawId, ids), sql`${inspections.mode} <> 'covert'`))
    : [];
  const out = [];
  for (const r of rows) {
    const targets = r.result as DrawTarget[];
    const n = await names(db, targets);
    out.push({
      id: r.id,
      regionName: r.regionName,
      campaignTitle: r.campaignTitle,
      seed: r.seed,
      algorithm: r.algorithm,
      drawnAt: r.createdAt,
      targets: targets.map((t) => {
        const visit = visits.find((v) => v.drawId === r.id && v.projectIds.includes(t.projectId));
        return {
          projectName: n.project.get(t.projectId) ?? '',
          enterpriseName: n.enterprise.get(t.enterpriseId) ?? '',
          inspected: !!visit,
          inspectedOn: visit?.date ?? null,
          problemCount: visit ? visit.problems : null,
          inspectorNames: visit ? t.inspectors.map((u) => n.user.get(u) ?? '') : [],
        };
      }),
    });
  }
  return { items: out };
}
