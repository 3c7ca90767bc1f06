import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaignFocusItems, campaigns } from './campaigns.js';
import { orgUnits } from './org-units.js';
import { problems } from './problems.js';
import { regions } from './regions.js';
import { enterprises, projects } from './registry.js';
import { users } from './users.js';

/** 执法检查人员资格 register: only a certificate valid on the day lets a user be drawn or recorded as inspector. */
export const inspectorCertificates = pgTable(
  'inspector_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** 执法证号 */
    certificateNo: text('certificate_no').notNull(),
    /** The department (org unit) the certificate was issued for. */
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inspector_certificates_user_uq').on(t.userId),
    uniqueIndex('inspector_certificates_no_uq').on(t.certificateNo),
    check('inspector_certificates_dates_ck', sql`${t.validUntil} >= ${t.validFrom}`),
  ],
);

/** Declared conflicts of interest (回避): the inspector is never drawn for the company. */
export const inspectorConflicts = pgTable(
  'inspector_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspector_conflicts_uq').on(t.userId, t.enterpriseId)],
);

/**
 * 检查计划 (SPEC §8). A covert (暗访) plan is visible only to its staff (`staffUserIds`: the creator
 * and the assigned inspectors) and their supervisors — see inspections.policy.ts.
 */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    type: text('type').notNull(),
    mode: text('mode').notNull(),
    title: text('title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** Participating department types (housing, market, …). */
    departments: text('departments').array().notNull().default(sql`'{}'::text[]`),
    /** Checklist: focus items of the campaign (default: all of them). */
    focusItemIds: uuid('focus_item_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Target projects (for a dragnet: empty = every project in the region). */
    targetProjectIds: uuid('target_project_ids').array().notNull().default(sql`'{}'::uuid[]`),
    staffUserIds: uuid('staff_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** quarter | month | days30 | days90 — the repeat-visit window (core/inspections/window.ts). */
    repeatWindow: text('repeat_window').notNull().default('quarter'),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspection_plans_region_idx').on(t.regionId),
    index('inspection_plans_campaign_idx').on(t.campaignId),
    check('inspection_plans_type_ck', sql`${t.type} IN ('routine', 'special', 'complaint', 'dragnet', 'double_random', 'joint')`),
    check('inspection_plans_mode_ck', sql`${t.mode} IN ('announced', 'unannounced', 'covert')`),
    check('inspection_plans_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** 双随机 draw: seed, canonical inputs, algorithm version and result, so anyone can re-run it. */
export const inspectionDraws = pgTable(
  'inspection_draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    planId: uuid('plan_id').references(() => inspectionPlans.id),
    seed: text('seed').notNull(),
    algorithm: text('algorithm').notNull(),
    /** DrawInputs (core/inspections/draw.ts) in canonical order, plus the filters that produced them. */
    inputs: jsonb('inputs').notNull(),
    /** DrawTarget[] in draw order. */
    result: jsonb('result').notNull(),
    weighting: text('weighting').notNull().default('none'),
    published: boolean('published').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_draws_region_idx').on(t.regionId), index('inspection_draws_campaign_idx').on(t.campaignId)],
);

/** 检查记录: one visit (a joint visit carries several departments and is one shared record). */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    projectIds: uuid('project_ids').array().notNull(),
    planId: uuid('plan_id').references(() => inspectionPlans.id),
    drawId: uuid('draw_id').references(() => inspectionDraws.id),
    date: date('date', { mode: 'string' }).notNull(),
    mode: text('mode').notNull(),
    peopleDispatched: integer('people_dispatched').notNull(),
    inspectorIds: uuid('inspector_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Department types whose checklists the visit carried (joint inspection); each signs. */
    departments: text('departments').array().notNull().default(sql`'{}'::text[]`),
    signedDepartments: text('signed_departments').array().notNull().default(sql`'{}'::text[]`),
    /** 企业在场人员 */
    companyPresent: text('company_present'),
    repeatReason: text('repeat_reason'),
    /** Idempotency key of the phone draft: a resend returns the record already made. */
    clientKey: text('client_key'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspections_region_date_idx').on(t.regionId, t.date),
    index('inspections_enterprise_date_idx').on(t.enterpriseId, t.date),
    uniqueIndex('inspections_client_key_uq').on(t.createdBy, t.clientKey),
    check('inspections_mode_ck', sql`${t.mode} IN ('announced', 'unannounced', 'covert')`),
    check('inspections_people_ck', sql`${t.peopleDispatched} >= 1`),
  ],
);

/** A finding per checklist item per project; a problem finding opened a ledger problem. */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    focusItemId: uuid('focus_item_id')
      .notNull()
      .references(() => campaignFocusItems.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    result: text('result').notNull(),
    description: text('description'),
    photoIds: uuid('photo_ids').array().notNull().default(sql`'{}'::uuid[]`),
    problemId: uuid('problem_id').references(() => problems.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inspection_findings_uq').on(t.inspectionId, t.focusItemId, t.projectId),
    check('inspection_findings_result_ck', sql`${t.result} IN ('compliant', 'problem')`),
    check('inspection_findings_problem_ck', sql`${t.result} <> 'problem' OR ${t.description} IS NOT NULL`),
  ],
);
