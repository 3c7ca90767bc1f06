import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { orgUnits } from './org-units.js';
import { problems } from './problems.js';
import { regions } from './regions.js';
import { enterprises, projects } from './registry.js';
import { users } from './users.js';

/**
 * Complaints and leads (问题线索 / 投诉举报, SPEC §5). One row per lead from any channel; its whole
 * history is in complaint_events (the timeline). The complainant's name and phone are stored only
 * as FieldCipher ciphertext (SM4-GCM) plus a blind index of the phone for duplicate lookup.
 * States: core/complaints/state-machine.ts. Deadlines: core/complaints/sla.ts.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Public tracking code (10 chars, unambiguous upper-case base32), unguessable. */
    trackingCode: text('tracking_code').notNull(),
    channel: text('channel').notNull(),
    /** Upstream order number (12345 办件编号, Open311 id); unique per channel when set. */
    externalRef: text('external_ref'),
    description: text('description').notNull(),
    address: text('address'),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    projectId: uuid('project_id').references(() => projects.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    contactNameEnc: text('contact_name_enc'),
    contactPhoneEnc: text('contact_phone_enc'),
    contactPhoneBidx: text('contact_phone_bidx'),
    anonymous: boolean('anonymous').notNull().default(false),
    confidential: boolean('confidential').notNull().default(false),
    /** Focus category 1–6 (S3 §二), 0 = none of the six. */
    category: integer('category').notNull().default(0),
    /** A department type or 'none' (answered or referred, not dispatched to a campaign department). */
    leadDepartment: text('lead_department').notNull().default('none'),
    coDepartments: text('co_departments').array().notNull().default(sql`'{}'::text[]`),
    urgent: boolean('urgent').notNull().default(false),
    /** The triage engine's proposal with its cues, kept even after a person corrected it. */
    triage: jsonb('triage').notNull(),
    /** Version of the triage model that proposed (core/triage/triage-model.json.gz), null before issue 12. */
    triageModelVersion: text('triage_model_version'),
    /** The model's confidence was below its threshold: a person confirms before the lead is routed. */
    triageNeedsHuman: boolean('triage_needs_human').notNull().default(false),
    triageCorrectedBy: uuid('triage_corrected_by').references(() => users.id),
    triageCorrectedAt: timestamp('triage_corrected_at', { withTimezone: true }),
    /** 人工确认: who stood behind the classification (confirmed as proposed, corrected, or dispatched with it); null = 待人工确认. */
    triageConfirmedBy: uuid('triage_confirmed_by').references(() => users.id),
    triageConfirmedAt: timestamp('triage_confirmed_at', { withTimezone: true }),
    status: text('status').notNull().default('received'),
    leadOrgUnitId: uuid('lead_org_unit_id').references(() => orgUnits.id),
    coOrgUnitIds: uuid('co_org_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    returnCount: integer('return_count').notNull().default(0),
    /** 终审派单: set when the coordinator dispatches after the return cap; no more returns. */
    finalAssignment: boolean('final_assignment').notNull().default(false),
    /** The clock starts at the first dispatch; re-dispatch after a return keeps it. */
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signDueAt: timestamp('sign_due_at', { withTimezone: true }),
    /** Urgent leads only: findings must be recorded by then (act within 24 hours). */
    actDueAt: timestamp('act_due_at', { withTimezone: true }),
    /** Reply to the complainant due (办结时限), moved by approved extensions. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    followUpDueAt: timestamp('follow_up_due_at', { withTimezone: true }),
    /** The deadline that applies in the current state, and when it becomes "due soon" (maintained by the service). */
    currentDueKind: text('current_due_kind'),
    currentDueAt: timestamp('current_due_at', { withTimezone: true }),
    currentDueSoonAt: timestamp('current_due_soon_at', { withTimezone: true }),
    /**
     * What the working-day deadlines were computed from ({sign|due|followUp: {from, days}}), so they
     * can be recomputed when a year's official arrangement is entered (core/complaints/sla.ts).
     */
    deadlineBasis: jsonb('deadline_basis').$type<{ sign?: { from: string; days: number }; due?: { from: string; days: number }; followUp?: { from: string; days: number } }>(),
    /** A working-day deadline in force was computed on the provisional calendar (暂定, no official arrangement for a year it crosses). */
    deadlinesProvisional: boolean('deadlines_provisional').notNull().default(false),
    /** 挂牌督办 */
    supervised: boolean('supervised').notNull().default(false),
    supervisionDeadline: date('supervision_deadline', { mode: 'string' }),
    supervisionNote: text('supervision_note'),
    supervisedBy: uuid('supervised_by').references(() => users.id),
    supervisedAt: timestamp('supervised_at', { withTimezone: true }),
    /** substantiated | partly_substantiated | unsubstantiated */
    finding: text('finding'),
    /** resolved_on_site | rectification_ordered | penalty_case | referred | not_substantiated */
    outcome: text('outcome'),
    findingDetails: text('finding_details'),
    rectificationDeadline: date('rectification_deadline', { mode: 'string' }),
    referredTo: text('referred_to'),
    /** Ledger problem opened for a rectification order (problems table, issue 5). */
    problemId: uuid('problem_id').references((): AnyPgColumn => problems.id),
    replyText: text('reply_text'),
    replyDraftedBy: uuid('reply_drafted_by').references(() => users.id),
    replyDraftedAt: timestamp('reply_drafted_at', { withTimezone: true }),
    replyApprovedBy: uuid('reply_approved_by').references(() => users.id),
    replyApprovedAt: timestamp('reply_approved_at', { withTimezone: true }),
    /** satisfied | basically_satisfied | dissatisfied | unreachable (of the current reply) */
    satisfaction: text('satisfaction'),
    followUpNote: text('follow_up_note'),
    followedUpAt: timestamp('followed_up_at', { withTimezone: true }),
    /** Null when the resident rated on the tracking page. */
    followedUpBy: uuid('followed_up_by').references(() => users.id),
    reworkCount: integer('rework_count').notNull().default(0),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => complaints.id),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('complaints_tracking_code_uq').on(t.trackingCode),
    uniqueIndex('complaints_external_ref_uq').on(t.channel, t.externalRef).where(sql`${t.externalRef} IS NOT NULL`),
    index('complaints_region_status_idx').on(t.regionId, t.status),
    index('complaints_status_due_idx').on(t.status, t.currentDueAt),
    index('complaints_due_idx').on(t.dueAt),
    index('complaints_lead_unit_idx').on(t.leadOrgUnitId, t.status),
    index('complaints_project_idx').on(t.projectId, t.category, t.receivedAt),
    index('complaints_enterprise_idx').on(t.enterpriseId, t.receivedAt),
    index('complaints_received_idx').on(t.receivedAt),
    /**
     * A region's leads received since a time (the dashboard's 90-day hot spots, per region of the
     * subtree): was a bitmap AND of the region index with 200,000 entries of `complaints_received_idx`
     * per region (2M leads, district: 1,826 ms → 54 ms).
     */
    index('complaints_region_received_idx').on(t.regionId, t.receivedAt),
    /**
     * The 附件2 row 11 (leads received in a month, China date) for a region subtree: a range of China
     * dates, answered from the index alone (bench/scale.ts: province month window 77 ms → 4.5 ms at 100k leads).
     */
    index('complaints_cn_day_region_idx').on(sql`((${t.receivedAt} AT TIME ZONE 'Asia/Shanghai')::date)`, t.regionId, t.status),
    index('complaints_phone_bidx_idx').on(t.contactPhoneBidx),
    index('complaints_merged_into_idx').on(t.mergedIntoId),
    /** The re-call sample draws from closed leads by closing date. */
    index('complaints_status_closed_idx').on(t.status, t.closedAt),
    /**
     * The dashboard's satisfaction trend (rated leads closed in the last six months, by region): an
     * index-only scan instead of reading every lead (200,000 leads, province: 676 ms → 62 ms).
     */
    index('complaints_rated_closed_idx').on(t.closedAt, t.regionId, t.satisfaction).where(sql`${t.satisfaction} IS NOT NULL`),
    check('complaints_category_ck', sql`${t.category} BETWEEN 0 AND 6`),
    check(
      'complaints_status_ck',
      sql`${t.status} IN ('received', 'dispatched', 'returned', 'accepted', 'handled', 'reply_pending', 'replied', 'closed', 'merged')`,
    ),
    check(
      'complaints_channel_ck',
      sql`${t.channel} IN ('web', 'phone', 'letter', 'visit', 'hotline_12345', 'inspection', 'referral', 'open311')`,
    ),
    check('complaints_lead_ck', sql`${t.leadDepartment} IN ('housing', 'market', 'police', 'civil', 'credit', 'none')`),
  ],
);

