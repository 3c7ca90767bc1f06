import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { INSPECTION_MODE_LABELS, type InspectionMode, PLAN_TYPE_LABELS, type PlanType } from '../../../core/inspections/labels.js';
import { DEFAULT_REPEAT_WINDOW } from '../../../core/inspections/window.js';
import type { Db } from '../../db/client.js';
import { campaignFocusItems, campaigns, inspectionPlans, projects, regions, users } from '../../db/schema/index.js';
import { type Actor, isEnterpriseUser } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { forbidden, notFound, validationFailed } from '../../http/errors.js';
import { limitOffset } from '../../http/pagination.js';
import { regionFilterPath, regionInScope, regionScope } from '../../http/scope.js';
import { campaignVisibility } from '../campaigns/campaigns.policy.js';
import { publishMessage } from '../messages/publish.js';
import type { createPlanInput, listPlansQuery } from './inspections.schemas.js';
import { planVisibility } from './inspections.policy.js';
import { uncertified } from './inspectors.service.js';

/** A campaign the actor can see (own subtree or an ancestor's); 404 otherwise. */
export async function visibleCampaign(db: Db, actor: Actor, campaignId: string) {
  const [c] = await db
    .select({ id: campaigns.id, title: campaigns.title, regionId: campaigns.regionId, startsOn: campaigns.startsOn, endsOn: campaigns.endsOn, dragnetDeadline: campaigns.dragnetDeadline })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), campaignVisibility(actor, campaigns.regionId)));
  if (!c) throw notFound('专项行动');
  return c;
}

const planColumns = {
  id: inspectionPlans.id,
  campaignId: inspectionPlans.campaignId,
  campaignTitle: campaigns.title,
  regionCode: regions.code,
  regionName: regions.name,
  type: inspectionPlans.type,
  mode: inspectionPlans.mode,
  title: inspectionPlans.title,
  startsOn: inspectionPlans.startsOn,
  endsOn: inspectionPlans.endsOn,
  departments: inspectionPlans.departments,
  focusItemIds: inspectionPlans.focusItemIds,
  targetProjectIds: inspectionPlans.targetProjectIds,
  staffUserIds: inspectionPlans.staffUserIds,
  repeatWindow: inspectionPlans.repeatWindow,
  createdAt: inspectionPlans.createdAt,
};

/** Presenter: an explicit allowlist plus labels. */
function presentPlan(row: Awaited<ReturnType<typeof selectPlans>>[number]) {
  return { ...row, typeLabel: PLAN_TYPE_LABELS[row.type as PlanType] ?? row.type, modeLabel: INSPECTION_MODE_LABELS[row.mode as InspectionMode] ?? row.mode };
}

function selectPlans(db: Db, where: ReturnType<typeof and>) {
  return db
    .select(planColumns)
    .from(inspectionPlans)
    .innerJoin(regions, eq(regions.id, inspectionPlans.regionId))
    .innerJoin(campaigns, eq(campaigns.id, inspectionPlans.campaignId))
    .where(where);
}

export async function listPlans(db: Db, actor: Actor, q: z.infer<typeof listPlansQuery>) {
  if (isEnterpriseUser(actor)) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(
    planVisibility(actor),
    regionScope(actor, inspectionPlans.regionId, await regionFilterPath(db, q.region)),
    q.campaignId ? eq(inspectionPlans.campaignId, q.campaignId) : undefined,
    q.mine && actor.userId ? sql`${inspectionPlans.staffUserIds} @> ARRAY[${actor.userId}]::uuid[]` : undefined,
  );
  const { limit, offset } = limitOffset(q);
  const rows = await selectPlans(db, where).orderBy(desc(inspectionPlans.startsOn), desc(inspectionPlans.createdAt)).limit(limit).offset(offset);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(inspectionPlans).where(where);
  return { items: rows.map(presentPlan), total: c?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** A plan visible to the actor (covert plans: only their staff and supervisors), else 404. */
export async function getPlan(db: Db, actor: Actor, id: string) {
  const [row] = await selectPlans(db, and(eq(inspectionPlans.id, id), planVisibility(actor)));
  if (!row) throw notFound('检查计划');
  const focus = row.focusItemIds.length
    ? await db.select({ id: campaignFocusItems.id, seq: campaignFocusItems.seq, title: campaignFocusItems.title, legalProvisionIds: campaignFocusItems.legalProvisionIds }).from(campaignFocusItems).where(inArray(campaignFocusItems.id, row.focusItemIds))
    : [];
  const staff = row.staffUserIds.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, row.staffUserIds)) : [];
  return { ...presentPlan(row), checklist: focus.sort((a, b) => a.seq - b.seq), staff };
}

export async function createPlan(db: Db, actor: Actor, input: z.infer<typeof createPlanInput>) {
  if (isEnterpriseUser(actor)) throw forbidden();
  const id = await db.transaction(async (tx) => {
    const campaign = await visibleCampaign(tx, actor, input.campaignId);
    const region = await regionInScope(tx, actor, input.regionCode);
    const fields: Record<string, string> = {};
    if (input.endsOn < input.startsOn) fields.endsOn = '结束日期不能早于开始日期';
    const items = await tx.select({ id: campaignFocusItems.id }).from(campaignFocusItems).where(eq(campaignFocusItems.campaignId, campaign.id));
    const known = new Set(items.map((i) => i.id));
    const focusItemIds = input.focusItemIds?.length ? input.focusItemIds : items.map((i) => i.id);
    if (input.focusItemIds?.some((f) => !known.has(f))) fields.focusItemIds = '检查事项应为本专项行动的整治重点';
    const targets = [...new Set(input.targetProjectIds ?? [])];
    if (targets.length) {
      const found = await tx.select({ id: projects.id }).from(projects).where(and(inArray(projects.id, targets), regionScope(actor, projects.regionId, region.path)));
      if (found.length !== targets.length) fields.targetProjectIds = '检查对象应为本区域内的物业项目';
    }
    const assigned = [...new Set(input.staffUserIds ?? [])];
    const bad = await uncertified(tx, actor, assigned, input.startsOn < input.endsOn ? input.startsOn : input.endsOn);
    if (bad.length) fields.staffUserIds = '检查人员应持有在计划期间有效的执法证';
    if (Object.keys(fields).length) throw validationFailed(fields);
    const staffUserIds = [...new Set([...(actor.userId ? [actor.userId] : []), ...assigned])];
    const [row] = await tx
      .insert(inspectionPlans)
      .values({
        campaignId: campaign.id,
        regionId: region.id,
        type: input.type,
        mode: input.mode,
        title: input.title,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        departments: [...new Set(input.departments ?? [])],
        focusItemIds,
        targetProjectIds: targets,
        staffUserIds,
        repeatWindow: input.repeatWindow ?? DEFAULT_REPEAT_WINDOW,
        orgUnitId: actor.orgUnitId,
        createdBy: actor.userId,
      })
      .returning({ id: inspectionPlans.id });
    if (!row) throw new Error('plan insert returned nothing');
    await recordAudit(tx, actor, { action: 'inspection_plan.create', entityType: 'inspection_plan', entityId: row.id, regionId: region.id, after: { ...input, staffUserIds } });
    for (const userId of assigned) {
      await publishMessage(tx, {
        kind: 'inspection.assigned',
        recipients: [{ type: 'user', userId }],
        record: { type: 'inspection_plan', id: row.id },
        link: `/inspections/plans/${row.id}`,
        vars: { title: input.title, startsOn: input.startsOn, endsOn: input.endsOn },
        actorUserId: actor.userId,
      });
    }
    return row.id;
  });
  return { id };
}
