import { sql } from 'drizzle-orm';
import { chinaDate, DEADLINE_KIND_LABELS, type DeadlineKind } from '../../../core/complaints/sla.js';
import { type Db, queryRows } from '../../db/client.js';
import { chinaDayStart } from './messages.delivery.js';
import { publishMessage } from './publish.js';

/** Days before a rectification deadline when the company is reminded. */
export const PROBLEM_REMINDER_DAYS = 3;

/**
 * Deadline reminders, idempotent per record, kind and deadline (the occurrence): a lead's current
 * deadline in its last fifth (to the lead unit), a ledger problem's rectification deadline near
 * or passed (to the company). Overdue leads are escalated by complaints.escalate-overdue.
 */
export async function publishDeadlineReminders(db: Db, now = new Date()): Promise<number> {
  const at = now.toISOString();
  let count = 0;
  const leads = await queryRows<{ id: string; tracking_code: string; kind: string; due_at: Date; unit: string; urgent: boolean }>(
    db,
    sql`SELECT c.id, c.tracking_code, c.current_due_kind AS kind, c.current_due_at AS due_at, c.lead_org_unit_id AS unit, c.urgent
        FROM complaints c
        WHERE c.status NOT IN ('closed', 'merged', 'received') AND c.lead_org_unit_id IS NOT NULL
          AND c.current_due_soon_at <= ${at}::timestamptz AND c.current_due_at > ${at}::timestamptz
          AND NOT EXISTS (SELECT 1 FROM message_events m WHERE m.record_id = c.id::text AND m.kind = 'lead.deadline_approaching'
                          AND m.occurrence = c.current_due_kind || ':' || to_char(c.current_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS'))
        LIMIT 500`,
  );
  for (const c of leads) {
    const due = new Date(c.due_at);
    await publishMessage(db, {
      kind: 'lead.deadline_approaching',
      recipients: [{ type: 'unit', orgUnitId: c.unit }],
      record: { type: 'complaint', id: c.id },
      link: `/app/complaints/${c.id}`,
      vars: { trackingCode: c.tracking_code, deadlineKind: DEADLINE_KIND_LABELS[c.kind as DeadlineKind] ?? c.kind, dueAt: chinaDate(due) },
      urgent: c.urgent,
      occurrence: `${c.kind}:${due.toISOString().slice(0, 19)}`,
    });
    count++;
  }
  const today = chinaDayStart(now);
  const todayStr = new Date(today.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const problems = await queryRows<{ id: string; code: string; deadline: string; enterprise_id: string; overdue: boolean }>(
    db,
    sql`SELECT p.id, p.code, p.deadline::text AS deadline, p.enterprise_id, (p.deadline < ${todayStr}::date) AS overdue
        FROM problems p
        WHERE p.status IN ('open', 'rectifying') AND p.enterprise_id IS NOT NULL
          AND p.deadline <= ${todayStr}::date + ${PROBLEM_REMINDER_DAYS}::int
          AND NOT EXISTS (SELECT 1 FROM message_events m WHERE m.record_id = p.id::text
                          AND m.kind = CASE WHEN p.deadline < ${todayStr}::date THEN 'problem.overdue' ELSE 'problem.deadline_approaching' END
                          AND m.occurrence = p.deadline::text)
        LIMIT 500`,
  );
  for (const p of problems) {
    await publishMessage(db, {
      kind: p.overdue ? 'problem.overdue' : 'problem.deadline_approaching',
      recipients: [{ type: 'enterprise', enterpriseId: p.enterprise_id }],
      record: { type: 'problem', id: p.id },
      link: `/app/problems/${p.id}`,
      vars: { code: p.code, deadline: p.deadline },
      occurrence: p.deadline,
    });
    count++;
  }
  return count;
}

/**
 * The morning digest (今日到期 / 已超期): one message per unit and day to its handlers, from 08:00
 * Asia/Shanghai, instead of one message per lead.
 */
export async function publishMorningDigest(db: Db, now = new Date()): Promise<number> {
  const hour = new Date(now.getTime() + 8 * 3600 * 1000).getUTCHours();
  if (hour < 8) return 0;
  const dayStart = chinaDayStart(now);
  const dayEnd = new Date(dayStart.getTime() + 86400000);
  const day = new Date(dayStart.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const units = await queryRows<{ unit: string; due_today: number; overdue: number }>(
    db,
    sql`SELECT c.lead_org_unit_id AS unit,
               count(*) FILTER (WHERE c.current_due_at >= ${now.toISOString()}::timestamptz AND c.current_due_at < ${dayEnd.toISOString()}::timestamptz)::int AS due_today,
               count(*) FILTER (WHERE c.current_due_at < ${now.toISOString()}::timestamptz)::int AS overdue
        FROM complaints c
        WHERE c.status NOT IN ('closed', 'merged', 'received') AND c.lead_org_unit_id IS NOT NULL AND c.current_due_at < ${dayEnd.toISOString()}::timestamptz
          AND NOT EXISTS (SELECT 1 FROM message_events m WHERE m.record_id = c.lead_org_unit_id::text AND m.kind = 'lead.digest' AND m.occurrence = ${day})
        GROUP BY c.lead_org_unit_id`,
  );
  for (const u of units) {
    await publishMessage(db, {
      kind: 'lead.digest',
      recipients: [{ type: 'unit', orgUnitId: u.unit }],
      record: { type: 'org_unit', id: u.unit },
      link: '/app/complaints',
      vars: { dueToday: u.due_today, overdue: u.overdue },
      occurrence: day,
    });
  }
  return units.length;
}
