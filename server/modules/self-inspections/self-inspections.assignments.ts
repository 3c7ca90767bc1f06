import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { campaignFocusItems, campaigns, projects, regions, selfInspections } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { isEnterpriseUser } from '../../http/actor.js';
import { forbidden } from '../../http/errors.js';
import { filingDueOn } from './self-inspections.repository.js';

/**
 * "My forms to file": every project of the company × every active campaign whose region contains
 * the project, with the form's status (null = not started) and the rows to fill.
 */
export async function myAssignments(db: Db, actor: Actor) {
  if (!isEnterpriseUser(actor)) throw forbidden('仅物业服务企业账号使用');
  const mine = await db
    .select({ projectId: projects.id, projectName: projects.name, path: regions.path })
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(eq(projects.enterpriseId, actor.enterpriseId as string))
    .orderBy(asc(projects.name));
  const active = await db
    .select({ id: campaigns.id, title: campaigns.title, path: regions.path })
    .from(campaigns)
    .innerJoin(regions, eq(regions.id, campaigns.regionId))
    .where(and(eq(campaigns.status, 'active'), sql`EXISTS (SELECT 1 FROM ${campaignFocusItems} f WHERE f.campaign_id = ${campaigns.id})`));
  const pairs = mine.flatMap((p) => active.filter((c) => p.path.startsWith(c.path)).map((c) => ({ project: p, campaign: c })));
  const campaignIds = [...new Set(pairs.map((x) => x.campaign.id))];
  const focus = campaignIds.length
    ? await db
        .select({ campaignId: campaignFocusItems.campaignId, id: campaignFocusItems.id, seq: campaignFocusItems.seq, title: campaignFocusItems.title, text: sql<string>`coalesce(${campaignFocusItems.checklistText}, ${campaignFocusItems.description})` })
        .from(campaignFocusItems)
        .where(inArray(campaignFocusItems.campaignId, campaignIds))
        .orderBy(asc(campaignFocusItems.seq))
    : [];
  const forms = campaignIds.length
    ? await db
        .select({ id: selfInspections.id, campaignId: selfInspections.campaignId, projectId: selfInspections.projectId, status: selfInspections.status, returnReason: selfInspections.returnReason })
        .from(selfInspections)
        .where(and(eq(selfInspections.enterpriseId, actor.enterpriseId as string), inArray(selfInspections.campaignId, campaignIds)))
    : [];
  const due = new Map<string, string | null>();
  for (const id of campaignIds) due.set(id, await filingDueOn(db, id));
  return {
    items: pairs.map(({ project, campaign }) => {
      const form = forms.find((f) => f.campaignId === campaign.id && f.projectId === project.projectId);
      return {
        campaignId: campaign.id,
        campaignTitle: campaign.title,
        projectId: project.projectId,
        projectName: project.projectName,
        dueOn: due.get(campaign.id) ?? null,
        formId: form?.id ?? null,
        status: form?.status ?? null,
        returnReason: form?.returnReason ?? null,
        focusItems: focus.filter((f) => f.campaignId === campaign.id).map(({ id, seq, title, text }) => ({ id, seq, title, text })),
      };
    }),
  };
}
