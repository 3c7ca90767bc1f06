import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, boolean, check, date, index, integer, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units.js';
import { regions } from './regions.js';
import { complaints } from './complaints.js';
import { enterprises, projects } from './registry.js';
import { users } from './users.js';

/** Feeds the readable problem code WT-<year>-<6 digits>; gaps are harmless (codes are labels, not 文号). */
export const problemCodeSeq = pgSequence('problem_code_seq', { startWith: 1, increment: 1 });

/**
 * The problem ledger (问题清单 / 整改台账, SPEC §9): one row per problem whatever its source.
 * Lifecycle (core/problems/state.ts): open → rectifying → submitted → closed (after a passed
 * look-back review of the latest submission), or rework → rectifying (rework_count + 1); an upheld
 * objection (异议成立) withdraws it (withdrawn, 已撤销 — terminal, never overdue).
 * `description` never holds complainant personal data (redacted on the way in from a complaint).
 */
export const problems = pgTable(
  'problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    /** complaint | inspection | self_inspection | spot_check | supervision */
    source: text('source').notNull(),
    /** The originating record in the source module (inspection finding, spot check, ...). */
    sourceId: uuid('source_id'),
    /** The complaint that ordered the rectification (complaints module). */
    complaintId: uuid('complaint_id').references(() => complaints.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    projectId: uuid('project_id').references(() => projects.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    /** Problem category 0–6 (S3 §二 six categories; 0 = other). */
    category: integer('category').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** 整改措施 */
    measures: text('measures'),
    responsibleOrgUnitId: uuid('responsible_org_unit_id').references(() => orgUnits.id),
    responsiblePerson: text('responsible_person'),
    /** 整改时限 (date; overdue = today > deadline and not closed). */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** open | rectifying | submitted | closed | withdrawn */
    status: text('status').notNull().default('open'),
    reworkCount: integer('rework_count').notNull().default(0),
    /** 屡改屡犯: same enterprise and category opened within the previous 12 months. */
    repeatOffence: boolean('repeat_offence').notNull().default(false),
    repeatOfProblemId: uuid('repeat_of_problem_id').references((): AnyPgColumn => problems.id),
    /** Next step on the enforcement ladder suggested when the repeat was detected. */
    suggestedNextStep: text('suggested_next_step'),
    /** 挂牌督办 */
    supervised: boolean('supervised').notNull().default(false),
    supervisionDeadline: date('supervision_deadline', { mode: 'string' }),
    supervisionNote: text('supervision_note'),
    supervisedBy: uuid('supervised_by').references(() => users.id),
    supervisedAt: timestamp('supervised_at', { withTimezone: true }),
    /** The day the problem was opened (Beijing date) — the 12-month repeat window counts from it. */
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('problems_code_uq').on(t.code),
    index('problems_region_status_idx').on(t.regionId, t.status, t.createdAt),
    index('problems_enterprise_category_idx').on(t.enterpriseId, t.category, t.openedOn),
    index('problems_status_deadline_idx').on(t.status, t.deadline),
    index('problems_source_idx').on(t.source, t.sourceId),
    index('problems_complaint_idx').on(t.complaintId),
    index('problems_supervised_idx').on(t.supervised, t.supervisionDeadline),
    check('problems_source_ck', sql`${t.source} IN ('complaint', 'inspection', 'self_inspection', 'spot_check', 'supervision', 'hotline_check')`),
    check('problems_status_ck', sql`${t.status} IN ('open', 'rectifying', 'submitted', 'closed', 'withdrawn')`),
    check('problems_category_ck', sql`${t.category} BETWEEN 0 AND 6`),
    check('problems_rework_ck', sql`${t.reworkCount} >= 0`),
    check('problems_closed_ck', sql`(${t.status} = 'closed') = (${t.closedAt} IS NOT NULL)`),
    check('problems_supervision_ck', sql`NOT ${t.supervised} OR ${t.supervisionDeadline} IS NOT NULL`),
  ],
);

/** The timeline: every step with actor, time, note and attachments. Append-only. */
export const problemEvents = pgTable(
  'problem_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: steps of one transaction share `at`, and still sort in the order taken. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    /** open | start | submit | review | close | rework | extension_request | extension_decision | supervise | objection | objection_decision | attachment */
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    /** Set when the actor is an enterprise user (timeline shows 企业). */
    actorEnterpriseId: uuid('actor_enterprise_id').references(() => enterprises.id),
    note: text('note'),
    attachmentFileIds: uuid('attachment_file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('problem_events_problem_idx').on(t.problemId, t.at)],
);

/** 整改报告: the company (or staff on its behalf) reports the rectification done, with evidence. */
export const problemSubmissions = pgTable(
  'problem_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedByName: text('submitted_by_name').notNull(),
    byEnterprise: boolean('by_enterprise').notNull().default(false),
    text: text('text').notNull(),
    fileIds: uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('problem_submissions_seq_uq').on(t.problemId, t.seq)],
);

/** 回头看: one review per submission, by someone other than the submitter. */
export const problemReviews = pgTable(
  'problem_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => problemSubmissions.id),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    reviewerName: text('reviewer_name').notNull(),
    /** on_site | documents */
    method: text('method').notNull(),
    /** pass | fail */
    result: text('result').notNull(),
    note: text('note'),
    fileIds: uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('problem_reviews_submission_uq').on(t.submissionId),
    index('problem_reviews_problem_idx').on(t.problemId),
    check('problem_reviews_method_ck', sql`${t.method} IN ('on_site', 'documents')`),
    check('problem_reviews_result_ck', sql`${t.result} IN ('pass', 'fail')`),
  ],
);

