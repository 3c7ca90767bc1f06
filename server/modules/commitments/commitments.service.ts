import { and, asc, eq, inArray, isNotNull, like } from 'drizzle-orm';
import { renderCommitmentText } from '../../../core/obligations/index.js';
import { type Db, escapeLike } from '../../db/client.js';
import { campaignFocusItems, campaigns, commitments, enterprises, projects, regions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { can, isEnterpriseUser } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, forbidden, notFound, validationFailed } from '../../http/errors.js';
import { regionFilterPath, regionInScope } from '../../http/scope.js';
import { campaignVisibility } from '../campaigns/campaigns.policy.js';
import { publishMessage } from '../messages/publish.js';
import { presentCommitment, presentCommitmentDetail } from './commitments.presenter.js';
import * as repo from './commitments.repository.js';
import type { IssueInput, ListQuery } from './commitments.schemas.js';

/*
 * 承诺书 (SPEC §7). Issue: commitment:issue and the district housing department or the city
 * coordinator, to projects inside the caller's jurisdiction and the campaign's region. Sign:
 * commitment:sign, only the company the letter is addressed to (another company's letter is 404),
 * once (409). Every change: one transaction with its audit row and message.
 */

/** The housing department (房管, the campaign's lead at district level) or a coordinator. */
export function assertIssuer(actor: Actor): void {
  if (!can(actor, 'commitment:issue')) throw forbidden();
  if (!actor.roles.includes('coordinator') && actor.orgUnitType !== 'housing') throw forbidden('承诺书由区房管部门或市统筹部门下发');
}

/** A campaign the staff member can see (own region, subtree or ancestor) with its focus items in order. */
export async function visibleCampaign(db: Db, actor: Actor, campaignId: string) {
  const [campaign] = await db
    .select({ id: campaigns.id, title: campaigns.title, status: campaigns.status, regionPath: regions.path, startsOn: campaigns.startsOn, endsOn: campaigns.endsOn })
    .from(campaigns)
    .innerJoin(regions, eq(regions.id, campaigns.regionId))
    .where(and(eq(campaigns.id, campaignId), campaignVisibility(actor, campaigns.regionId)));
  if (!campaign) throw notFound('专项行动');
  return campaign;
}

export function focusItemsOf(db: Db, campaignId: string) {
  return db
    .select({ id: campaignFocusItems.id, seq: campaignFocusItems.seq, title: campaignFocusItems.title, description: campaignFocusItems.description, checklistText: campaignFocusItems.checklistText })
    .from(campaignFocusItems)
    .where(eq(campaignFocusItems.campaignId, campaignId))
    .orderBy(asc(campaignFocusItems.seq));
}

export async function issueCommitments(db: Db, actor: Actor, input: IssueInput) {
  assertIssuer(actor);
  return db.transaction(async (tx) => {
    const campaign = await visibleCampaign(tx, actor, input.campaignId);
    if (campaign.status === 'closed') throw new AppError('INVALID_STATE', 409, '专项行动已结束，不能再下发承诺书');
    // Projects must lie in the caller's jurisdiction AND in the campaign's region.
    const inScope = and(like(regions.path, `${escapeLike(actor.regionPath)}%`), like(regions.path, `${escapeLike(campaign.regionPath)}%`));
    let targets: { id: string; name: string; regionId: number; enterpriseId: string | null; enterpriseName: string | null }[];
    const cols = { id: projects.id, name: projects.name, regionId: projects.regionId, enterpriseId: projects.enterpriseId, enterpriseName: enterprises.name };
    if (input.projectIds?.length) {
      const ids = [...new Set(input.projectIds)];
      targets = await tx
        .select(cols)
        .from(projects)
        .innerJoin(regions, eq(regions.id, projects.regionId))
        .leftJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
        .where(and(inArray(projects.id, ids), inScope));
      if (targets.length !== ids.length) throw notFound('物业项目');
      const fields: Record<string, string> = {};
      for (const p of targets) if (!p.enterpriseId) fields[`projectIds.${ids.indexOf(p.id)}`] = `项目“${p.name}”没有登记物业服务企业，无法下发承诺书`;
      if (Object.keys(fields).length) throw validationFailed(fields);
    } else {
      const region = await regionInScope(tx, actor, input.region as string);
      targets = await tx
        .select(cols)
        .from(projects)
        .innerJoin(regions, eq(regions.id, projects.regionId))
        .leftJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
        .where(and(like(regions.path, `${escapeLike(region.path)}%`), inScope, isNotNull(projects.enterpriseId)));
      if (targets.length === 0) throw validationFailed({ region: '该区划内没有登记物业服务企业的项目' });
    }
    const focus = await focusItemsOf(tx, campaign.id);
    const existing = await tx
      .select({ id: commitments.id, projectId: commitments.projectId, status: commitments.status })
      .from(commitments)
      .where(and(eq(commitments.campaignId, campaign.id), inArray(commitments.projectId, targets.map((t) => t.id))));
    const byProject = new Map(existing.map((e) => [e.projectId, e]));
    const items: { id: string; projectId: string; status: 'issued' | 'signed' }[] = [];
    for (const p of targets) {
      const prior = byProject.get(p.id);
      if (prior) {
        // Issuing again is harmless: the letter already issued (or signed) stands.
        items.push({ id: prior.id, projectId: p.id, status: prior.status as 'issued' | 'signed' });
        continue;
      }
      const text = renderCommitmentText({
        campaignTitle: campaign.title,
        enterpriseName: p.enterpriseName ?? '',
        projectName: p.name,
        focusItems: focus.map((f) => ({ seq: f.seq, text: f.checklistText ?? f.description })),
      });
      const [row] = await tx
        .insert(commitments)
        .values({ campaignId: campaign.id, projectId: p.id, enterpriseId: p.enterpriseId as string, regionId: p.regionId, text, issuedBy: actor.userId })
        .returning({ id: commitments.id });
      if (!row) throw new Error('commitment insert returned nothing');
      items.push({ id: row.id, projectId: p.id, status: 'issued' });
      await recordAudit(tx, actor, { action: 'commitment.issue', entityType: 'commitment', entityId: row.id, regionId: p.regionId, after: { campaignId: campaign.id, projectId: p.id, enterpriseId: p.enterpriseId } });
      await publishMessage(tx, {
        kind: 'commitment.to_sign',
        recipients: [{ type: 'enterprise', enterpriseId: p.enterpriseId as string }],
        record: { type: 'commitment', id: row.id },
        link: `/company/commitments/${row.id}`,
        vars: { project: p.name, campaign: campaign.title },
        actorUserId: actor.userId,
      });
    }
    return { items };
  });
}

