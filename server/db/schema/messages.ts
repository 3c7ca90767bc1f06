import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * The messages outbox (issue 17). `publishMessage` writes ONE row here inside the caller's
 * transaction; a job fans it out to in-app messages and channel deliveries. A rolled-back change
 * leaves no row, a committed one stays until a job has processed it (processed_at).
 */
export const messageEvents = pgTable(
  'message_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    link: text('link').notNull(),
    recipients: jsonb('recipients').notNull(),
    vars: jsonb('vars').notNull().default({}),
    actorUserId: uuid('actor_user_id'),
    urgent: boolean('urgent').notNull().default(false),
    occurrence: text('occurrence').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    index('message_events_pending_idx').on(t.id).where(sql`${t.processedAt} IS NULL`),
    index('message_events_record_idx').on(t.recordId, t.kind, t.occurrence),
  ],
);

/** In-app messages (消息中心): one per event and user, never twice (unique event key + user). */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** kind|record|occurrence — the idempotency key of the event. */
    eventKey: text('event_key').notNull(),
    eventId: bigint('event_id', { mode: 'number' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('messages_event_user_uq').on(t.eventKey, t.userId), index('messages_user_created_idx').on(t.userId, t.createdAt)],
);

/**
 * SMS and e-mail deliveries (the outbox the administrator reads). One per event key, channel and
 * recipient address, never twice. The address is SM4-encrypted; only its mask is shown.
 */
export const messageDeliveries = pgTable(
  'message_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    eventId: bigint('event_id', { mode: 'number' }),
    channel: text('channel').notNull(),
    template: text('template').notNull(),
    toEnc: text('to_enc').notNull(),
    /** Keyed digest of the address: the daily cap counts per recipient without decrypting. */
    toBidx: text('to_bidx').notNull(),
    toMasked: text('to_masked').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** Provider template parameters (Alibaba/Tencent need an approved template plus variables). */
    params: jsonb('params').notNull().default({}),
    urgent: boolean('urgent').notNull().default(false),
    /** queued | sending | sent | failed | suppressed */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('message_deliveries_key_uq').on(t.idempotencyKey),
    index('message_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('message_deliveries_to_sent_idx').on(t.toBidx, t.sentAt),
  ],
);

/** Every delivery attempt, with the provider's answer (visible to the administrator). */
export const messageDeliveryAttempts = pgTable(
  'message_delivery_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => messageDeliveries.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    provider: text('provider').notNull(),
    outcome: text('outcome').notNull(),
    error: text('error'),
  },
  (t) => [index('message_delivery_attempts_delivery_idx').on(t.deliveryId)],
);

/** A user's channel choice per kind (in-app is always on). Absent row = the administrator's default. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    sms: boolean('sms').notNull(),
    email: boolean('email').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** The administrator's per-kind settings: channel defaults and edited template texts (null = built-in). */
export const messageKindSettings = pgTable('message_kind_settings', {
  kind: text('kind').primaryKey(),
  smsDefault: boolean('sms_default'),
  emailDefault: boolean('email_default'),
  title: text('title'),
  body: text('body'),
  sms: text('sms'),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A resident's consent to SMS about one lead (portal box, ticked by default when a phone is given). */
export const residentSmsConsents = pgTable('resident_sms_consents', {
  complaintId: uuid('complaint_id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/** Users' e-mail addresses for message delivery (kept apart from the users table). */
export const userContacts = pgTable('user_contacts', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  email: text('email'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
