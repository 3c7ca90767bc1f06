import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { monthlyReportDueDate } from '../../../core/campaigns.js';
import {
  cumulativeRange,
  isFrozen,
  isOnTime,
  MONTH_RE,
  MONTHLY_ROWS,
  monthRange,
  nextStatus,
  REPORT_STATUS_LABELS,
  type ReportAction,
  type ReportStatus,
  type RowFigures,
  sumRows,
} from '../../../core/reports/monthly.js';
import { chinaDate } from '../../../core/working-days.js';
import type { Db } from '../../db/client.js';
import { monthlyReports, reportVersions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { forbidden, invalidState } from '../../http/errors.js';
import { type RegionRef, regionInScope } from '../../http/scope.js';
import { publishMessage } from '../messages/publish.js';
import { type BucketNode, computeRowsByBucket, externalListLink, isStock, recordLink, rowRecords, type Window } from './monthly.rows.js';
import * as repo from './reports.repository.js';

/*
 * The monthly summary (附件2, SPEC §13): computed from records, rolled up 区→市→省, frozen on
 * submission. A district-level report counts its whole subtree; a city or province report has one
 * entry per child region plus one for its own (本级) records, and its rows are the sum of the
 * entries. A child entry uses the child's frozen snapshot once the child has submitted.
 */

export const monthlyQuery = z.object({
  region: z.string().trim().min(1, '请选择行政区划').max(40),
  month: z.string().regex(MONTH_RE, '月份格式为 YYYY-MM'),
});
export type MonthlyQuery = z.infer<typeof monthlyQuery>;

export const transitionBody = monthlyQuery.extend({
  comment: z.string().trim().max(2000).nullish(),
  typicalCases: z.string().max(20000).optional(),
  experience: z.string().max(20000).optional(),
  compiler: z.string().trim().max(50).optional(),
  contactPhone: z.string().trim().max(30).optional(),
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const draftBody = transitionBody.omit({ comment: true });

export interface RowOut extends RowFigures {
  link: string;
}
export interface SubRegionOut {
  regionCode: string;
  regionName: string;
  own: boolean;
  status: ReportStatus | null;
  rows: RowOut[];
}
export interface MonthlyReport {
  region: string;
  regionName: string;
  level: string;
  month: string;
  status: ReportStatus;
  statusLabel: string;
  version: number;
  frozen: boolean;
  dueOn: string;
  campaignStart: string | null;
  rows: RowOut[];
  subRegions: SubRegionOut[];
  typicalCases: string;
  experience: string;
  compiler: string | null;
  contactPhone: string | null;
  reviewComment: string | null;
  submittedAt: string | null;
}

const ROLL_UP_LEVELS = new Set(['province', 'city']);

interface Context {
  region: RegionRef;
  month: string;
  monthW: Window;
  cumW: Window;
  campaignStart: string | null;
  dueOn: string;
}

async function contextOf(db: Db, region: RegionRef, month: string): Promise<Context> {
  const campaign = await repo.governingCampaign(db, region.path);
  return {
    region,
    month,
    monthW: monthRange(month),
    cumW: cumulativeRange(month, campaign?.startsOn ?? null),
    campaignStart: campaign?.startsOn ?? null,
    dueOn: monthlyReportDueDate(month, campaign?.dueDay ?? 1),
  };
}

function withLinks(rows: RowFigures[], regionCode: string, ctx: Context): RowOut[] {
  return rows.map((r) => ({
    ...r,
    link:
      externalListLink(r.no, regionCode, ctx.monthW) ??
      `/app/reports/records?region=${encodeURIComponent(regionCode)}&month=${ctx.month}&row=${r.no}&span=month`,
  }));
}

/** A region of a live report: its children (roll-up levels) and, for each child, its frozen rows if any. */
interface PlanNode {
  region: RegionRef;
  children: { region: RegionRef; status: ReportStatus | null; frozenRows: RowFigures[] | null; plan: PlanNode | null }[];
}

/** Which regions the live report reads live: children with a frozen snapshot contribute it instead. */
async function plan(db: Db, region: RegionRef, month: string): Promise<PlanNode> {
  if (!ROLL_UP_LEVELS.has(region.level)) return { region, children: [] };
  const children = await repo.childRegions(db, region.id);
  const reports = new Map((await repo.reportsFor(db, children.map((c) => c.id), month)).map((r) => [r.regionId, r]));
  const out: PlanNode['children'] = [];
  for (const child of children) {
    const report = reports.get(child.id);
    const frozen = report && isFrozen(report.status as ReportStatus) ? await repo.latestVersion(db, 'monthly', report.id) : null;
    const status = (report?.status as ReportStatus) ?? null;
    out.push(frozen ? { region: child, status, frozenRows: (frozen.snapshot as { rows: RowFigures[] }).rows, plan: null } : { region: child, status, frozenRows: null, plan: await plan(db, child, month) });
  }
  return { region, children: out };
}

/**
 * The live figures of a region (entries and sum); never reads the region's own snapshot. Every
 * figure of every live entry comes from one grouped query per row and window over the region's
 * subtree (`computeRowsByBucket`): each record is counted in its bucket — the district-level region
 * above it, or the city/province node itself (本级) when it is placed there.
 */
async function computeLive(db: Db, ctx: Context): Promise<{ rows: RowFigures[]; subRegions: SubRegionOut[] }> {
  const root = await plan(db, ctx.region, ctx.month);
  const nodes: BucketNode[] = [];
  const collect = (p: PlanNode) => {
    if (!ROLL_UP_LEVELS.has(p.region.level)) {
      nodes.push({ id: p.region.id, path: p.region.path, exact: false, children: [] });
      return;
    }
    nodes.push({ id: p.region.id, path: p.region.path, exact: true, children: p.children.map((c) => c.region.path) });
    for (const c of p.children) if (c.plan) collect(c.plan);
  };
  collect(root);
  const subtree = await repo.subtreeRegions(db, ctx.region.path);
  const byPath = new Map(subtree.map((r) => [r.path, r]));
  const bucketOf = (path: string): number => {
    // Down from the report region: the first region below the roll-up levels, else the record's own node.
    let i = ctx.region.path.length;
    while (i > 0 && i <= path.length) {
      const a = byPath.get(path.slice(0, i));
      if (a && !ROLL_UP_LEVELS.has(a.level)) return a.id;
      i = path.indexOf('/', i) + 1;
    }
    return byPath.get(path)?.id ?? -1;
  };
  const figures = await computeRowsByBucket(db, { regionIds: subtree.map((r) => r.id), bucketIds: subtree.map((r) => bucketOf(r.path)) }, nodes, ctx.monthW, ctx.cumW);
  const assemble = (p: PlanNode): { rows: RowFigures[]; subRegions: SubRegionOut[] } => {
    const own = figures.get(p.region.id) ?? [];
    if (!ROLL_UP_LEVELS.has(p.region.level)) return { rows: own, subRegions: [] };
    const subRegions: SubRegionOut[] = p.children.map((c) => ({
      regionCode: c.region.code,
      regionName: c.region.name,
      own: false,
      status: c.status,
      rows: withLinks(c.frozenRows ?? assemble(c.plan as PlanNode).rows, c.region.code, ctx),
    }));
    subRegions.push({ regionCode: p.region.code, regionName: `${p.region.name}（本级）`, own: true, status: null, rows: withLinks(own, p.region.code, ctx) });
    return { rows: sumRows(subRegions.map((s) => s.rows)), subRegions };
  };
  return assemble(root);
}

function present(ctx: Context, report: repo.MonthlyReportRow | null, figures: { rows: RowFigures[]; subRegions: SubRegionOut[] }): MonthlyReport {
  const status = (report?.status as ReportStatus) ?? 'draft';
  return {
    region: ctx.region.code,
    regionName: ctx.region.name,
    level: ctx.region.level,
    month: ctx.month,
    status,
    statusLabel: REPORT_STATUS_LABELS[status],
    version: report?.version ?? 0,
    frozen: isFrozen(status),
    dueOn: report?.dueOn ?? ctx.dueOn,
    campaignStart: ctx.campaignStart,
    rows: withLinks(figures.rows, ctx.region.code, ctx),
    subRegions: figures.subRegions,
    typicalCases: report?.typicalCases ?? '',
    experience: report?.experience ?? '',
    compiler: report?.compiler ?? null,
    contactPhone: report?.contactPhone ?? null,
    reviewComment: report?.reviewComment ?? null,
    submittedAt: report?.submittedAt ? report.submittedAt.toISOString() : null,
  };
}

/** GET /api/reports/monthly: the frozen snapshot of a submitted/accepted report, else the live figures. */
export async function getMonthly(db: Db, actor: Actor, q: MonthlyQuery): Promise<MonthlyReport> {
  const region = await regionInScope(db, actor, q.region);
  const ctx = await contextOf(db, region, q.month);
  const report = await repo.findReport(db, region.id, q.month);
  if (report && isFrozen(report.status as ReportStatus)) {
    const v = await repo.latestVersion(db, 'monthly', report.id);
    if (v) return present(ctx, report, v.snapshot as { rows: RowFigures[]; subRegions: SubRegionOut[] });
  }
  return present(ctx, report, await computeLive(db, ctx));
}

export async function listVersions(db: Db, actor: Actor, q: MonthlyQuery) {
  const region = await regionInScope(db, actor, q.region);
  const report = await repo.findReport(db, region.id, q.month);
  if (!report) return { items: [] };
  const rows = await repo.versions(db, 'monthly', report.id);
  return { items: rows.map((v) => ({ version: v.version, status: v.status, comment: v.comment, createdAt: v.createdAt.toISOString(), snapshot: v.snapshot })) };
}

/** Saves the texts (典型案例, 经验做法, 汇总人, 联系方式) of a report still being prepared. */
export async function saveDraft(db: Db, actor: Actor, body: z.infer<typeof draftBody>) {
  const region = await regionInScope(db, actor, body.region);
  const ctx = await contextOf(db, region, body.month);
  await db.transaction(async (tx) => {
    const report = await repo.ensureReport(tx, region.id, body.month, ctx.dueOn);
    if (isFrozen(report.status as ReportStatus)) throw invalidState('已报送的月报不能修改，如需修改请由上级退回');
    await tx.update(monthlyReports).set({ ...texts(body), updatedAt: new Date() }).where(eq(monthlyReports.id, report.id));
    await recordAudit(tx, actor, { action: 'monthly_report.save', entityType: 'monthly_report', entityId: report.id, regionId: region.id });
  });
  return getMonthly(db, actor, body);
}

function texts(body: Partial<TransitionBody>) {
  const out: Partial<typeof monthlyReports.$inferInsert> = {};
  if (body.typicalCases !== undefined) out.typicalCases = body.typicalCases;
  if (body.experience !== undefined) out.experience = body.experience;
  if (body.compiler !== undefined) out.compiler = body.compiler;
  if (body.contactPhone !== undefined) out.contactPhone = body.contactPhone;
  return out;
}

/**
 * submit (the region's own staff), return / accept (the level above: the actor's region is a
 * strict ancestor). Submission freezes the figures into a new version; acceptance keeps that
 * snapshot as a new accepted version; a return unfreezes the report (the next submission
 * recomputes, and is a new version).
 */
export async function transition(db: Db, actor: Actor, action: ReportAction, body: TransitionBody) {
  const region = await regionInScope(db, actor, body.region);
  const reviewing = action !== 'submit';
  if (reviewing && !(region.path.startsWith(actor.regionPath) && region.path !== actor.regionPath)) {
    throw forbidden('月报由上一级审核：本级不能审核自己的月报');
  }
  if (!reviewing && region.path !== actor.regionPath && !region.path.startsWith(actor.regionPath)) throw forbidden();
  const ctx = await contextOf(db, region, body.month);
  const live = action === 'submit' ? await computeLive(db, ctx) : null;
  await db.transaction(async (tx) => {
    const report = await repo.ensureReport(tx, region.id, body.month, ctx.dueOn);
    const from = report.status as ReportStatus;
    const to = nextStatus(from, action);
    if (!to) throw invalidState(`月报当前状态为「${REPORT_STATUS_LABELS[from]}」，不能${ACTION_LABELS[action]}`, { status: from });
    const now = new Date();
    const merged = { ...report, ...texts(body) };
    let version = report.version;
    let snapshot: unknown;
    if (action === 'submit') {
      version += 1;
      snapshot = { rows: (live as { rows: RowFigures[] }).rows, subRegions: (live as { subRegions: SubRegionOut[] }).subRegions, computedAt: now.toISOString() };
    } else if (action === 'accept') {
      version += 1;
      snapshot = (await repo.latestVersion(tx, 'monthly', report.id))?.snapshot;
    }
    await tx
      .update(monthlyReports)
      .set({
        ...texts(body),
        status: to,
        version,
        updatedAt: now,
        ...(action === 'submit' ? { submittedAt: now, submittedBy: actor.userId, reviewComment: null } : { reviewedAt: now, reviewedBy: actor.userId, reviewComment: body.comment ?? null }),
      })
      .where(eq(monthlyReports.id, report.id));
    if (snapshot !== undefined) {
      await tx.insert(reportVersions).values({
        kind: 'monthly',
        reportId: report.id,
        regionId: region.id,
        version,
        status: to,
        snapshot: { ...(snapshot as object), typicalCases: merged.typicalCases, experience: merged.experience },
        comment: body.comment ?? null,
        createdBy: actor.userId,
      });
    }
    await recordAudit(tx, actor, { action: `monthly_report.${action}`, entityType: 'monthly_report', entityId: report.id, regionId: region.id, before: { status: from }, after: { status: to, version }, note: body.comment ?? null });
    if (reviewing && report.submittedBy) {
      await publishMessage(tx, {
        kind: action === 'accept' ? 'report.accepted' : 'report.returned',
        recipients: [{ type: 'user', userId: report.submittedBy }],
        record: { type: 'monthly_report', id: report.id },
        link: `/app/reports/monthly?region=${encodeURIComponent(region.code)}&month=${body.month}`,
        vars: { region: region.name, month: body.month, comment: body.comment ?? '' },
        actorUserId: actor.userId,
        occurrence: String(version),
      });
    }
  });
  return getMonthly(db, actor, body);
}

const ACTION_LABELS: Record<ReportAction, string> = { submit: '报送', return: '退回', accept: '审核通过' };

/** Reporting status of the child regions (DHIS2-style reporting rates): expected, received, on time, late, missing. */
export async function reportingStatus(db: Db, actor: Actor, q: MonthlyQuery) {
  const region = await regionInScope(db, actor, q.region);
  const ctx = await contextOf(db, region, q.month);
  const children = await repo.childRegions(db, region.id);
  const reports = new Map((await repo.reportsFor(db, children.map((c) => c.id), q.month)).map((r) => [r.regionId, r]));
  const today = chinaDate();
  const items = children.map((c) => {
    const r = reports.get(c.id);
    const received = !!r && isFrozen(r.status as ReportStatus);
    const dueOn = r?.dueOn ?? ctx.dueOn;
    const submittedOn = r?.submittedAt ? chinaDate(r.submittedAt) : null;
    return {
      regionCode: c.code,
      regionName: c.name,
      status: (r?.status as ReportStatus) ?? null,
      statusLabel: r ? REPORT_STATUS_LABELS[r.status as ReportStatus] : '未填报',
      received,
      onTime: received && submittedOn !== null && isOnTime(submittedOn, dueOn),
      overdue: !received && today > dueOn,
      submittedAt: r?.submittedAt ? r.submittedAt.toISOString() : null,
      dueOn,
    };
  });
  const received = items.filter((i) => i.received);
  return {
    region: region.code,
    month: q.month,
    dueOn: ctx.dueOn,
    expected: items.length,
    received: received.length,
    onTime: received.filter((i) => i.onTime).length,
    late: received.filter((i) => !i.onTime).length,
    missing: items.filter((i) => !i.received).map((i) => ({ regionCode: i.regionCode, regionName: i.regionName, status: i.status, overdue: i.overdue })),
    items,
  };
}

export const recordsQuery = monthlyQuery.extend({
  row: z.coerce.number().int().min(1).max(14),
  span: z.enum(['month', 'cumulative']).default('month'),
});

/** The records behind one figure (live; a frozen report may differ and says so). */
export async function records(db: Db, actor: Actor, q: z.infer<typeof recordsQuery>) {
  const region = await regionInScope(db, actor, q.region);
  const ctx = await contextOf(db, region, q.month);
  const w = q.span === 'month' && !isStock(q.row) ? ctx.monthW : ctx.cumW;
  const def = MONTHLY_ROWS.find((r) => r.no === q.row) as (typeof MONTHLY_ROWS)[number];
  const found = await rowRecords(db, q.row, { path: region.path, exact: false }, isStock(q.row) ? ctx.monthW : w);
  return {
    row: q.row,
    label: def.label,
    span: q.span,
    from: w.from,
    to: w.to,
    available: found !== null,
    externalLink: externalListLink(q.row, region.code, w),
    total: found?.total ?? 0,
    items: (found?.items ?? []).map((i) => ({ id: i.id, label: i.label, date: i.on_date, quantity: i.qty, link: recordLink(i.kind, i.id) })),
  };
}
