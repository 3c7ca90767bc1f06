import { and, asc, eq, sql } from 'drizzle-orm';
import * as sla from '../../../core/complaints/sla.js';
import { TIME_LIMIT_FIELDS, TIME_LIMIT_RANGES } from '../../../core/complaints/time-limit-ranges.js';
import { DEPARTMENT_TYPES } from '../../../core/org.js';
import { type Db, queryRows } from '../../db/client.js';
import { campaigns, complaintTimeLimits, files } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { regionFilterPath } from '../../http/scope.js';
import { notFound, validationFailed } from '../../http/errors.js';
import { openUpload } from '../../lib/files.js';
import { assertCanManage, canManageCampaign } from '../campaigns/campaigns.policy.js';
import { findVisibleCampaign } from '../campaigns/campaigns.repository.js';
import type { TimeLimitRowInput } from './complaints-config.schemas.js';
import * as repo from './complaints.repository.js';

/*
 * Complaint configuration and measurement:
 *  - time limits per campaign and lead department (complaint_time_limits, read by
 *    complaints.service limitsFor at dispatch / release / rework);
 *  - attachment download of a lead's timeline files;
 *  - triage accuracy measured from what people confirmed or corrected.
 */

// ── Time limits ──────────────────────────────────────────────────────────────────────────────

type LimitRow = { leadDepartment: string } & Record<keyof sla.TimeLimits, number | null>;

function rowOut(r: typeof complaintTimeLimits.$inferSelect): LimitRow {
  return {
    leadDepartment: r.leadDepartment,
    signDays: r.signDays,
    closeDays: r.closeDays,
    followUpDays: r.followUpDays,
    urgentSignHours: r.urgentSignHours,
    urgentActHours: r.urgentActHours,
  };
}

/** '*' first, then the department types in their usual order. */
function sortRows<R extends { leadDepartment: string }>(rows: R[]): R[] {
  const order = ['*', ...DEPARTMENT_TYPES] as string[];
  return [...rows].sort((a, b) => order.indexOf(a.leadDepartment) - order.indexOf(b.leadDepartment));
}

/** The limits a lead of each department gets — the same layering as complaints.service limitsFor. */
function effectiveLimits(rows: LimitRow[]) {
  const all = rows.find((r) => r.leadDepartment === '*');
  return (['*', ...DEPARTMENT_TYPES] as string[]).map((d) => ({
    leadDepartment: d,
    ...sla.resolveLimits(
      all,
      rows.find((r) => r.leadDepartment === d && d !== '*'),
    ),
  }));
}

async function visibleCampaign(db: Db, actor: Actor, id: string) {
  const row = await findVisibleCampaign(db, actor, id);
  if (!row) throw notFound('专项行动');
  return row;
}

async function loadLimitRows(db: Db, campaignId: string): Promise<LimitRow[]> {
  const rows = await db.select().from(complaintTimeLimits).where(eq(complaintTimeLimits.campaignId, campaignId)).orderBy(asc(complaintTimeLimits.leadDepartment));
  return sortRows(rows.map(rowOut));
}

function limitsView(actor: Actor, campaign: { id: string; regionPath: string }, rows: LimitRow[]) {
  return {
    campaignId: campaign.id,
    canManage: canManageCampaign(actor, campaign.regionPath),
    usesDefaults: rows.length === 0,
    defaults: { ...sla.DEFAULT_TIME_LIMITS },
    rows,
    effective: effectiveLimits(rows),
  };
}

/** GET /api/campaigns/:id/complaint-time-limits — a campaign visible to the actor (else 404). */
export async function getTimeLimits(db: Db, actor: Actor, campaignId: string) {
  const campaign = await visibleCampaign(db, actor, campaignId);
  return limitsView(actor, campaign, await loadLimitRows(db, campaignId));
}

