import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';
import { enterprises } from './registry.js';
import { users } from './users.js';

/**
 * Enterprise credit (SPEC §11): the scoring rule (one current row, edited with credit:manage),
 * credit events with their objection (异议) state, and blacklist entries with credit repair and
 * the company's objections and repair applications. Events snapshot their points and validity
 * from the rule in force when recorded.
 */
export const creditRules = pgTable('credit_rules', {
  /** Always 'current'; one rule per installation. */
  id: text('id').primaryKey(),
  base: integer('base').notNull(),
  /** { <event type>: { points, validityMonths } } (core/credit CreditRule.items). */
  items: jsonb('items').notNull(),
  /** [{ grade, minScore }] highest first; below all → C. */
  grades: jsonb('grades').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const creditEvents = pgTable(
  'credit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** The enterprise's region when recorded; the jurisdiction of the record. */
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    /** core/credit CREDIT_EVENT_TYPES. */
    type: text('type').notNull(),
    points: integer('points').notNull(),
    reason: text('reason').notNull(),
    /** 'enforcement_action' | 'problem' | 'manual' … and the id of that record. */
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** none | pending | upheld (event annulled) | rejected. */
    objectionStatus: text('objection_status').notNull().default('none'),
    objectionReason: text('objection_reason'),
    objectionBy: uuid('objection_by').references(() => users.id),
    objectionAt: timestamp('objection_at', { withTimezone: true }),
    objectionDecisionNote: text('objection_decision_note'),
    objectionDecidedBy: uuid('objection_decided_by').references(() => users.id),
    objectionDecidedAt: timestamp('objection_decided_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('credit_events_enterprise_idx').on(t.enterpriseId, t.occurredOn),
    index('credit_events_region_idx').on(t.regionId, t.occurredOn),
    index('credit_events_occurred_idx').on(t.occurredOn),
    index('credit_events_source_idx').on(t.sourceType, t.sourceId),
    check('credit_events_objection_ck', sql`${t.objectionStatus} IN ('none', 'pending', 'upheld', 'rejected')`),
    check('credit_events_validity_ck', sql`${t.validUntil} >= ${t.occurredOn}`),
  ],
);

export const blacklistEntries = pgTable(
  'blacklist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    reason: text('reason').notNull(),
    listedFrom: date('listed_from', { mode: 'string' }).notNull(),
    /** Null = until repaired. */
    listedUntil: date('listed_until', { mode: 'string' }),
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** 信用修复: the entry stops counting from this moment. */
    repairedAt: timestamp('repaired_at', { withTimezone: true }),
    repairedBy: uuid('repaired_by').references(() => users.id),
    repairNote: text('repair_note'),
    /** 异议成立: the listing was wrong; the entry is annulled (never counted again). Details on the objection. */
    annulledAt: timestamp('annulled_at', { withTimezone: true }),
  },
  (t) => [
    index('blacklist_entries_enterprise_idx').on(t.enterpriseId, t.listedFrom),
    index('blacklist_entries_region_idx').on(t.regionId),
    check('blacklist_entries_period_ck', sql`${t.listedUntil} IS NULL OR ${t.listedUntil} >= ${t.listedFrom}`),
  ],
);

/**
 * The listed company's requests on one of its blacklist entries: 异议 (`objection`: the listing is
 * wrong; upheld annuls the entry) or 信用修复申请 (`repair`: commitment and rectification; granted
 * through the repair of the entry). At most one pending request per entry.
 */
export const blacklistApplications = pgTable(
  'blacklist_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    blacklistEntryId: uuid('blacklist_entry_id')
      .notNull()
      .references(() => blacklistEntries.id),
    /** objection | repair */
    kind: text('kind').notNull(),
    /** objection: pending | upheld | rejected; repair: pending | granted | refused. */
    status: text('status').notNull().default('pending'),
    /** Objection: 异议理由. */
    reason: text('reason'),
    /** Repair: 信用承诺 and 整改情况. */
    commitment: text('commitment'),
    rectificationSummary: text('rectification_summary'),
    /** Files uploaded to the entry (files.entity_type 'blacklist_entry'). */
    fileIds: uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('blacklist_applications_entry_idx').on(t.blacklistEntryId, t.submittedAt),
    uniqueIndex('blacklist_applications_one_pending_uq').on(t.blacklistEntryId).where(sql`${t.status} = 'pending'`),
    check(
      'blacklist_applications_status_ck',
      sql`(${t.kind} = 'objection' AND ${t.status} IN ('pending', 'upheld', 'rejected') AND ${t.reason} IS NOT NULL)
        OR (${t.kind} = 'repair' AND ${t.status} IN ('pending', 'granted', 'refused') AND ${t.commitment} IS NOT NULL AND ${t.rectificationSummary} IS NOT NULL)`,
    ),
  ],
);