/** The timeline: every step with actor, time, note and attachments; `publicNote` is what the resident sees. */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: steps of one transaction share `at`, and still sort in the order taken. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorOrgUnitId: uuid('actor_org_unit_id').references(() => orgUnits.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    /** File ids (files table). */
    attachments: jsonb('attachments').notNull().default([]),
    /** Plain-language text safe for the resident's tracking page, or null when not shown there. */
    publicNote: text('public_note'),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.at), index('complaint_events_action_idx').on(t.action, t.at)],
);

/** Returns (退单), counted per returning unit for assessment. */
export const complaintReturns = pgTable(
  'complaint_returns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    reason: text('reason').notNull(),
    returnedBy: uuid('returned_by').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('complaint_returns_unit_idx').on(t.orgUnitId, t.at), index('complaint_returns_complaint_idx').on(t.complaintId)],
);

/** Deadline extensions (延期), requested before the deadline and approved or refused. */
export const complaintExtensions = pgTable(
  'complaint_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    days: integer('days').notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    /** pending | approved | refused */
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    previousDueAt: timestamp('previous_due_at', { withTimezone: true }),
    newDueAt: timestamp('new_due_at', { withTimezone: true }),
  },
  (t) => [
    index('complaint_extensions_complaint_idx').on(t.complaintId, t.status),
    check('complaint_extensions_status_ck', sql`${t.status} IN ('pending', 'approved', 'refused')`),
    check('complaint_extensions_days_ck', sql`${t.days} BETWEEN 1 AND 60`),
  ],
);

