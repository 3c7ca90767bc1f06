import { and, eq, inArray, sql } from 'drizzle-orm';
import { maskPhone } from '../../../core/masking.js';
import { type Permission, permissionsFor, type Role } from '../../../core/roles.js';
import type { AppDeps } from '../../deps.js';
import { type Db, queryRows } from '../../db/client.js';
import { complaints, messageDeliveries, messageKindSettings, messages, notificationPreferences, orgUnits, residentSmsConsents, userContacts, users } from '../../db/schema/index.js';
import { MESSAGE_KINDS, RESIDENT_KINDS, render } from './kinds.js';
import { notifyChanged } from './messages.bus.js';
import type { MessageKindDef, Recipient } from './publish.js';

interface EventRow {
  id: number;
  kind: string;
  record_type: string;
  record_id: string;
  link: string;
  recipients: Recipient[];
  vars: Record<string, unknown>;
  actor_user_id: string | null;
  urgent: boolean;
  occurrence: string;
}

interface Person {
  id: string;
  phone: string | null;
}

/** The texts of a kind: the administrator's edits over the built-in ones. */
export async function templatesOf(db: Db, kind: string): Promise<{ def: MessageKindDef; title: string; body: string; sms: string | null; smsDefault: boolean; emailDefault: boolean } | null> {
  const def = MESSAGE_KINDS[kind];
  if (!def) return null;
  const [s] = await db.select().from(messageKindSettings).where(eq(messageKindSettings.kind, kind));
  return {
    def,
    title: s?.title ?? def.title,
    body: s?.body ?? def.body,
    sms: s?.sms ?? def.sms ?? null,
    smsDefault: s?.smsDefault ?? def.defaults?.sms ?? false,
    emailDefault: s?.emailDefault ?? def.defaults?.email ?? false,
  };
}

/** Staff of a unit holding a permission (the unit's type can grant more, as at sign-in). */
async function unitStaff(tx: Db, orgUnitId: string, test: (roles: Role[], perms: Permission[]) => boolean): Promise<Person[]> {
  const rows = await tx
    .select({ id: users.id, phone: users.phone, roles: users.roles, unitType: orgUnits.type })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(users.orgUnitId, orgUnitId), eq(users.disabled, false)));
  return rows.filter((r) => test(r.roles as Role[], permissionsFor(r.roles as Role[], r.unitType))).map((r) => ({ id: r.id, phone: r.phone }));
}

async function resolveUsers(tx: Db, r: Recipient): Promise<Person[]> {
  switch (r.type) {
    case 'user':
      return tx.select({ id: users.id, phone: users.phone }).from(users).where(and(eq(users.id, r.userId), eq(users.disabled, false)));
    case 'unit': {
      const permission = r.permission ?? 'complaint:handle';
      return unitStaff(tx, r.orgUnitId, (_roles, perms) => perms.includes(permission));
    }
    case 'unit_leaders':
      return unitStaff(tx, r.orgUnitId, (roles) => roles.includes('dept_leader'));
    case 'enterprise':
      return tx
        .select({ id: users.id, phone: users.phone })
        .from(users)
        .where(and(eq(users.enterpriseId, r.enterpriseId), eq(users.disabled, false), sql`'enterprise_user' = ANY(${users.roles})`));
    default:
      return [];
  }
}

/**
 * The resident's phone for a lead: only with consent recorded on the portal, never for a lead
 * imported from 12345 (the hotline informs its own caller) and never for an anonymous lead.
 */
async function complainantPhone(tx: Db, deps: AppDeps, complaintId: string): Promise<string | null> {
  const [c] = await tx
    .select({ phone: complaints.contactPhoneEnc, channel: complaints.channel, anonymous: complaints.anonymous, consent: residentSmsConsents.complaintId })
    .from(complaints)
    .leftJoin(residentSmsConsents, eq(residentSmsConsents.complaintId, complaints.id))
    .where(eq(complaints.id, complaintId));
  if (!c?.consent || c.anonymous || c.channel === 'hotline_12345') return null;
  return deps.cipher.decrypt(c.phone);
}

function eventKey(e: EventRow): string {
  return `${e.kind}|${e.record_type}:${e.record_id}|${e.occurrence || `e${e.id}`}`;
}

/**
 * Fans committed events out, in one transaction per batch: in-app messages and channel deliveries,
 * each under a unique key (event + recipient), so a batch retried after a crash inserts nothing twice.
 * Events are claimed with FOR UPDATE SKIP LOCKED: several instances share the work.
 */