/** Checks across fields and rows (ranges are checked by the schema); Chinese messages per field. */
function timeLimitProblems(rows: TimeLimitRowInput[]): Record<string, string> {
  const fields: Record<string, string> = {};
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const prev = seen.get(r.leadDepartment);
    if (prev !== undefined) fields[`limits.${i}.leadDepartment`] = `与第 ${prev + 1} 行的牵头部门重复，每个部门只能设置一行`;
    else seen.set(r.leadDepartment, i);
    if (TIME_LIMIT_FIELDS.every((f) => r[f] === null)) fields[`limits.${i}.leadDepartment`] ??= '这一行没有填写任何时限，请填写或删除该行';
  });
  const all = rows.find((r) => r.leadDepartment === '*');
  rows.forEach((r, i) => {
    // Compare what a lead of this department would actually get (its row over '*' over defaults).
    const asAll = r.leadDepartment === '*' ? sla.resolveLimits(r) : sla.resolveLimits(all, r);
    if (asAll.closeDays < asAll.signDays) {
      fields[`limits.${i}.closeDays`] ??= `${TIME_LIMIT_RANGES.closeDays.label}（${asAll.closeDays} 个工作日）不能短于${TIME_LIMIT_RANGES.signDays.label}（${asAll.signDays} 个工作日）`;
    }
    if (asAll.urgentActHours < asAll.urgentSignHours) {
      fields[`limits.${i}.urgentActHours`] ??=
        `${TIME_LIMIT_RANGES.urgentActHours.label}（${asAll.urgentActHours} 小时）不能短于${TIME_LIMIT_RANGES.urgentSignHours.label}（${asAll.urgentSignHours} 小时）`;
    }
  });
  return fields;
}

/**
 * PUT /api/campaigns/:id/complaint-time-limits — replaces all rows of a campaign in one
 * transaction with an audit row. Needs campaign:manage (route) and the campaign in the actor's own
 * subtree (a district cannot change the city's plan: 403; an invisible campaign: 404). New limits
 * apply to deadlines computed from now on (dispatch, reply release, rework); deadlines already set
 * are not moved.
 */
export async function replaceTimeLimits(db: Db, actor: Actor, campaignId: string, rows: TimeLimitRowInput[]) {
  return db.transaction(async (tx) => {
    const campaign = await visibleCampaign(tx, actor, campaignId);
    assertCanManage(actor, campaign.regionPath);
    const fields = timeLimitProblems(rows);
    if (Object.keys(fields).length) throw validationFailed(fields);
    // Serialise concurrent replacements of the same campaign's rows.
    await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, campaignId)).for('update');
    const before = await loadLimitRows(tx, campaignId);
    await tx.delete(complaintTimeLimits).where(eq(complaintTimeLimits.campaignId, campaignId));
    if (rows.length) {
      await tx.insert(complaintTimeLimits).values(
        rows.map((r) => ({
          campaignId,
          leadDepartment: r.leadDepartment,
          signDays: r.signDays,
          closeDays: r.closeDays,
          followUpDays: r.followUpDays,
          urgentSignHours: r.urgentSignHours,
          urgentActHours: r.urgentActHours,
        })),
      );
    }
    const after = await loadLimitRows(tx, campaignId);
    await recordAudit(tx, actor, {
      action: 'campaign.complaint_time_limits.replace',
      entityType: 'campaign',
      entityId: campaignId,
      regionId: campaign.regionId,
      before,
      after,
    });
    return limitsView(actor, campaign, after);
  });
}

// ── Attachment download ──────────────────────────────────────────────────────────────────────

/**
 * A file of a lead in the actor's jurisdiction (else 404) that one of the lead's timeline events
 * references (else 404 — an upload not yet used in an action, or another lead's file, is not
 * served here). Returns an open stream.
 */
export async function openAttachment(db: Db, actor: Actor, dataDir: string, complaintId: string, fileId: string) {
  const c = await repo.findInScope(db, actor, complaintId);
  const [file] = await db
    .select({ name: files.originalName, mime: files.mime, storageKey: files.storageKey })
    .from(files)
    .where(
      and(
        eq(files.id, fileId),
        sql`EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = ${c.id} AND e.attachments @> ${JSON.stringify([fileId])}::jsonb)`,
      ),
    );
  if (!file) throw notFound('附件');
  const opened = await openUpload(dataDir, file.storageKey);
  if (!opened) throw notFound('附件');
  // Attachments of a lead may show residents and their homes: who opened which file is logged.
  await recordAudit(db, actor, { action: 'complaint.attachment.download', entityType: 'complaint', entityId: c.id, regionId: c.regionId, after: { fileId, name: file.name } });
  return { name: file.name, mime: file.mime, body: opened.stream, size: opened.size };
}

// ── Triage accuracy ──────────────────────────────────────────────────────────────────────────

/**
 * "Confirmed" leads — those a person has stood behind the classification of: confirmed as
 * proposed or corrected with the triage action (or corrected at registration), or dispatched with
 * the classification shown (triage_confirmed_at). Leads nobody confirmed — still in 待派单, merged
 * away, or answered without anyone confirming the classification — are not counted.
 */
const CONFIRMED = sql`(complaints.triage_confirmed_at IS NOT NULL OR complaints.triage_corrected_at IS NOT NULL)`;

