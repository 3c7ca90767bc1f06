import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaignFocusItems, campaigns } from './campaigns.js';
import { problems } from './problems.js';
import { regions } from './regions.js';
import { enterprises, projects } from './registry.js';
import { users } from './users.js';

/**
 * 专项整治自查表 (附件1, SPEC §7): one form per project and campaign. Lifecycle:
 * draft → confirmed (the company's named confirmation stands in for the seal) → filed (备案 with the
 * district housing department) → accepted | returned; a returned form is corrected (draft) and filed
 * again. Every filing is kept in self_inspection_versions.
 */
export const selfInspections = pgTable(
  'self_inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    /** draft | confirmed | filed | accepted | returned */
    status: text('status').notNull().default('draft'),
    /** 填报日期 */
    reportDate: date('report_date', { mode: 'string' }).notNull(),
    /** Number of filings so far (the current filing's version). */
    version: integer('version').notNull().default(0),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedByName: text('confirmed_by_name'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('self_inspections_campaign_project_uq').on(t.campaignId, t.projectId),
    index('self_inspections_region_status_idx').on(t.regionId, t.status),
    index('self_inspections_enterprise_idx').on(t.enterpriseId),
    check('self_inspections_status_ck', sql`${t.status} IN ('draft', 'confirmed', 'filed', 'accepted', 'returned')`),
    check('self_inspections_confirmed_ck', sql`${t.status} = 'draft' OR ${t.confirmedAt} IS NOT NULL`),
  ],
);

/** One row per focus item of the campaign; `problem` null = 无 (nothing found). */
export const selfInspectionItems = pgTable(
  'self_inspection_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    selfInspectionId: uuid('self_inspection_id')
      .notNull()
      .references(() => selfInspections.id, { onDelete: 'cascade' }),
    focusItemId: uuid('focus_item_id')
      .notNull()
      .references(() => campaignFocusItems.id),
    seq: integer('seq').notNull(),
    problem: text('problem'),
    responsiblePerson: text('responsible_person'),
    contact: text('contact'),
    deadline: date('deadline', { mode: 'string' }),
    /** The ledger problem opened on acceptance. */
    problemId: uuid('problem_id').references(() => problems.id),
  },
  (t) => [
    uniqueIndex('self_inspection_items_uq').on(t.selfInspectionId, t.focusItemId),
    check('self_inspection_items_problem_ck', sql`${t.problem} IS NULL OR (${t.responsiblePerson} IS NOT NULL AND ${t.contact} IS NOT NULL AND ${t.deadline} IS NOT NULL)`),
  ],
);

/** Every filing as filed (items snapshot) and what the district decided on it. */
export const selfInspectionVersions = pgTable(
  'self_inspection_versions',
  {
    selfInspectionId: uuid('self_inspection_id')
      .notNull()
      .references(() => selfInspections.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    reportDate: date('report_date', { mode: 'string' }).notNull(),
    items: jsonb('items').notNull(),
    confirmedByName: text('confirmed_by_name').notNull(),
    filedBy: uuid('filed_by').references(() => users.id),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
    /** accepted | returned | null while pending */
    outcome: text('outcome'),
    returnReason: text('return_reason'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.selfInspectionId, t.version], name: 'self_inspection_versions_pk' }),
    check('self_inspection_versions_outcome_ck', sql`${t.outcome} IS NULL OR ${t.outcome} IN ('accepted', 'returned')`),
  ],
);

/** A cross-check flag the district confirmed as a false self-inspection (虚假自查), with its credit event. */
export const selfInspectionFlagDecisions = pgTable(
  'self_inspection_flag_decisions',
  {
    selfInspectionId: uuid('self_inspection_id')
      .notNull()
      .references(() => selfInspections.id, { onDelete: 'cascade' }),
    focusItemId: uuid('focus_item_id')
      .notNull()
      .references(() => campaignFocusItems.id),
    note: text('note'),
    creditEventId: uuid('credit_event_id'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByName: text('decided_by_name').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.selfInspectionId, t.focusItemId], name: 'self_inspection_flag_decisions_pk' })],
);
