import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { messageDeliveries, messageDeliveryAttempts, messageKindSettings, messages, notificationPreferences, residentSmsConsents, userContacts, users } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, notFound, validationFailed } from '../../http/errors.js';
import { limitOffset } from '../../http/pagination.js';
import { maskPhone } from '../../../core/masking.js';
import type { Env } from '../../env.js';
import { allowedVars, MESSAGE_KINDS, RESIDENT_KINDS, render, smsSegments, varsIn } from './kinds.js';
import { notifyChanged } from './messages.bus.js';
import { templatesOf } from './messages.fanout.js';
import type { ListMessagesQuery } from './messages.schemas.js';


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireUser(actor: Actor): string {
  if (!actor.userId) throw new AppError('UNAUTHENTICATED', 401, '请先登录');
  return actor.userId;
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(messages).where(and(eq(messages.userId, userId), isNull(messages.readAt)));
  return row?.n ?? 0;
}

/** The signed-in user's own messages, newest first. Nobody reads another person's messages. */
export async function listMessages(db: Db, actor: Actor, q: ListMessagesQuery) {
  const userId = requireUser(actor);
  const where: SQL[] = [eq(messages.userId, userId)];
  if (q.unread) where.push(isNull(messages.readAt));
  if (q.kind) where.push(eq(messages.kind, q.kind));
  const { limit, offset } = limitOffset(q);
  const [rows, [{ n }], unread] = await Promise.all([
    db
      .select({ id: messages.id, kind: messages.kind, title: messages.title, body: messages.body, link: messages.link, createdAt: messages.createdAt, readAt: messages.readAt })
      .from(messages)
      .where(and(...where))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(messages).where(and(...where)),
    unreadCount(db, userId),
  ]);
  return {
    items: rows.map((r) => ({ ...r, kindLabel: MESSAGE_KINDS[r.kind]?.label ?? r.kind })),
    total: n,
    unread,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Marks one of the user's messages read; another person's id is 404, as if it did not exist. */
export async function markRead(db: Db, actor: Actor, id: string) {
  const userId = requireUser(actor);
  if (!UUID.test(id)) throw notFound('消息');
  const [row] = await db.select({ id: messages.id, readAt: messages.readAt }).from(messages).where(and(eq(messages.id, id), eq(messages.userId, userId)));
  if (!row) throw notFound('消息');
  if (!row.readAt) await db.update(messages).set({ readAt: new Date() }).where(eq(messages.id, id));
  notifyChanged([userId]);
  return { ok: true, unread: await unreadCount(db, userId) };
}

export async function markAllRead(db: Db, actor: Actor) {
  const userId = requireUser(actor);
  const updated = await db
    .update(messages)
    .set({ readAt: new Date() })
    .where(and(eq(messages.userId, userId), isNull(messages.readAt)))
    .returning({ id: messages.id });
  notifyChanged([userId]);
  return { updated: updated.length };
}

/** Kinds a user can see in filters and preferences (resident-only kinds excluded). */
export function staffKinds() {
  return Object.entries(MESSAGE_KINDS)
    .filter(([k]) => !RESIDENT_KINDS.has(k))
    .map(([kind, def]) => ({ kind, label: def.label, hasSms: !!def.sms }));
}

export async function getPreferences(db: Db, actor: Actor) {
  const userId = requireUser(actor);
  const [prefs, settings, [contact], [me]] = await Promise.all([
    db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)),
    db.select().from(messageKindSettings),
    db.select().from(userContacts).where(eq(userContacts.userId, userId)),
    db.select({ phone: users.phone }).from(users).where(eq(users.id, userId)),
  ]);
  const mine = new Map(prefs.map((p) => [p.kind, p]));
  const admin = new Map(settings.map((s) => [s.kind, s]));
  const kinds: Record<string, { sms: boolean; email: boolean }> = {};
  const labels: Record<string, string> = {};
  for (const { kind, label } of staffKinds()) {
    const def = MESSAGE_KINDS[kind];
    const p = mine.get(kind);
    const s = admin.get(kind);
    kinds[kind] = p
      ? { sms: p.sms, email: p.email }
      : { sms: s?.smsDefault ?? def.defaults?.sms ?? false, email: s?.emailDefault ?? def.defaults?.email ?? false };
    labels[kind] = label;
  }
  return { kinds, labels, email: contact?.email ?? null, phone: maskPhone(me?.phone) };
}

