import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { selfInspectionFlagDecisions, selfInspectionItems, selfInspectionVersions, selfInspections } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, forbidden, notFound, validationFailed } from '../../http/errors.js';
import { todayInChina } from '../campaigns/campaigns.service.js';
import { addCreditEvent } from '../credit/credit.service.js';
import { publishMessage } from '../messages/publish.js';
import { openProblem } from '../problems/problems.open.js';
import { crossCheck } from './self-inspections.crosscheck.js';
import * as repo from './self-inspections.repository.js';
import type { Detail } from './self-inspections.schemas.js';
import { assertTransition, getSelfInspection, sideOf } from './self-inspections.service.js';

/*
 * The district housing department's decisions on a filed form: accept (every declared problem
 * becomes a ledger problem, source self_inspection, with its deadline and responsible person) or
 * return with reasons; and confirming a cross-check flag as a false self-inspection (credit event).
 */

async function districtForm(tx: Db, actor: Actor, id: string) {
  if (sideOf(actor) !== 'district') throw forbidden('自查表由区房管部门审核');
  const form = await repo.findForm(tx, actor, id);
  if (!form) throw notFound('自查表');
  const locked = await repo.lockForm(tx, id);
  if (!locked) throw notFound('自查表');
  return { form, locked };
}

export async function acceptSelfInspection(db: Db, actor: Actor, id: string): Promise<Detail> {
  await db.transaction(async (tx) => {
    const { form, locked } = await districtForm(tx, actor, id);
    const to = assertTransition(locked.status, 'accept');
    const items = await repo.loadItems(tx, id);
    const today = todayInChina();
    const late = items.filter((i) => i.problem && i.deadline && i.deadline < today);
    if (late.length) {
      throw validationFailed(
        Object.fromEntries(late.map((i) => [`items.${i.seq}.deadline`, `第 ${i.seq} 项整改完成期限 ${i.deadline} 已过，请退回企业重新确定期限`])),
        '有整改完成期限已过，不能直接通过',
      );
    }
    const opened: string[] = [];
    for (const item of items) {
      if (!item.problem) continue;
      const problem = await openProblem(tx, actor, {
        source: 'self_inspection',
        sourceId: item.id,
        regionId: form.regionId,
        projectId: form.projectId,
        enterpriseId: form.enterpriseId,
        category: item.seq >= 1 && item.seq <= 6 ? item.seq : 0,
        title: `企业自查：${item.title}`,
        description: item.problem,
        responsiblePerson: `${item.responsiblePerson ?? ''} ${item.contact ?? ''}`.trim(),
        deadline: item.deadline as string,
      });
      await tx.update(selfInspectionItems).set({ problemId: problem.id }).where(eq(selfInspectionItems.id, item.id));
      opened.push(problem.code);
    }
    const now = new Date();
    await tx.update(selfInspections).set({ status: to, decidedBy: actor.userId, decidedByName: actor.displayName, decidedAt: now, updatedAt: now }).where(eq(selfInspections.id, id));
    await tx
      .update(selfInspectionVersions)
      .set({ outcome: 'accepted', decidedByName: actor.displayName, decidedAt: now })
      .where(and(eq(selfInspectionVersions.selfInspectionId, id), eq(selfInspectionVersions.version, locked.version)));
    await recordAudit(tx, actor, { action: 'self_inspection.accept', entityType: 'self_inspection', entityId: id, regionId: form.regionId, before: { status: locked.status }, after: { status: to, problems: opened } });
    await publishMessage(tx, {
      kind: 'self_inspection.accepted',
      recipients: [{ type: 'enterprise', enterpriseId: form.enterpriseId }],
      record: { type: 'self_inspection', id },
      link: `/company/self-inspections/${id}`,
      vars: { project: form.projectName, problems: opened.length },
      actorUserId: actor.userId,
      occurrence: String(locked.version),
    });
  });
  return getSelfInspection(db, actor, id);
}

export async function returnSelfInspection(db: Db, actor: Actor, id: string, reason: string): Promise<Detail> {
  await db.transaction(async (tx) => {
    const { form, locked } = await districtForm(tx, actor, id);
    const to = assertTransition(locked.status, 'return');
    const now = new Date();
    await tx.update(selfInspections).set({ status: to, returnReason: reason, decidedBy: actor.userId, decidedByName: actor.displayName, decidedAt: now, updatedAt: now }).where(eq(selfInspections.id, id));
    await tx
      .update(selfInspectionVersions)
      .set({ outcome: 'returned', returnReason: reason, decidedByName: actor.displayName, decidedAt: now })
      .where(and(eq(selfInspectionVersions.selfInspectionId, id), eq(selfInspectionVersions.version, locked.version)));
    await recordAudit(tx, actor, { action: 'self_inspection.return', entityType: 'self_inspection', entityId: id, regionId: form.regionId, before: { status: locked.status }, after: { status: to }, note: reason });
    await publishMessage(tx, {
      kind: 'self_inspection.returned',
      recipients: [{ type: 'enterprise', enterpriseId: form.enterpriseId }],
      record: { type: 'self_inspection', id },
      link: `/company/self-inspections/${id}`,
      vars: { project: form.projectName, reason },
      actorUserId: actor.userId,
      occurrence: String(locked.version),
    });
  });
  return getSelfInspection(db, actor, id);
}

/** The district confirms a flag: a false "无" (虚假自查) is a broken commitment in the credit record. */
export async function confirmFlag(db: Db, actor: Actor, id: string, focusItemId: string, note?: string): Promise<Detail> {
  await db.transaction(async (tx) => {
    const { form } = await districtForm(tx, actor, id);
    const items = await repo.loadItems(tx, id);
    const flags = await crossCheck(tx, form, items);
    const flag = flags.find((f) => f.focusItemId === focusItemId);
    if (!flag) throw notFound('核查疑点');
    if (flag.confirmed) throw new AppError('ALREADY_CONFIRMED', 409, '该疑点已确认为虚假自查');
    const credit = await addCreditEvent(tx, actor, {
      enterpriseId: form.enterpriseId,
      type: 'broken_commitment',
      reason: `虚假自查：${form.projectName} 自查表第 ${flag.seq} 项填报“无”，经核查存在问题${note ? `（${note}）` : ''}`,
      occurredOn: todayInChina(),
      sourceType: 'self_inspection',
      sourceId: id,
      regionId: form.regionId,
    });
    await tx.insert(selfInspectionFlagDecisions).values({ selfInspectionId: id, focusItemId, note: note ?? null, creditEventId: credit.id, decidedBy: actor.userId, decidedByName: actor.displayName });
    await recordAudit(tx, actor, { action: 'self_inspection.flag_confirm', entityType: 'self_inspection', entityId: id, regionId: form.regionId, after: { focusItemId, creditEventId: credit.id }, note: note ?? null });
  });
  return getSelfInspection(db, actor, id);
}
