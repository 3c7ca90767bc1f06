import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';
import { users } from './users.js';

/**
 * Reports (SPEC §13). One `monthly_reports` row per (region, month) carries the workflow state;
 * every submission freezes the computed figures into a new `report_versions` row (append-only),
 * so an accepted report never changes when later records arrive. 通报 issued versions are
 * kept the same way (kind 'notification').
 */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    /** 'YYYY-MM' */
    month: text('month').notNull(),
    /** draft | submitted | returned | accepted (core/reports/workflow.ts). */
    status: text('status').notNull().default('draft'),
    /** Latest frozen version number (0 = never submitted). */
    version: integer('version').notNull().default(0),
    typicalCases: text('typical_cases').notNull().default(''),
    experience: text('experience').notNull().default(''),
    /** 汇总人 / 联系方式 printed on the form. */
    compiler: text('compiler'),
    contactPhone: text('contact_phone'),
    dueOn: text('due_on'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewComment: text('review_comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monthly_reports_region_month_uq').on(t.regionId, t.month),
    index('monthly_reports_month_idx').on(t.month, t.status),
    check('monthly_reports_status_ck', sql`${t.status} IN ('draft', 'submitted', 'returned', 'accepted')`),
  ],
);

/** Frozen snapshots: every submission of a monthly report, every issued 通报. Append-only. */
export const reportVersions = pgTable(
  'report_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** monthly | notification */
    kind: text('kind').notNull(),
    /** monthly_reports.id, or the notification's own id. */
    reportId: uuid('report_id').notNull(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    version: integer('version').notNull(),
    /** The status the version was taken in (submitted, accepted, issued). */
    status: text('status').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    comment: text('comment'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_versions_uq').on(t.kind, t.reportId, t.version)],
);

/** 通报: a drafted/issued progress notification; issued ones are numbered and frozen. */
export const notifications = pgTable(
  'report_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    title: text('title').notNull(),
    /** draft | issued */
    status: text('status').notNull().default('draft'),
    year: integer('year'),
    seq: integer('seq'),
    documentNumber: text('document_number'),
    /** Published on the portal as a campaign announcement. */
    isPublic: boolean('is_public').notNull().default(false),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_notifications_region_idx').on(t.regionId, t.status)],
);

/** Assessment configuration (法治建设绩效考核): indicators, weights, minimum volumes, per region. */
export const assessmentConfigs = pgTable('assessment_configs', {
  regionId: integer('region_id')
    .primaryKey()
    .references(() => regions.id),
  /** [{ key, weight, minVolume? }] — keys from core/reports/assessment.ts. */
  indicators: jsonb('indicators').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
