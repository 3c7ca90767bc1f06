import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { FOCUS_CATEGORIES, FOCUS_CATEGORY_SHORT_LABELS } from '../../../core/categories.js';
import { monthRange, previousMonth } from '../../../core/reports/monthly.js';
import { chinaDate } from '../../../core/working-days.js';
import { type Db, queryRows } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { type RegionRef, regionByIdInScope, regionInScope } from '../../http/scope.js';
import * as complaintsService from '../complaints/complaints.service.js';
import { dragnetCoverage } from '../inspections/inspections.report.js';
import { hotlineCompliance } from '../hotlines/hotlines.report.js';
import * as problemsService from '../problems/problems.service.js';
import { reportingStatus } from '../reports/monthly.service.js';
import * as reportsRepo from '../reports/reports.repository.js';

/*
 * 挂图作战 (SPEC §14). Every count here is the `total` of the very list the chart links to: the
 * complaints and problems figures call those modules' own list services with the same filters
 * the link carries, so a number and its list cannot drift apart.
 */

export const dashboardQuery = z.object({ region: z.string().trim().max(40).optional() });

type Filters = Record<string, string | number | boolean | undefined>;

function link(path: string, f: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined) q.set(k, String(v));
  return `${path}?${q.toString()}`;
}

/** One list's total broken down by child-region segment, category, status and overdue (see the list repositories' `countBreakdown`). */
type Breakdown = { segment: string; category: number | null; status: string; overdue: boolean; n: number }[];

/**
 * Counts of one list: total, still open, overdue, by category and by sub-region, each with its link.
 * All come from one grouped count over the list's own WHERE for the region: each number is the sum
 * of the groups its link's extra filter selects (`status`, `overdue=true`, `category`, `region=<child>`).
 */
function block(rows: Breakdown, listPath: string, region: RegionRef, children: RegionRef[], doneStatuses: string[]) {
  const base = { region: region.code };
  const sum = (pick: (r: Breakdown[number]) => boolean) => rows.reduce((s, r) => s + (pick(r) ? r.n : 0), 0);
  const total = sum(() => true);
  const done = sum((r) => doneStatuses.includes(r.status));
  const overdue = sum((r) => r.overdue);
  const byCategory = FOCUS_CATEGORIES.map((category) => ({
    category,
    label: FOCUS_CATEGORY_SHORT_LABELS[category],
    count: sum((r) => r.category === category),
    link: link(listPath, { ...base, category }),
  }));
  const bySubRegion = children.map((child) => {
    const f = { region: child.code };
    // The child's subtree = the leads whose region path continues the parent's with the child's segment.
    const segment = child.path.startsWith(region.path) ? child.path.slice(region.path.length, -1) : null;
    return {
      regionCode: child.code,
      regionName: child.name,
      count: sum((r) => r.segment === segment),
      overdue: sum((r) => r.segment === segment && r.overdue),
      link: link(listPath, f),
      overdueLink: link(listPath, { ...f, overdue: true }),
    };
  });
  bySubRegion.sort((a, b) => b.count - a.count);
  return {
    total,
    open: total - done,
    overdue,
    byCategory,
    bySubRegion,
    links: { total: link(listPath, base), overdue: link(listPath, { ...base, overdue: true }) },
  };
}

