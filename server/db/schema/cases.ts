import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';
import { enterprises, projects } from './registry.js';
import { users } from './users.js';

/**
 * Typical cases (典型案例, SPEC §12): drafted from a closed complaint, problem or enforcement
 * action, redacted automatically (core/redaction) and checked by a person, approved by someone
 * other than the drafter (case:approve), then published on the portal. The stored texts are the
 * redacted ones; `redactionFindings` keeps what was replaced (staff only, never public).
 */
export const typicalCases = pgTable(
  'typical_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    /** 'complaint' | 'problem' | 'enforcement_action'. */
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    projectId: uuid('project_id').references(() => projects.id),
    title: text('title').notNull(),
    basicSituation: text('basic_situation').notNull(),
    illegalFacts: text('illegal_facts').notNull(),
    penaltyBasis: text('penalty_basis').notNull(),
    handlingResult: text('handling_result').notNull(),
    /** [{ field, kind, original, replacement }] from the last automatic redaction. */
    redactionFindings: jsonb('redaction_findings').notNull().default(sql`'[]'::jsonb`),
    redactionChecked: boolean('redaction_checked').notNull().default(false),
    redactionCheckedBy: uuid('redaction_checked_by').references(() => users.id),
    redactionCheckedAt: timestamp('redaction_checked_at', { withTimezone: true }),
    /** draft | pending_approval | approved | published */
    status: text('status').notNull().default('draft'),
    draftedBy: uuid('drafted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    returnNote: text('return_note'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('typical_cases_region_status_idx').on(t.regionId, t.status),
    index('typical_cases_published_idx').on(t.publishedAt).where(sql`${t.status} = 'published'`),
    index('typical_cases_source_idx').on(t.sourceType, t.sourceId),
    check('typical_cases_status_ck', sql`${t.status} IN ('draft', 'pending_approval', 'approved', 'published')`),
    check('typical_cases_source_ck', sql`${t.sourceType} IN ('complaint', 'problem', 'enforcement_action')`),
  ],
);