/** Every correction of a triage proposal, to measure and improve triage. */
export const triageCorrections = pgTable(
  'triage_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    proposal: jsonb('proposal').notNull(),
    corrected: jsonb('corrected').notNull(),
    correctedBy: uuid('corrected_by').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('triage_corrections_complaint_idx').on(t.complaintId), index('triage_corrections_at_idx').on(t.at)],
);

/**
 * Time limits per campaign and lead department ('*' = every department of the campaign). Absent
 * values fall back to the defaults in core/complaints/sla.ts (sign 1, reply 15, follow-up 5 working
 * days; urgent: sign 2 h, act 24 h).
 */
export const complaintTimeLimits = pgTable(
  'complaint_time_limits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    leadDepartment: text('lead_department').notNull().default('*'),
    signDays: integer('sign_days'),
    closeDays: integer('close_days'),
    followUpDays: integer('follow_up_days'),
    urgentSignHours: integer('urgent_sign_hours'),
    urgentActHours: integer('urgent_act_hours'),
  },
  (t) => [uniqueIndex('complaint_time_limits_uq').on(t.campaignId, t.leadDepartment)],
);

/** Escalations of overdue leads to the supervisor (one per lead, deadline kind and deadline). */
export const complaintEscalations = pgTable(
  'complaint_escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    /** sign | act | reply | follow_up */
    kind: text('kind').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** The supervisor's unit (依法治办) of the lead's district, when there is one. */
    notifiedOrgUnitId: uuid('notified_org_unit_id').references(() => orgUnits.id),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('complaint_escalations_uq').on(t.complaintId, t.kind, t.dueAt),
    index('complaint_escalations_unit_idx').on(t.notifiedOrgUnitId, t.escalatedAt),
  ],
);

/**
 * Supervisor re-calls of closed leads (回访抽查, SPEC §5): the supervisor calls the resident back to
 * catch inflated satisfaction. One per lead; the satisfaction recorded at closure is kept beside the
 * resident's answer so mismatches can be counted per lead unit.
 */
export const complaintRecalls = pgTable(
  'complaint_recalls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    /** The lead unit that closed the lead (the unit the re-call measures); null when the coordinator answered it. */
    leadOrgUnitId: uuid('lead_org_unit_id').references(() => orgUnits.id),
    recalledBy: uuid('recalled_by').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** confirmed | not_reached | contradicted */
    result: text('result').notNull(),
    /** What the resident said on the re-call: satisfied | basically_satisfied | dissatisfied (null when not reached). */
    satisfaction: text('satisfaction'),
    note: text('note').notNull(),
    /** The satisfaction recorded at closure (snapshot). */
    recordedSatisfaction: text('recorded_satisfaction'),
  },
  (t) => [
    uniqueIndex('complaint_recalls_complaint_uq').on(t.complaintId),
    index('complaint_recalls_unit_idx').on(t.leadOrgUnitId, t.at),
    index('complaint_recalls_at_idx').on(t.at),
    check('complaint_recalls_result_ck', sql`${t.result} IN ('confirmed', 'not_reached', 'contradicted')`),
    check('complaint_recalls_satisfaction_ck', sql`${t.satisfaction} IS NULL OR ${t.satisfaction} IN ('satisfied', 'basically_satisfied', 'dissatisfied')`),
  ],
);

/**
 * Roll-up counts of leads, kept exactly in step with `complaints` by row triggers in the same
 * transaction (server/db/sql/030-complaint-counts.sql): every insert, delete or change of the keyed
 * columns appends a +1 / −1 row here (append-only, so concurrent leads never wait on a shared
 * counter row); a figure is the sum of its rows. `wy_compact_complaint_counts()` (job
 * `reports.compact-counts`) folds the rows into one per key without changing any sum;
 * `wy_rebuild_complaint_counts()` recomputes them from `complaints` (after a bulk load that bypassed
 * the triggers). Read by the 附件2 row 11 累积 (leads received per China month, merged excluded) and
 * the dashboard totals (leads per region, category and status).
 */
export const complaintMonthCounts = pgTable(
  'complaint_month_counts',
  {
    regionId: integer('region_id').notNull(),
    /** First day of the China-time month of `received_at`. */
    month: date('month', { mode: 'string' }).notNull(),
    /** Leads not merged (status ≠ merged). */
    n: integer('n').notNull(),
  },
  (t) => [index('complaint_month_counts_month_idx').on(t.month, t.regionId)],
);

export const complaintStatusCounts = pgTable(
  'complaint_status_counts',
  {
    regionId: integer('region_id').notNull(),
    category: integer('category').notNull(),
    status: text('status').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [index('complaint_status_counts_region_idx').on(t.regionId)],
);