export async function signCommitment(db: Db, actor: Actor, id: string) {
  if (!isEnterpriseUser(actor)) throw forbidden('承诺书由物业服务企业签署');
  return db.transaction(async (tx) => {
    const found = await repo.findCommitment(tx, actor, id);
    if (!found) throw notFound('承诺书');
    // Lock the row: two simultaneous signatures must not both pass the status check.
    const [locked] = await tx.select({ status: commitments.status, text: commitments.text, regionId: commitments.regionId }).from(commitments).where(eq(commitments.id, id)).for('update');
    if (!locked) throw notFound('承诺书');
    if (locked.status === 'signed') throw new AppError('ALREADY_SIGNED', 409, '该承诺书已签署，不能重复签署');
    const signedAt = new Date();
    await tx
      .update(commitments)
      .set({ status: 'signed', signedText: locked.text, signedAt, signedBy: actor.userId, signedByName: actor.displayName, signedIp: actor.ip })
      .where(eq(commitments.id, id));
    await recordAudit(tx, actor, { action: 'commitment.sign', entityType: 'commitment', entityId: id, regionId: locked.regionId, after: { status: 'signed', signedAt, ip: actor.ip } });
    return { id, status: 'signed' as const, signedAt, signedBy: actor.displayName };
  });
}

export async function getCommitment(db: Db, actor: Actor, id: string) {
  const row = await repo.findCommitment(db, actor, id);
  if (!row) throw notFound('承诺书');
  return presentCommitmentDetail(row);
}

export async function listCommitments(db: Db, actor: Actor, q: ListQuery) {
  const withinPath = await regionFilterPath(db, q.region);
  const { rows, total } = await repo.listCommitments(db, actor, { ...q, withinPath }, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map(presentCommitment), total, page: q.page, pageSize: q.pageSize };
}

/** Counts per region (附件2 row 12 counts the companies that signed). */
export async function commitmentSummary(db: Db, actor: Actor, q: { campaignId?: string; region?: string }) {
  const withinPath = await regionFilterPath(db, q.region);
  const f = { campaignId: q.campaignId, withinPath };
  const rows = await repo.summaryByRegion(db, actor, f);
  const total = {
    issued: rows.reduce((s, r) => s + Number(r.issued), 0),
    signed: rows.reduce((s, r) => s + r.signed, 0),
    companiesSigned: await repo.countCompaniesSigned(db, actor, f),
  };
  return { rows: rows.map((r) => ({ ...r, issued: Number(r.issued) })), total };
}

/** The commitments of a project, newest first (shown beside a later violation). */
export async function commitmentsOfProject(db: Db, actor: Actor, projectId: string) {
  const { rows } = await repo.listCommitments(db, actor, { projectId }, 20, 0);
  return rows.map(presentCommitment);
}