export async function fanOutEvents(deps: AppDeps, limit = 100): Promise<number> {
  const touched = new Set<string>();
  const n = await deps.db.transaction(async (tx) => {
    const events = await queryRows<EventRow>(
      tx,
      sql`SELECT id, kind, record_type, record_id, link, recipients, vars, actor_user_id, urgent, occurrence
          FROM message_events WHERE processed_at IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
    );
    for (const e of events) for (const id of await fanOutOne(tx, deps, e)) touched.add(id);
    if (events.length) {
      await tx.execute(sql`UPDATE message_events SET processed_at = now() WHERE id IN (${sql.join(
        events.map((e) => sql`${e.id}`),
        sql`, `,
      )})`);
    }
    return events.length;
  });
  notifyChanged(touched);
  return n;
}

/** Returns the users who received an in-app message. */
async function fanOutOne(tx: Db, deps: AppDeps, e: EventRow): Promise<string[]> {
  const t = await templatesOf(tx, e.kind);
  if (!t) return []; // an unknown kind reaches no one: the event row stays as the record of it
  const { env, cipher } = deps;
  const vars = { platform: env.PLATFORM_NAME, portal: env.PORTAL_URL, ...e.vars };
  const key = eventKey(e);
  const title = render(t.title, vars).slice(0, 200);
  const body = render(t.body, vars);
  const smsText = t.sms ? render(t.sms, vars) : null;
  const params = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));

  const queue = async (channel: 'sms' | 'email', recipientKey: string, to: string, text: string, subject: string | null, urgent: boolean) => {
    await tx
      .insert(messageDeliveries)
      .values({
        idempotencyKey: `${key}|${channel}|${recipientKey}`,
        eventId: e.id,
        channel,
        template: e.kind,
        toEnc: cipher.encrypt(to) as string,
        toBidx: cipher.blindIndex(to) as string,
        toMasked: channel === 'sms' ? (maskPhone(to) ?? '****') : maskEmail(to),
        subject,
        body: text,
        params,
        urgent,
      })
      .onConflictDoNothing();
  };

  // Residents have no account: SMS only, and only for resident kinds.
  if (RESIDENT_KINDS.has(e.kind)) {
    for (const r of e.recipients) {
      if (r.type !== 'complainant' || !smsText) continue;
      const phone = await complainantPhone(tx, deps, r.complaintId);
      if (phone) await queue('sms', `resident:${r.complaintId}`, phone, smsText, null, e.urgent);
    }
    return [];
  }

  const people = new Map<string, Person>();
  for (const r of e.recipients) for (const p of await resolveUsers(tx, r)) people.set(p.id, p);
  if (e.actor_user_id) people.delete(e.actor_user_id); // the actor does not notify himself
  const ids = [...people.keys()];
  if (ids.length) {
    await tx
      .insert(messages)
      .values(ids.map((userId) => ({ userId, eventKey: key, eventId: e.id, kind: e.kind, title, body, link: e.link })))
      .onConflictDoNothing();
    const prefs = new Map(
      (await tx.select().from(notificationPreferences).where(and(inArray(notificationPreferences.userId, ids), eq(notificationPreferences.kind, e.kind)))).map((p) => [p.userId, p]),
    );
    const emails = new Map((await tx.select().from(userContacts).where(inArray(userContacts.userId, ids))).map((c) => [c.userId, c.email]));
    for (const p of people.values()) {
      const pref = prefs.get(p.id);
      const wantSms = pref ? pref.sms : t.smsDefault;
      const wantEmail = pref ? pref.email : t.emailDefault;
      if (wantSms && smsText && p.phone) await queue('sms', `user:${p.id}`, p.phone, smsText, null, e.urgent);
      const email = emails.get(p.id);
      if (wantEmail && email) await queue('email', `user:${p.id}`, email, `${body}\n\n${env.PLATFORM_NAME}`, title, e.urgent);
    }
  }

  // 联络员: urgent leads and overdue escalations reach each unit's liaison by SMS, whatever the preferences.
  const liaison = t.def.liaisonSms === 'always' || (t.def.liaisonSms === 'urgent' && e.urgent);
  if (liaison && smsText) {
    const unitIds = [...new Set(e.recipients.flatMap((r) => (r.type === 'unit' || r.type === 'unit_leaders' ? [r.orgUnitId] : [])))];
    if (unitIds.length) {
      const units = await tx.select({ id: orgUnits.id, phone: orgUnits.contactPhone }).from(orgUnits).where(inArray(orgUnits.id, unitIds));
      for (const u of units) if (u.phone) await queue('sms', `liaison:${u.id}`, u.phone, smsText, null, e.urgent);
    }
  }
  return ids;
}

export function maskEmail(email: string): string {
  const [name, domain] = email.split('@');
  if (!domain) return '***';
  return `${name.slice(0, 1)}***@${domain}`;
}