/** 延期申请: requested before the deadline, approved or refused by staff. */
export const problemExtensions = pgTable(
  'problem_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    /** Working days requested. */
    days: integer('days').notNull(),
    reason: text('reason').notNull(),
    previousDeadline: date('previous_deadline', { mode: 'string' }).notNull(),
    requestedDeadline: date('requested_deadline', { mode: 'string' }).notNull(),
    /** pending | approved | refused */
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('problem_extensions_problem_idx').on(t.problemId),
    uniqueIndex('problem_extensions_one_pending_uq').on(t.problemId).where(sql`${t.status} = 'pending'`),
    check('problem_extensions_status_ck', sql`${t.status} IN ('pending', 'approved', 'refused')`),
    check('problem_extensions_days_ck', sql`${t.days} BETWEEN 1 AND 60`),
  ],
);

/** 异议: the company disputes the problem; staff uphold or reject it. */
export const problemObjections = pgTable(
  'problem_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    fileIds: uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** pending | upheld | rejected */
    status: text('status').notNull().default('pending'),
    raisedBy: uuid('raised_by').references(() => users.id),
    raisedByName: text('raised_by_name').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('problem_objections_problem_idx').on(t.problemId),
    uniqueIndex('problem_objections_one_pending_uq').on(t.problemId).where(sql`${t.status} = 'pending'`),
    check('problem_objections_status_ck', sql`${t.status} IN ('pending', 'upheld', 'rejected')`),
  ],
);

/** 意见建议清单 (SPEC §9): opinions and suggestions collected during the campaign, with responses. */
export const opinions = pgTable(
  'opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    /** 来源单位 (e.g. 某社区居委会、人大代表座谈会). */
    sourceUnit: text('source_unit').notNull(),
    content: text('content').notNull(),
    /** 提出人/提出单位 as recorded (free text). */
    submittedBy: text('submitted_by').notNull(),
    /** open | responded */
    status: text('status').notNull().default('open'),
    response: text('response'),
    respondedBy: uuid('responded_by').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('opinions_region_status_idx').on(t.regionId, t.status, t.createdAt),
    check('opinions_status_ck', sql`${t.status} IN ('open', 'responded')`),
    check('opinions_response_ck', sql`(${t.status} = 'responded') = (${t.response} IS NOT NULL)`),
  ],
);