/** GET /api/dashboard: the actor's jurisdiction (or a region inside it). */
export async function dashboard(db: Db, actor: Actor, q: z.infer<typeof dashboardQuery>) {
  const region = q.region ? await regionInScope(db, actor, q.region) : await regionByIdInScope(db, actor, actor.regionId);
  const children = await reportsRepo.childRegions(db, region.id);
  const complaintRows = await complaintsService.complaintBreakdown(db, actor, { page: 1, pageSize: 1, region: region.code } as Parameters<typeof complaintsService.listComplaints>[2], region.path);
  const complaints = block(complaintRows, '/app/complaints', region, children, ['closed', 'merged']);
  const problems = block(await problemsService.problemBreakdown(db, actor, region.code, region.path), '/app/problems', region, children, ['closed', 'withdrawn']);

  const overdueList = (await complaintsService.listComplaints(db, actor, { page: 1, pageSize: 10, region: region.code, overdue: true } as Parameters<typeof complaintsService.listComplaints>[2])).items.map((c) => ({
    id: c.id,
    trackingCode: c.trackingCode,
    description: c.description,
    regionName: c.regionName,
    leadOrgUnitName: c.leadOrgUnitName,
    currentDueAt: c.currentDueAt,
    link: `/app/complaints/${c.id}`,
  }));
  const hot = await complaintsService.hotSpots(db, actor, { region: region.code, days: 90, minLeads: 2 }, { projects: false });
  const hotSpots = hot.enterprises.slice(0, 10).map((e) => ({ enterpriseId: e.enterpriseId, name: e.name, leads: e.leads, link: link('/app/complaints', { box: 'all', enterpriseId: e.enterpriseId }) }));

  const campaign = await reportsRepo.governingCampaign(db, region.path);
  const today = chinaDate();
  const month = today.slice(0, 7);
  const hotline = await hotlineCompliance(db, region.path, campaign?.startsOn ?? monthRange(month).from, today);
  const dragnet = campaign ? await dragnetCoverage(db, campaign.id, region.path) : null;
  const phases = campaign ? await phaseProgress(db, campaign.id, region) : [];
  const satisfaction = await satisfactionTrend(db, region, month);
  const reporting = ['province', 'city'].includes(region.level) && children.length ? await reportingStatus(db, actor, { region: region.code, month: previousMonth(month) }) : null;

  return {
    region: region.code,
    regionName: region.name,
    campaign: campaign ? { id: campaign.id, title: campaign.title, startsOn: campaign.startsOn, link: `/app/campaigns/${campaign.id}` } : null,
    complaints,
    problems,
    overdueList,
    hotSpots,
    hotline: hotline ? { available: true, ...hotline } : { available: false, note: '尚无数据来源' },
    dragnet: dragnet ? { available: true, ...dragnet, rate: dragnet.total ? dragnet.inspected / dragnet.total : null } : { available: false, note: '尚无数据来源' },
    phases,
    satisfaction,
    reporting: reporting
      ? { month: reporting.month, expected: reporting.expected, received: reporting.received, onTime: reporting.onTime, late: reporting.late, missing: reporting.missing, link: `/app/reports/status?region=${encodeURIComponent(region.code)}&month=${reporting.month}` }
      : null,
  };
}

/** Task completion per phase of the governing campaign within the region's subtree. */
async function phaseProgress(db: Db, campaignId: string, region: RegionRef) {
  const rows = await queryRows<{ id: string; name: string; ends_on: string; tasks: number; done: number }>(
    db,
    sql`SELECT ph.id, ph.name, ph.ends_on::text AS ends_on,
               count(DISTINCT t.id)::int AS tasks,
               count(DISTINCT tp.task_id) FILTER (WHERE tp.status = 'done')::int AS done
        FROM campaign_phases ph
        LEFT JOIN campaign_tasks t ON t.phase_id = ph.id
        LEFT JOIN campaign_task_progress tp ON tp.task_id = t.id
          AND tp.region_id IN (SELECT id FROM regions WHERE path LIKE ${`${region.path}%`})
        WHERE ph.campaign_id = ${campaignId}
        GROUP BY ph.id ORDER BY ph.seq`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, endsOn: r.ends_on, tasks: Number(r.tasks), done: Number(r.done), link: `/app/campaigns/${campaignId}` }));
}

/** Share of rated closed leads rated satisfied or basically satisfied, per month (last 6 months). */
async function satisfactionTrend(db: Db, region: RegionRef, month: string) {
  const months: string[] = [month];
  while (months.length < 6) months.unshift(previousMonth(months[0]));
  const rows = await queryRows<{ m: string; rated: number; satisfied: number }>(
    db,
    sql`SELECT to_char(c.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS m, count(*)::int AS rated,
               count(*) FILTER (WHERE c.satisfaction IN ('satisfied', 'basically_satisfied'))::int AS satisfied
        FROM complaints c
        WHERE c.region_id IN (SELECT id FROM regions WHERE path LIKE ${`${region.path}%`}) AND c.satisfaction IS NOT NULL
          AND c.closed_at >= ${`${months[0]}-01`}::date
        GROUP BY 1`,
  );
  const by = new Map(rows.map((r) => [r.m, r]));
  return months.map((m) => {
    const r = by.get(m);
    return { month: m, rated: Number(r?.rated ?? 0), satisfied: Number(r?.satisfied ?? 0), rate: r && Number(r.rated) ? Number(r.satisfied) / Number(r.rated) : null };
  });
}