type StatsRow = { p_cat: number | null; f_cat: number; p_lead: string | null; f_lead: string; n: number; urgent_ok: number; co_ok: number; corrected: number };

/**
 * GET /api/triage/stats — triage proposal (complaints.triage.proposal) against the final
 * classification of confirmed leads received in [from, to] (China dates), in the actor's
 * jurisdiction (optionally narrowed to a region). Counting is done in SQL, grouped by
 * (proposed category, final category, proposed lead, final lead).
 */
export async function triageStats(db: Db, actor: Actor, q: { from?: string; to?: string; region?: string }) {
  const withinPath = await regionFilterPath(db, q.region);
  const period = [
    q.from ? sql`complaints.received_at >= ${sla.startOfChinaDay(q.from).toISOString()}::timestamptz` : undefined,
    q.to ? sql`complaints.received_at <= ${sla.endOfChinaDay(q.to).toISOString()}::timestamptz` : undefined,
  ].filter((c) => c !== undefined);
  const where = and(repo.scoped(actor, withinPath), CONFIRMED, ...period);
  const rows = await queryRows<StatsRow>(
    db,
    sql`WITH c AS (
          SELECT (complaints.triage->'proposal'->>'category')::int AS p_cat,
                 complaints.category AS f_cat,
                 complaints.triage->'proposal'->>'leadDepartment' AS p_lead,
                 complaints.lead_department AS f_lead,
                 (complaints.triage->'proposal'->>'urgent')::boolean AS p_urgent,
                 complaints.urgent AS f_urgent,
                 coalesce((SELECT array_agg(x ORDER BY x) FROM jsonb_array_elements_text(coalesce(complaints.triage->'proposal'->'coDepartments', '[]'::jsonb)) AS x), '{}'::text[]) AS p_co,
                 coalesce((SELECT array_agg(y ORDER BY y) FROM unnest(complaints.co_departments) AS y), '{}'::text[]) AS f_co
          FROM complaints
          WHERE ${where}
        )
        SELECT p_cat, f_cat, p_lead, f_lead, count(*)::int AS n,
               count(*) FILTER (WHERE p_urgent IS NOT DISTINCT FROM f_urgent)::int AS urgent_ok,
               count(*) FILTER (WHERE p_co = f_co)::int AS co_ok,
               count(*) FILTER (WHERE p_cat IS DISTINCT FROM f_cat OR p_lead IS DISTINCT FROM f_lead
                                 OR p_urgent IS DISTINCT FROM f_urgent OR p_co <> f_co)::int AS corrected
        FROM c GROUP BY p_cat, f_cat, p_lead, f_lead`,
  );
  let total = 0;
  let corrected = 0;
  let catOk = 0;
  let leadOk = 0;
  let urgentOk = 0;
  let coOk = 0;
  const confusion = new Map<string, { proposed: number; corrected: number; count: number }>();
  const leadConfusion = new Map<string, { proposed: string; corrected: string; count: number }>();
  for (const r of rows) {
    const n = Number(r.n);
    const pCat = r.p_cat === null ? -1 : Number(r.p_cat);
    const fCat = Number(r.f_cat);
    const pLead = r.p_lead ?? 'unknown';
    total += n;
    corrected += Number(r.corrected);
    urgentOk += Number(r.urgent_ok);
    coOk += Number(r.co_ok);
    if (pCat === fCat) catOk += n;
    if (pLead === r.f_lead) leadOk += n;
    const ck = `${pCat}|${fCat}`;
    const ce = confusion.get(ck) ?? { proposed: pCat, corrected: fCat, count: 0 };
    ce.count += n;
    confusion.set(ck, ce);
    const lk = `${pLead}|${r.f_lead}`;
    const le = leadConfusion.get(lk) ?? { proposed: pLead, corrected: r.f_lead, count: 0 };
    le.count += n;
    leadConfusion.set(lk, le);
  }
  const ratio = (k: number) => (total ? Math.round((k / total) * 10_000) / 10_000 : null);
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    total,
    corrected,
    categoryAgreement: ratio(catOk),
    leadDepartmentAgreement: ratio(leadOk),
    coDepartmentsAgreement: ratio(coOk),
    urgentAgreement: ratio(urgentOk),
    confusion: [...confusion.values()].sort((a, b) => byCount(a, b) || a.proposed - b.proposed || a.corrected - b.corrected),
    leadDepartmentConfusion: [...leadConfusion.values()].sort((a, b) => byCount(a, b) || a.proposed.localeCompare(b.proposed) || a.corrected.localeCompare(b.corrected)),
  };
}
