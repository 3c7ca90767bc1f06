import { doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { complaints } from './complaints.js';
import { regions } from './regions.js';
import { importJobs } from './registry.js';

/**
 * Intake channels of complaints (SPEC §5 "Channels", "Interchange"): the portal's spent
 * bot-check challenges, Open311 API keys and request extras, and the upstream data of 12345
 * work orders. The leads themselves are in complaints.
 */

/** Proof-of-work challenges already used (single use); rows past expiry are purged on insert. */
export const intakeBotChallenges = pgTable(
  'intake_bot_challenges',
  {
    /** The ALTCHA challenge: hex SHA-256(salt + secret number), unique per issued challenge. */
    challengeId: text('challenge_id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('intake_bot_challenges_expires_idx').on(t.expiresAt)],
);

/** Open311 clients. Only a SHA-256 of the key is stored; leads posted with it land in `regionId`. */
export const open311ApiKeys = pgTable(
  'open311_api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('open311_api_keys_hash_uq').on(t.keyHash), uniqueIndex('open311_api_keys_name_uq').on(t.name)],
);

/** What an Open311 request carried beyond the lead itself (location, e-mail, media). */
export const open311Requests = pgTable(
  'open311_requests',
  {
    complaintId: uuid('complaint_id')
      .primaryKey()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => open311ApiKeys.id),
    lat: doublePrecision('lat'),
    long: doublePrecision('long'),
    /** FieldCipher ciphertext. */
    emailEnc: text('email_enc'),
    mediaUrl: text('media_url'),
    deviceId: text('device_id'),
    accountId: text('account_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('open311_requests_key_idx').on(t.apiKeyId, t.createdAt)],
);

/** The upstream 12345 work order of a lead imported from an export (refreshed by re-imports). */
export const hotlineOrders = pgTable(
  'hotline_orders',
  {
    complaintId: uuid('complaint_id')
      .primaryKey()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    externalRef: text('external_ref').notNull(),
    source: text('source'),
    cityRef: text('city_ref'),
    subject: text('subject'),
    handlingUnit: text('handling_unit'),
    majorCategory: text('major_category'),
    minorCategory: text('minor_category'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    promisedAt: timestamp('promised_at', { withTimezone: true }),
    upstreamStatus: text('upstream_status'),
    lastImportId: uuid('last_import_id').references(() => importJobs.id),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('hotline_orders_external_ref_uq').on(t.externalRef)],
);
