import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units.js';
import { regions } from './regions.js';
import { users } from './users.js';

/**
 * A campaign (专项行动, SPEC §4) is created at a region and applies to its subtree. A lower level's
 * implementation plan (实施方案) points at the higher level's campaign through parentCampaignId
 * (S3, the East Lake district plan, sits under the Wuhan city plan).
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    parentCampaignId: uuid('parent_campaign_id').references((): AnyPgColumn => campaigns.id),
    /** The template it was created from ('east-lake-2021'), if any. */
    templateId: text('template_id'),
    title: text('title').notNull(),
    /** 文号, e.g. 东湖管〔2021〕xx号; S3 prints none. */
    documentNumber: text('document_number'),
    issuingUnit: text('issuing_unit').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** draft | active | closed */
    status: text('status').notNull().default('draft'),
    /** 工作目标 / 工作原则 as the plan states them. */
    objective: text('objective'),
    /** Monthly report due before this day of the following month (S3 §四(四): 每月1日前 → 1). */
    monthlyReportDueDay: integer('monthly_report_due_day'),
    monthlyReportRule: text('monthly_report_rule'),
    /** 拉网式执法检查: every enterprise in the jurisdiction inspected by this date (S0 §三). */
    dragnetDeadline: date('dragnet_deadline', { mode: 'string' }),
    dragnetDescription: text('dragnet_description'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_region_idx').on(t.regionId, t.status),
    index('campaigns_parent_idx').on(t.parentCampaignId),
    check('campaigns_status_ck', sql`${t.status} IN ('draft', 'active', 'closed')`),
    check('campaigns_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    check('campaigns_report_day_ck', sql`${t.monthlyReportDueDay} IS NULL OR ${t.monthlyReportDueDay} BETWEEN 1 AND 28`),
  ],
);

/** Phases with dates (S3 §三). A phase may have no start date ("9月7日前"). */
export const campaignPhases = pgTable(
  'campaign_phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    description: text('description'),
  },
  (t) => [
    uniqueIndex('campaign_phases_seq_uq').on(t.campaignId, t.seq),
    check('campaign_phases_dates_ck', sql`${t.startsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** Tasks due in a phase; completion is recorded per region in campaign_task_progress. */
export const campaignTasks = pgTable(
  'campaign_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => campaignPhases.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** Defaults to the phase's end date when not set. */
    dueOn: date('due_on', { mode: 'string' }),
    responsibleDepartmentType: text('responsible_department_type'),
    responsibleOrgUnitId: uuid('responsible_org_unit_id').references(() => orgUnits.id),
    /** Who the plan names, in its words: 区物业协会, 各有关单位、部门. */
    responsibleNote: text('responsible_note'),
    /** A quantity each region must reach (为群众办实事: at least 1). */
    targetCount: integer('target_count'),
  },
  (t) => [index('campaign_tasks_phase_idx').on(t.phaseId, t.seq), index('campaign_tasks_campaign_idx').on(t.campaignId)],
);

export const campaignTaskProgress = pgTable(
  'campaign_task_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => campaignTasks.id, { onDelete: 'cascade' }),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    /** pending | done */
    status: text('status').notNull().default('pending'),
    doneOn: date('done_on', { mode: 'string' }),
    quantity: integer('quantity'),
    note: text('note'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_task_progress_uq').on(t.taskId, t.regionId),
    index('campaign_task_progress_region_idx').on(t.regionId),
    check('campaign_task_progress_status_ck', sql`${t.status} IN ('pending', 'done')`),
    check('campaign_task_progress_done_ck', sql`${t.status} <> 'done' OR ${t.doneOn} IS NOT NULL`),
  ],
);

/** 整治重点 (S3 §二 1–6), editable per campaign, each with its legal basis and responsibility. */
export const campaignFocusItems = pgTable(
  'campaign_focus_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** The focus category number (1–6 in S3); complaints and problems are classified by it. */
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    /** The plan's own wording. */
    description: text('description').notNull(),
    /** The wording of the self-inspection form (附件1) where it differs from the plan's. */
    checklistText: text('checklist_text'),
    legalProvisionIds: integer('legal_provision_ids').array().notNull().default(sql`'{}'::integer[]`),
    /** A department type, or 'none'. */
    leadDepartmentType: text('lead_department_type').notNull(),
    coDepartmentTypes: text('co_department_types').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [uniqueIndex('campaign_focus_items_seq_uq').on(t.campaignId, t.seq)],
);

/**
 * The responsibility matrix (SPEC §5) as ordered, editable rules: the first matching rule names
 * the lead department type ('none' = not dispatched to a campaign department) and co-departments.
 */
export const campaignResponsibilityRules = pgTable(
  'campaign_responsibility_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    priority: integer('priority').notNull(),
    /** violence_or_threat | credit_request | owners_committee_wrongdoing | category | other */
    conditionKind: text('condition_kind').notNull(),
    category: integer('category'),
    /** Narrows the condition: 'price_disclosure' for category 5; 'service_quality' etc. for other. */
    subCondition: text('sub_condition'),
    leadDepartmentType: text('lead_department_type').notNull(),
    coDepartmentTypes: text('co_department_types').array().notNull().default(sql`'{}'::text[]`),
    description: text('description'),
    enabled: boolean('enabled').notNull().default(true),
  },
  (t) => [uniqueIndex('campaign_rules_priority_uq').on(t.campaignId, t.priority)],
);

/** Participating units with their responsible leader and contact (S3 §四(一) and its contact list). */
export const campaignUnits = pgTable(
  'campaign_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** The unit in the organisation tree; null when the plan names a unit not yet registered. */
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    departmentType: text('department_type'),
    unitName: text('unit_name').notNull(),
    /** lead | member */
    role: text('role').notNull().default('member'),
    duties: text('duties'),
    responsibleLeader: text('responsible_leader'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('campaign_units_org_unit_uq').on(t.campaignId, t.orgUnitId),
    check('campaign_units_role_ck', sql`${t.role} IN ('lead', 'member')`),
  ],
);

/** Other dated obligations of a campaign (self-inspection filing, commitments, summary report …). */
export const campaignDeadlines = pgTable(
  'campaign_deadlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
  },
  (t) => [index('campaign_deadlines_campaign_idx').on(t.campaignId, t.dueOn)],
);