export async function putPreferences(db: Db, actor: Actor, input: { kinds: Record<string, { sms: boolean; email: boolean }>; email?: string | null }) {
  const userId = requireUser(actor);
  const known = new Set(staffKinds().map((k) => k.kind));
  const unknown = Object.keys(input.kinds).filter((k) => !known.has(k));
  if (unknown.length) throw validationFailed({ kinds: `未知的消息类型：${unknown.join('、')}` });
  await db.transaction(async (tx) => {
    for (const [kind, c] of Object.entries(input.kinds)) {
      await tx
        .insert(notificationPreferences)
        .values({ userId, kind, sms: c.sms, email: c.email })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { sms: c.sms, email: c.email, updatedAt: new Date() } });
    }
    if (input.email !== undefined) {
      await tx
        .insert(userContacts)
        .values({ userId, email: input.email })
        .onConflictDoUpdate({ target: userContacts.userId, set: { email: input.email, updatedAt: new Date() } });
    }
    await recordAudit(tx, actor, { action: 'messages.preferences', entityType: 'user', entityId: userId, after: { kinds: input.kinds, email: input.email === undefined ? undefined : !!input.email } });
  });
  return getPreferences(db, actor);
}

// ── Administrator: the outbox and the templates ─────────────────────────────────────────────

export async function listOutbox(db: Db, q: { channel?: string; template?: string; status?: string; page: number; pageSize: number }) {
  const where: SQL[] = [];
  if (q.channel) where.push(eq(messageDeliveries.channel, q.channel));
  if (q.template) where.push(eq(messageDeliveries.template, q.template));
  if (q.status) where.push(eq(messageDeliveries.status, q.status));
  const cond = where.length ? and(...where) : undefined;
  const { limit, offset } = limitOffset(q);
  const rows = await db.select().from(messageDeliveries).where(cond).orderBy(desc(messageDeliveries.createdAt)).limit(limit).offset(offset);
  const [{ n }] = await db.select({ n: count() }).from(messageDeliveries).where(cond);
  const attempts = rows.length
    ? await db
        .select()
        .from(messageDeliveryAttempts)
        .where(
          inArray(
            messageDeliveryAttempts.deliveryId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(messageDeliveryAttempts.id)
    : [];
  return {
    // An explicit allowlist: the address leaves only masked.
    items: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      to: r.toMasked,
      template: r.template,
      subject: r.subject,
      body: r.body,
      status: r.status,
      attempts: r.attempts,
      provider: r.provider,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
      nextAttemptAt: r.nextAttemptAt,
      error: r.error,
      history: attempts.filter((a) => a.deliveryId === r.id).map((a) => ({ at: a.at, provider: a.provider, outcome: a.outcome, error: a.error })),
    })),
    total: n,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function templateView(db: Db, kind: string) {
  const t = await templatesOf(db, kind);
  if (!t) throw notFound('消息类型');
  const [s] = await db.select({ kind: messageKindSettings.kind }).from(messageKindSettings).where(eq(messageKindSettings.kind, kind));
  const sample = sampleVars(kind);
  const smsText = t.sms ? render(t.sms, sample) : '';
  return {
    kind,
    label: t.def.label,
    title: t.title,
    body: t.body,
    sms: t.sms,
    smsDefault: t.smsDefault,
    emailDefault: t.emailDefault,
    vars: allowedVars(kind),
    edited: !!s,
    smsLength: [...smsText].length,
    smsSegments: smsText ? smsSegments(smsText) : 0,
  };
}

export async function listTemplates(db: Db) {
  return Promise.all(Object.keys(MESSAGE_KINDS).map((k) => templateView(db, k)));
}

/** Sample values for the preview: the variable's name in brackets, except the common ones. */
function sampleVars(kind: string, env?: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of allowedVars(kind)) out[v] = v === 'trackingCode' ? 'TS2026000123' : v === 'code' ? 'WT-2026-0001' : `〈${v}〉`;
  out.platform = env?.PLATFORM_NAME ?? '物业整治平台';
  out.portal = env?.PORTAL_URL ?? 'http://localhost:3000/portal';
  return out;
}

