import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { complaints } from './complaints.js';
import { orgUnits } from './org-units.js';
import { problems } from './problems.js';
import { regions } from './regions.js';
import { enterprises, projects } from './registry.js';
import { users } from './users.js';

/**
 * Enforcement actions and their documents (SPEC §10). The document number comes from
 * `document_sequences`: one row per issuing org unit and year, incremented with
 * INSERT … ON CONFLICT DO UPDATE … RETURNING inside the transaction that inserts the action, so
 * the row stays locked until commit — numbers are gapless, never reused, never duplicated.
 */
export const documentSequences = pgTable(
  'document_sequences',
  {
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgUnitId, t.year], name: 'document_sequences_pk' }), check('document_sequences_value_ck', sql`${t.lastValue} >= 1`)],
);

export const enforcementActions = pgTable(
  'enforcement_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** core/enforcement ENFORCEMENT_TYPES. */
    type: text('type').notNull(),
    issuingOrgUnitId: uuid('issuing_org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    documentNumber: text('document_number').notNull(),
    /** The enterprise's region: the jurisdiction of the record. */
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    projectId: uuid('project_id').references(() => projects.id),
    complaintId: uuid('complaint_id').references(() => complaints.id),
    problemId: uuid('problem_id').references(() => problems.id),
    /** Date of the act (决定/通知日期); the legal basis must be in force on it. */
    actionDate: date('action_date', { mode: 'string' }).notNull(),
    facts: text('facts').notNull(),
    legalBasisIds: integer('legal_basis_ids').array().notNull().default(sql`'{}'::integer[]`),
    /** Snapshot of the cited provisions as printed: [{ id, citation, actTitle, article, summary }]. */
    legalBasis: jsonb('legal_basis').notNull().default(sql`'[]'::jsonb`),
    amount: numeric('amount', { precision: 16, scale: 2, mode: 'number' }),
    deadlineDays: integer('deadline_days'),
    /** actionDate + deadlineDays working days. */
    deadline: date('deadline', { mode: 'string' }),
    /** Penalty decisions: actionDate + 7 working days (双公示). */
    publicationDueOn: date('publication_due_on', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    creditEventId: uuid('credit_event_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_actions_number_uq').on(t.documentNumber),
    uniqueIndex('enforcement_actions_seq_uq').on(t.issuingOrgUnitId, t.year, t.seq),
    index('enforcement_actions_region_date_idx').on(t.regionId, t.actionDate),
    index('enforcement_actions_enterprise_idx').on(t.enterpriseId, t.actionDate),
    index('enforcement_actions_type_idx').on(t.type, t.actionDate),
    index('enforcement_actions_problem_idx').on(t.problemId),
    index('enforcement_actions_complaint_idx').on(t.complaintId),
    index('enforcement_actions_publication_idx').on(t.publicationDueOn).where(sql`${t.publishedAt} IS NULL AND ${t.publicationDueOn} IS NOT NULL`),
    /** The public 行政处罚公示 list: published decisions, newest first. */
    index('enforcement_actions_published_idx').on(t.publishedAt).where(sql`${t.publishedAt} IS NOT NULL`),
    check(
      'enforcement_actions_type_ck',
      sql`${t.type} IN ('interview', 'rectification_order', 'warning_letter', 'warning', 'fine', 'confiscation', 'police_penalty', 'criminal_referral')`,
    ),
    check('enforcement_actions_amount_ck', sql`${t.amount} IS NULL OR ${t.amount} > 0`),
  ],
);
