import { and, desc, eq } from 'drizzle-orm';
import * as sla from '../../../core/complaints/sla.js';
import { FOCUS_CATEGORY_LABELS, type FocusCategory } from '../../../core/triage/triage.js';
import type { Db } from '../../db/client.js';
import { complaintEvents, type complaints, orgUnits } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { type MessageEvent, publishMessage } from '../messages/publish.js';

type Lead = typeof complaints.$inferSelect;

/**
 * The messages a lead's action produces (kinds in complaints.messages.ts), published in the
 * action's transaction beside its audit row. Variables are the tracking code, category and
 * deadlines — never the complainant's name, phone or words.
 */
export async function publishLeadMessages(tx: Db, actor: Actor, action: string, before: Lead, after: Lead | null, input?: unknown): Promise<void> {
  if (!after) return;
  const base = {
    record: { type: 'complaint', id: after.id },
    link: `/app/complaints/${after.id}`,
    actorUserId: actor.userId,
  };
  const code = after.trackingCode;
  const category = FOCUS_CATEGORY_LABELS[after.category as FocusCategory] ?? '';
  const events: MessageEvent[] = [];
  const lead = after.leadOrgUnitId;

  if (action === 'dispatch' && lead) {
    const signDue = after.signDueAt ? sla.chinaDate(after.signDueAt) : '规定时限';
    events.push({ ...base, kind: 'lead.dispatched', recipients: [{ type: 'unit', orgUnitId: lead }], vars: { trackingCode: code, category, signDue }, urgent: after.urgent });
    const co = after.coOrgUnitIds.filter((u) => u !== lead);
    if (co.length) events.push({ ...base, kind: 'lead.co_assigned', recipients: co.map((orgUnitId) => ({ type: 'unit' as const, orgUnitId })), vars: { trackingCode: code, category } });
  }
  if (action === 'return') {
    // To whoever dispatched it last.
    const [d] = await tx
      .select({ by: complaintEvents.actorUserId })
      .from(complaintEvents)
      .where(and(eq(complaintEvents.complaintId, after.id), eq(complaintEvents.action, 'dispatch')))
      .orderBy(desc(complaintEvents.seq))
      .limit(1);
    const [unit] = before.leadOrgUnitId ? await tx.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, before.leadOrgUnitId)) : [];
    if (d?.by) events.push({ ...base, kind: 'lead.returned', recipients: [{ type: 'user', userId: d.by }], vars: { trackingCode: code, unit: unit?.name ?? '承办单位' } });
  }
  if ((action === 'reply' || action === 'answer') && (lead ?? actor.orgUnitId)) {
    events.push({ ...base, kind: 'reply.awaiting_approval', recipients: [{ type: 'unit_leaders', orgUnitId: (lead ?? actor.orgUnitId) as string }], vars: { trackingCode: code } });
  }
  if (action === 'reject-reply' && before.replyDraftedBy) {
    const reason = String((input as { reason?: unknown } | undefined)?.reason ?? '请按审核意见修改').slice(0, 200);
    events.push({ ...base, kind: 'reply.sent_back', recipients: [{ type: 'user', userId: before.replyDraftedBy }], vars: { trackingCode: code, reason } });
  }
  if (action === 'approve-reply') {
    events.push({ ...base, kind: 'complaint.reply_published', recipients: [{ type: 'complainant', complaintId: after.id }], vars: { trackingCode: code } });
  }
  if (after.reworkCount > before.reworkCount) {
    const round = String(after.reworkCount);
    const dueAt = after.dueAt ? sla.chinaDate(after.dueAt) : '另行确定';
    if (lead) events.push({ ...base, kind: 'lead.rework', recipients: [{ type: 'unit', orgUnitId: lead }], vars: { trackingCode: code, round, dueAt }, occurrence: round });
    events.push({ ...base, kind: 'complaint.rework_started', recipients: [{ type: 'complainant', complaintId: after.id }], vars: { trackingCode: code }, occurrence: round });
  }
  if (action === 'supervise' && lead) {
    events.push({
      ...base,
      kind: 'lead.supervised',
      recipients: [{ type: 'unit', orgUnitId: lead }, { type: 'unit_leaders', orgUnitId: lead }],
      vars: { trackingCode: code, deadline: after.supervisionDeadline ?? '' },
    });
  }
  for (const e of events) await publishMessage(tx, e);
}

/** An overdue escalation reaches the lead unit, its leaders and the supervising 依法治办 (and the liaison by SMS). */
export async function publishEscalation(
  tx: Db,
  c: { id: string; trackingCode: string; leadOrgUnitId: string | null; kind: string; dueAt: Date; urgent: boolean },
  supervisorUnitId: string | null,
): Promise<void> {
  const recipients: MessageEvent['recipients'] = [];
  if (c.leadOrgUnitId) recipients.push({ type: 'unit', orgUnitId: c.leadOrgUnitId }, { type: 'unit_leaders', orgUnitId: c.leadOrgUnitId });
  if (supervisorUnitId) recipients.push({ type: 'unit', orgUnitId: supervisorUnitId, permission: 'complaint:supervise' });
  await publishMessage(tx, {
    kind: 'lead.overdue',
    recipients,
    record: { type: 'complaint', id: c.id },
    link: `/app/complaints/${c.id}`,
    vars: { trackingCode: c.trackingCode, deadlineKind: sla.DEADLINE_KIND_LABELS[c.kind as sla.DeadlineKind] ?? c.kind, dueAt: sla.chinaDate(c.dueAt) },
    urgent: c.urgent,
    occurrence: `${c.kind}:${c.dueAt.toISOString()}`,
  });
}
