import { sql } from 'drizzle-orm';
import { monthlyReportDueDate } from '../../../core/campaigns.js';
import { previousMonth } from '../../../core/reports/monthly.js';
import { addCalendarDays } from '../../../core/reports/dates.js';
import { chinaDate } from '../../../core/working-days.js';
import { type Db, queryRows } from '../../db/client.js';
import { defineJob, defineSchedule } from '../../jobs/runner.js';
import { publishMessage } from '../messages/publish.js';

/** Days before the due day when the reporting region's units are reminded. */
export const REMINDER_DAYS = 3;

/**
 * The monthly-report reminder (SPEC §15a): every day, for each reporting region (city and
 * district levels under an active campaign) whose report for the month now due is not yet
 * submitted, tells the region's housing units (they hold report:submit) — from REMINDER_DAYS
 * before the due day, and once more when it has passed. Idempotent per region, month and kind.
 */
export async function remindMonthlyReports(db: Db, today = chinaDate()): Promise<number> {
  const candidates = await queryRows<{ region_id: number; region_code: string; region_name: string; due_day: number | null }>(
    db,
    sql`SELECT DISTINCT ON (r.id) r.id AS region_id, r.code AS region_code, r.name AS region_name, c.monthly_report_due_day AS due_day
        FROM campaigns c JOIN regions cr ON cr.id = c.region_id
        JOIN regions r ON r.path LIKE cr.path || '%' AND r.level IN ('city', 'district')
        WHERE c.status = 'active'
        ORDER BY r.id, length(cr.path) DESC`,
  );
  let sent = 0;
  for (const c of candidates) {
    const dueDay = c.due_day ?? 1;
    // Last month's report (due this month) and this month's (due next month, e.g. on the 1st).
    for (const month of [previousMonth(today.slice(0, 7)), today.slice(0, 7)]) {
      const dueOn = monthlyReportDueDate(month, dueDay);
      const kind = today > dueOn ? 'report.overdue' : addCalendarDays(today, REMINDER_DAYS) >= dueOn ? 'report.due_soon' : null;
      if (!kind || (kind === 'report.overdue' && month === today.slice(0, 7))) continue;
      const [report] = await queryRows<{ status: string }>(db, sql`SELECT status FROM monthly_reports WHERE region_id = ${c.region_id} AND month = ${month}`);
      if (report && (report.status === 'submitted' || report.status === 'accepted')) continue;
      const units = await queryRows<{ id: string }>(db, sql`SELECT id FROM org_units WHERE region_id = ${c.region_id} AND type = 'housing' AND active`);
      if (!units.length) continue;
      await db.transaction(async (tx) => {
        await publishMessage(tx, {
          kind,
          recipients: units.map((u) => ({ type: 'unit' as const, orgUnitId: u.id, permission: 'report:submit' as const })),
          record: { type: 'monthly_report', id: `${c.region_code}:${month}` },
          link: `/app/reports/monthly?region=${encodeURIComponent(c.region_code)}&month=${month}`,
          vars: { region: c.region_name, month, dueOn },
          occurrence: month,
        });
      });
      sent++;
    }
  }
  return sent;
}

defineJob('reports.remind-monthly', async (_payload, { db }) => {
  await remindMonthlyReports(db);
});
defineSchedule({ name: 'reports.remind-monthly.daily', type: 'reports.remind-monthly', intervalSeconds: 86400 });

/** Folds the lead roll-up rows (+1/−1 per change, server/db/sql/030-complaint-counts.sql) into one per key; sums unchanged. */
defineJob('reports.compact-counts', async (_payload, { db }) => {
  await db.execute(sql`SELECT wy_compact_complaint_counts()`);
});
defineSchedule({ name: 'reports.compact-counts.hourly', type: 'reports.compact-counts', intervalSeconds: 3600 });