/** Checks an edited template: only the kind's variables, an SMS of at most two segments. */
function checkTemplate(kind: string, input: { title: string; body: string; sms?: string | null }, env: Env) {
  const allowed = new Set(allowedVars(kind));
  const fields: Record<string, string> = {};
  for (const field of ['title', 'body', 'sms'] as const) {
    const unknown = varsIn(input[field]).filter((v) => !allowed.has(v));
    if (unknown.length) fields[field] = `未知变量：${unknown.map((v) => `{${v}}`).join('、')}；可用变量：${[...allowed].map((v) => `{${v}}`).join('、')}`;
  }
  if (input.sms && !fields.sms) {
    const text = render(input.sms, sampleVars(kind, env));
    if (smsSegments(text) > 2) fields.sms = `短信过长：按示例数据为 ${[...text].length} 个字，超过两条（134 字）`;
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
}

export async function previewTemplate(kind: string, input: { title: string; body: string; sms?: string | null }, env: Env) {
  if (!MESSAGE_KINDS[kind]) throw notFound('消息类型');
  checkTemplate(kind, input, env);
  const vars = sampleVars(kind, env);
  const sms = input.sms ? render(input.sms, vars) : null;
  return { title: render(input.title, vars), body: render(input.body, vars), sms, smsLength: sms ? [...sms].length : 0, smsSegments: sms ? smsSegments(sms) : 0 };
}

export async function putTemplate(db: Db, actor: Actor, env: Env, kind: string, input: { title: string; body: string; sms?: string | null; smsDefault?: boolean; emailDefault?: boolean }) {
  const def = MESSAGE_KINDS[kind];
  if (!def) throw notFound('消息类型');
  if (input.sms && !def.sms) throw validationFailed({ sms: '该类消息不发短信' });
  checkTemplate(kind, input, env);
  const values = {
    title: input.title,
    body: input.body,
    sms: def.sms ? (input.sms ?? null) : null,
    smsDefault: input.smsDefault ?? null,
    emailDefault: input.emailDefault ?? null,
    updatedBy: actor.userId,
    updatedAt: new Date(),
  };
  await db.transaction(async (tx) => {
    await tx.insert(messageKindSettings).values({ kind, ...values }).onConflictDoUpdate({ target: messageKindSettings.kind, set: values });
    await recordAudit(tx, actor, { action: 'messages.template', entityType: 'message_kind', entityId: kind, after: values });
  });
  return templateView(db, kind);
}

/** Back to the built-in texts and defaults. */
export async function resetTemplate(db: Db, actor: Actor, kind: string) {
  if (!MESSAGE_KINDS[kind]) throw notFound('消息类型');
  await db.transaction(async (tx) => {
    await tx.delete(messageKindSettings).where(eq(messageKindSettings.kind, kind));
    await recordAudit(tx, actor, { action: 'messages.template_reset', entityType: 'message_kind', entityId: kind });
  });
  return templateView(db, kind);
}

/** The resident consented on the portal to SMS about this lead (written in the submission's transaction). */
export async function recordSmsConsent(tx: Db, complaintId: string) {
  await tx.insert(residentSmsConsents).values({ complaintId }).onConflictDoNothing();
}
