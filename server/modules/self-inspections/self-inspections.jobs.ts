import { and, eq, inArray, isNotNull, like, notExists, sql } from 'drizzle-orm';
import { dueFlags } from '../../../core/obligations/index.js';
import { chinaDate } from '../../../core/working-days.js';
import { type Db, escapeLike } from '../../db/client.js';
import { campaignDeadlines, campaigns, projects, regions, selfInspections } from '../../db/schema/index.js';
import { defineJob, defineSchedule } from '../../jobs/runner.js';
import { publishMessage } from '../messages/publish.js';

/**
 * Filing reminders: for each active campaign's 自查自纠 filing deadline, every project (with a
 * company) in the campaign's region whose form is not filed or accepted gets one "due soon"
 * message and, after the day, one "overdue" message (idempotent per project, kind and due day).
 */
export async function remindFilings(db: Db, today = chinaDate()): Promise<number> {
  const deadlines = await db
    .select({ campaignId: campaigns.id, title: campaigns.title, path: regions.path, dueOn: campaignDeadlines.dueOn })
    .from(campaignDeadlines)
    .innerJoin(campaigns, eq(campaigns.id, campaignDeadlines.campaignId))
    .innerJoin(regions, eq(regions.id, campaigns.regionId))
    .where(and(eq(campaignDeadlines.kind, 'self_inspection_filing'), eq(campaigns.status, 'active')));
  let sent = 0;
  for (const d of deadlines) {
    const flags = dueFlags(d.dueOn, today);
    if (!flags.dueSoon && !flags.overdue) continue;
    const pending = await db
      .select({ id: projects.id, name: projects.name, enterpriseId: projects.enterpriseId })
      .from(projects)
      .innerJoin(regions, eq(regions.id, projects.regionId))
      .where(
        and(
          like(regions.path, `${escapeLike(d.path)}%`),
          isNotNull(projects.enterpriseId),
          notExists(
            db
              .select({ one: sql`1` })
              .from(selfInspections)
              .where(and(eq(selfInspections.campaignId, d.campaignId), eq(selfInspections.projectId, projects.id), inArray(selfInspections.status, ['filed', 'accepted']))),
          ),
        ),
      );
    for (const p of pending) {
      await db.transaction(async (tx) => {
        await publishMessage(tx, {
          kind: flags.overdue ? 'self_inspection.overdue' : 'self_inspection.due',
          recipients: [{ type: 'enterprise', enterpriseId: p.enterpriseId as string }],
          record: { type: 'project', id: p.id },
          link: `/company/self-inspections?campaignId=${d.campaignId}&projectId=${p.id}`,
          vars: { project: p.name, campaign: d.title, dueOn: d.dueOn },
          occurrence: `${d.campaignId}:${d.dueOn}`,
        });
      });
      sent++;
    }
  }
  return sent;
}

defineJob('self-inspections.filing-reminders', async (_payload, { db }) => {
  await remindFilings(db);
});
defineSchedule({ name: 'self-inspections.filing-reminders.daily', type: 'self-inspections.filing-reminders', intervalSeconds: 86400 });
