import type { Permission } from '../../../core/roles.js';
import type { Db } from '../../db/client.js';
import { messageEvents } from '../../db/schema/messages.js';

/**
 * THE way any module tells people that something needs them (issue 17, transactional outbox).
 * Call `publishMessage(tx, event)` inside the same transaction as the change, beside the audit
 * row: a rolled-back change then notifies no one, a committed one is delivered by jobs (in-app,
 * SMS, e-mail) exactly once per recipient. No module sends an SMS or e-mail itself.
 */
export type Recipient =
  /** One staff or company user. */
  | { type: 'user'; userId: string }
  /** The staff of an organisation unit who hold `permission` (default: handlers of the unit). */
  | { type: 'unit'; orgUnitId: string; permission?: Permission }
  /** The leaders (dept_leader) of an organisation unit. */
  | { type: 'unit_leaders'; orgUnitId: string }
  /** Every active user account of a property company. Never include complainant data in vars. */
  | { type: 'enterprise'; enterpriseId: string }
  /** The complainant of a lead, by SMS when a phone and consent were given; resolved at delivery. */
  | { type: 'complainant'; complaintId: string };

export interface MessageEvent {
  /** Dotted kind, e.g. `lead.dispatched`; its Chinese templates live with the messages module. */
  kind: string;
  recipients: Recipient[];
  /** The record the message concerns; with `kind` and the recipient it forms the idempotency key. */
  record: { type: string; id: string };
  /** Console path of the record (contains its id), e.g. `/complaints/<id>`. */
  link: string;
  /** Named template variables. Must never hold what a recipient may not see. */
  vars?: Record<string, string | number | null>;
  /** The acting user: never notified of his own action. */
  actorUserId?: string | null;
  /** Urgent messages ignore SMS quiet hours. */
  urgent?: boolean;
  /** Distinguishes repeated events on one record (e.g. the 2nd reminder, a rework round). */
  occurrence?: string;
}

/**
 * Records the event in the outbox inside the caller's transaction: one INSERT, nothing else, so
 * the caller's path stays as fast as it was. Recipients are resolved, texts rendered and channels
 * chosen later by the `messages.fanout` job (messages.fanout.ts).
 */
export async function publishMessage(tx: Db, event: MessageEvent): Promise<void> {
  if (event.recipients.length === 0) return;
  await tx.insert(messageEvents).values({
    kind: event.kind,
    recordType: event.record.type,
    recordId: event.record.id,
    link: event.link,
    recipients: event.recipients,
    vars: event.vars ?? {},
    actorUserId: event.actorUserId ?? null,
    urgent: event.urgent ?? false,
    occurrence: event.occurrence ?? '',
  });
}

/**
 * A kind's Chinese texts with `{name}` variables. A module declares its kinds in
 * `<module>.messages.ts` as `Record<kind, MessageKindDef>`; the messages module's registry lists them.
 */
export interface MessageKindDef {
  /** What the kind is, for filters and preferences (e.g. 线索派单). */
  label: string;
  /** In-app title and body. */
  title: string;
  body: string;
  /** SMS text (≤ 70 characters where possible, never more than two segments); absent = no SMS. */
  sms?: string;
  /** Channel defaults before the administrator changes them (in-app is always on). */
  defaults?: { sms?: boolean; email?: boolean };
  /**
   * SMS to the 联络员 (contact) of every unit recipient, whatever the preferences: 'always' (overdue
   * escalations) or only when the event is 'urgent' (urgent leads).
   */
  liaisonSms?: 'always' | 'urgent';
}
