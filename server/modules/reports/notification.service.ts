import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { chinaDate, isIsoDate } from '../../../core/working-days.js';
import { type Db, escapeLike, queryRows } from '../../db/client.js';
import { notifications, regions, reportVersions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { invalidState, notFound, validationFailed } from '../../http/errors.js';
import { type RegionRef, regionInScope, regionScope } from '../../http/scope.js';
import { dragnetCoverage } from '../inspections/inspections.report.js';
import { hotlineCompliance } from '../hotlines/hotlines.report.js';
import { publishMessage } from '../messages/publish.js';
import * as repo from './reports.repository.js';

/*
 * 通报 (progress notification, SPEC §13): for a period and region, per sub-region — phase task
 * completion, dragnet coverage, lead closure and overdue rates, satisfaction, returns (退单),
 * hotline spot-check failures and named problems (挂牌督办 / overdue). Drafted as an editable
 * .docx; issuing numbers it, freezes the figures as a version and tells the units.
 */

const day = (what: string) => z.string().refine(isIsoDate, `${what}格式为 YYYY-MM-DD`);
export const draftInput = z.object({
  regionCode: z.string().trim().min(1, '请选择行政区划').max(40),
  from: day('开始日期'),
  to: day('结束日期'),
  title: z.string().trim().max(200).optional(),
});
export const issueInput = draftInput.extend({ isPublic: z.boolean().default(false) });

export interface NotificationEntry {
  regionCode: string;
  regionName: string;
  tasks: number;
  tasksDone: number;
  dragnet: { total: number; inspected: number } | null;
  leads: number;
  closed: number;
  overdue: number;
  rated: number;
  satisfied: number;
  returns: number;
  hotline: { checked: number; passed: number } | null;
  namedProblems: Array<{ code: string; title: string; enterpriseName: string | null; reason: string }>;
}
export interface NotificationContent {
  regionCode: string;
  regionName: string;
  from: string;
  to: string;
  title: string;
  documentNumber: string | null;
  issuedOn: string;
  issuer: string;
  entries: NotificationEntry[];
}

const sub = (col: string, path: string) => sql`${sql.raw(col)} IN (SELECT id FROM regions WHERE path LIKE ${`${escapeLike(path)}%`})`;

async function entryOf(db: Db, r: RegionRef, campaignId: string | null, from: string, to: string): Promise<NotificationEntry> {
  const [c] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT count(*) FILTER (WHERE status <> 'merged')::int AS leads,
               count(*) FILTER (WHERE status = 'closed')::int AS closed,
               count(*) FILTER (WHERE status NOT IN ('closed', 'merged') AND current_due_at < now())::int AS overdue,
               count(*) FILTER (WHERE satisfaction IS NOT NULL)::int AS rated,
               count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied'))::int AS satisfied
        FROM complaints WHERE ${sub('region_id', r.path)} AND (received_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date`,
  );
  const [ret] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM complaint_returns cr JOIN complaints c ON c.id = cr.complaint_id
        WHERE ${sub('c.region_id', r.path)} AND (cr.at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date`,
  );
  const [t] = campaignId
    ? await queryRows<{ tasks: number; done: number }>(
        db,
        sql`SELECT count(*)::int AS tasks, count(*) FILTER (WHERE tp.status = 'done')::int AS done
            FROM campaign_task_progress tp JOIN campaign_tasks ct ON ct.id = tp.task_id
            WHERE ct.campaign_id IN (SELECT id FROM campaigns WHERE id = ${campaignId} OR parent_campaign_id = ${campaignId}) AND ${sub('tp.region_id', r.path)}`,
      )
    : [{ tasks: 0, done: 0 }];
  const named = await queryRows<{ code: string; title: string; enterprise_name: string | null; supervised: boolean }>(
    db,
    sql`SELECT p.code, p.title, e.name AS enterprise_name, p.supervised FROM problems p LEFT JOIN enterprises e ON e.id = p.enterprise_id
        WHERE ${sub('p.region_id', r.path)} AND p.status NOT IN ('closed', 'withdrawn') AND (p.supervised OR p.deadline < ${to}::date)
        ORDER BY p.supervised DESC, p.deadline ASC LIMIT 5`,
  );
  const hotline = await hotlineCompliance(db, r.path, from, to);
  return {
    regionCode: r.code,
    regionName: r.name,
    tasks: Number(t?.tasks ?? 0),
    tasksDone: Number(t?.done ?? 0),
    dragnet: campaignId ? await dragnetCoverage(db, campaignId, r.path) : null,
    leads: Number(c?.leads ?? 0),
    closed: Number(c?.closed ?? 0),
    overdue: Number(c?.overdue ?? 0),
    rated: Number(c?.rated ?? 0),
    satisfied: Number(c?.satisfied ?? 0),
    returns: Number(ret?.n ?? 0),
    hotline: hotline ? { checked: hotline.checked, passed: hotline.passed } : null,
    namedProblems: named.map((p) => ({ code: p.code, title: p.title, enterpriseName: p.enterprise_name, reason: p.supervised ? '挂牌督办' : '逾期未整改' })),
  };
}

export async function computeNotification(db: Db, actor: Actor, input: z.infer<typeof draftInput>): Promise<NotificationContent> {
  if (input.from > input.to) throw validationFailed({ to: '结束日期不能早于开始日期' });
  const region = await regionInScope(db, actor, input.regionCode);
  const campaign = await repo.governingCampaign(db, region.path);
  const children = await repo.childRegions(db, region.id);
  const entries: NotificationEntry[] = [];
  for (const child of children.length ? children : [region]) entries.push(await entryOf(db, child, campaign?.id ?? null, input.from, input.to));
  return {
    regionCode: region.code,
    regionName: region.name,
    from: input.from,
    to: input.to,
    title: input.title || `关于${region.name}物业服务专项整治工作进展情况的通报`,
    documentNumber: null,
    issuedOn: chinaDate(),
    issuer: `${region.name}物业服务专项整治工作领导小组办公室`,
    entries,
  };
}

/** Issues a 通报: numbered per region and year (〔2026〕N号), frozen as version 1, published to the units. */
export async function issueNotification(db: Db, actor: Actor, input: z.infer<typeof issueInput>) {
  const content = await computeNotification(db, actor, input);
  const region = await regionInScope(db, actor, input.regionCode);
  const year = Number(content.issuedOn.slice(0, 4));
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`notification:${region.id}:${year}`}))`);
    const [{ n }] = await queryRows<{ n: number }>(tx, sql`SELECT coalesce(max(seq), 0)::int + 1 AS n FROM report_notifications WHERE region_id = ${region.id} AND year = ${year}`);
    const documentNumber = `${region.name}整治办通〔${year}〕${n}号`;
    const [row] = await tx
      .insert(notifications)
      .values({ regionId: region.id, periodFrom: input.from, periodTo: input.to, title: content.title, status: 'issued', year, seq: n, documentNumber, isPublic: input.isPublic, issuedAt: new Date(), issuedBy: actor.userId, createdBy: actor.userId })
      .returning();
    const frozen = { ...content, documentNumber };
    await tx.insert(reportVersions).values({ kind: 'notification', reportId: row.id, regionId: region.id, version: 1, status: 'issued', snapshot: frozen, createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'notification.issue', entityType: 'notification', entityId: row.id, regionId: region.id, after: { documentNumber, isPublic: input.isPublic } });
    const units = await queryRows<{ id: string }>(tx, sql`SELECT id FROM org_units WHERE active AND region_id IN (SELECT id FROM regions WHERE path LIKE ${`${escapeLike(region.path)}%`})`);
    if (units.length) {
      await publishMessage(tx, {
        kind: 'notification.issued',
        recipients: units.map((u) => ({ type: 'unit' as const, orgUnitId: u.id, permission: 'report:read' as const })),
        record: { type: 'notification', id: row.id },
        link: `/app/reports/notifications?id=${row.id}`,
        vars: { title: content.title, documentNumber },
        actorUserId: actor.userId,
      });
    }
    return { id: row.id, documentNumber, title: content.title, isPublic: input.isPublic };
  });
}

export async function listNotifications(db: Db, actor: Actor) {
  const rows = await db
    .select({ id: notifications.id, title: notifications.title, documentNumber: notifications.documentNumber, periodFrom: notifications.periodFrom, periodTo: notifications.periodTo, isPublic: notifications.isPublic, issuedAt: notifications.issuedAt, regionName: regions.name })
    .from(notifications)
    .innerJoin(regions, eq(regions.id, notifications.regionId))
    .where(regionScope(actor, notifications.regionId))
    .orderBy(desc(notifications.issuedAt))
    .limit(200);
  return { items: rows };
}

async function frozenContent(db: Db, id: string): Promise<NotificationContent> {
  const [v] = await db.select().from(reportVersions).where(and(eq(reportVersions.kind, 'notification'), eq(reportVersions.reportId, id))).orderBy(desc(reportVersions.version)).limit(1);
  if (!v) throw invalidState('通报尚未印发');
  return v.snapshot as NotificationContent;
}

/** An issued 通报 (frozen) in the actor's jurisdiction. */
export async function issuedContent(db: Db, actor: Actor, id: string): Promise<NotificationContent> {
  const [row] = await db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.id, id), regionScope(actor, notifications.regionId)));
  if (!row) throw notFound('通报');
  return frozenContent(db, id);
}

/** Public campaign announcements: issued 通报 marked public. */
export async function publicNotifications(db: Db) {
  const rows = await db
    .select({ id: notifications.id, title: notifications.title, documentNumber: notifications.documentNumber, issuedAt: notifications.issuedAt, regionName: regions.name })
    .from(notifications)
    .innerJoin(regions, eq(regions.id, notifications.regionId))
    .where(and(eq(notifications.isPublic, true), eq(notifications.status, 'issued')))
    .orderBy(desc(notifications.issuedAt))
    .limit(50);
  return { items: rows };
}

export async function publicNotification(db: Db, id: string) {
  const [row] = await db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.isPublic, true), eq(notifications.status, 'issued')));
  if (!row) throw notFound('通报');
  const c = await frozenContent(db, id);
  // Public text: figures per region; named problems show company and title only (no residents' data is held there).
  return c;
}
