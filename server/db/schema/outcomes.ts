import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units.js';
import { regions } from './regions.js';
import { files, projects } from './registry.js';
import { users } from './users.js';

/**
 * Outcome records (SPEC §12) that the monthly 附件2 form counts: practical deeds (为群众办实事,
 * row 14), 美好家园 model projects (row 13), law publicity events (普法, row 10 brochures) and
 * institutional outcomes (制度机制, summary phase). Each carries the region it counts under.
 */
export const practicalDeeds = pgTable(
  'practical_deeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The project's region (the deed counts where it was done). */
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    /** parking | charging | greening | stairwell | repair | other (core/reports/outcomes.ts). */
    type: text('type').notNull(),
    description: text('description').notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    photoFileIds: uuid('photo_file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('practical_deeds_region_date_idx').on(t.regionId, t.doneOn),
    check('practical_deeds_type_ck', sql`${t.type} IN ('parking', 'charging', 'greening', 'stairwell', 'repair', 'other')`),
  ],
);

/** 城市选树"美好家园"项目: one selection of a project, with the reasons. */
export const modelProjects = pgTable(
  'model_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    reasons: text('reasons').notNull(),
    selectedOn: date('selected_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('model_projects_region_date_idx').on(t.regionId, t.selectedOn)],
);

/** 普法宣传活动 (谁执法谁普法: the department that held it). */
export const publicityEvents = pgTable(
  'publicity_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    place: text('place'),
    /** 发放政策法规宣传册数（份）— 附件2 row 10. */
    brochures: integer('brochures').notNull().default(0),
    audience: integer('audience'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('publicity_events_region_date_idx').on(t.regionId, t.heldOn),
    check('publicity_events_brochures_ck', sql`${t.brochures} >= 0`),
    check('publicity_events_audience_ck', sql`${t.audience} IS NULL OR ${t.audience} >= 0`),
  ],
);

/** 制度机制成果 (summary phase): a rule or mechanism adopted, with its document. */
export const institutionalOutcomes = pgTable(
  'institutional_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    title: text('title').notNull(),
    adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
    documentFileId: uuid('document_file_id').references(() => files.id),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('institutional_outcomes_region_date_idx').on(t.regionId, t.adoptedOn)],
);
