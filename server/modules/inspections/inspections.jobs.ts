import { and, eq, isNotNull, like } from 'drizzle-orm';
import { addCalendarDays } from '../../../core/working-days.js';
import { type Db, escapeLike } from '../../db/client.js';
import { campaigns, orgUnits, regions } from '../../db/schema/index.js';
import { systemActor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { defineJob, defineSchedule } from '../../jobs/runner.js';
import { todayInChina } from '../campaigns/campaigns.service.js';
import { publishMessage } from '../messages/publish.js';
import { coverageTotals } from './coverage.service.js';

/** Days before a dragnet deadline from which the responsible unit is warned. */
export const DRAGNET_DUE_SOON_DAYS = 7;

/**
 * Dragnet warnings: for each active campaign with a dragnet deadline, each district-level region
 * under it whose projects are not all inspected warns its housing unit (the responsible unit of
 * the dragnet, S0 §三) — once when due soon, and once a day after the deadline (occurrence = day).
 */
export async function warnDragnet(db: Db, today = todayInChina()): Promise<number> {
  const actor = systemActor('inspections.dragnet');
  const active = await db
    .select({ id: campaigns.id, title: campaigns.title, deadline: campaigns.dragnetDeadline, regionId: campaigns.regionId, path: regions.path })
    .from(campaigns)
    .innerJoin(regions, eq(regions.id, campaigns.regionId))
    .where(and(eq(campaigns.status, 'active'), isNotNull(campaigns.dragnetDeadline)));
  let sent = 0;
  for (const c of active) {
    const deadline = c.deadline as string;
    const overdue = today > deadline;
    if (!overdue && addCalendarDays(today, DRAGNET_DUE_SOON_DAYS) < deadline) continue;
    const units = await db
      .select({ unitId: orgUnits.id, regionName: regions.name, path: regions.path })
      .from(orgUnits)
      .innerJoin(regions, eq(regions.id, orgUnits.regionId))
      .where(and(eq(orgUnits.type, 'housing'), eq(orgUnits.active, true), eq(regions.level, 'district'), like(regions.path, `${escapeLike(c.path)}%`)));
    for (const u of units) {
      const cov = await coverageTotals(db, c.id, u.path);
      if (!cov || cov.inspected >= cov.total) continue;
      await db.transaction(async (tx) => {
        await publishMessage(tx, {
          kind: overdue ? 'inspection.dragnet_overdue' : 'inspection.dragnet_due_soon',
          recipients: [{ type: 'unit', orgUnitId: u.unitId }],
          record: { type: 'campaign', id: c.id },
          link: `/inspections/coverage?campaignId=${c.id}`,
          vars: { campaign: c.title, deadline, region: u.regionName, total: cov.total, inspected: cov.inspected, remaining: cov.total - cov.inspected },
          urgent: overdue,
          occurrence: overdue ? `${u.unitId}:${today}` : `${u.unitId}:${deadline}`,
        });
        await recordAudit(tx, actor, { action: overdue ? 'inspection.dragnet_overdue' : 'inspection.dragnet_due_soon', entityType: 'campaign', entityId: c.id, after: { unit: u.unitId, ...cov } });
      });
      sent++;
    }
  }
  return sent;
}

defineJob('inspections.dragnet-warnings', async (_payload, { db }) => {
  await warnDragnet(db);
});
defineSchedule({ name: 'inspections.dragnet-warnings.daily', type: 'inspections.dragnet-warnings', intervalSeconds: 86400 });
