import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units.js';
import { problems } from './problems.js';
import { regions } from './regions.js';
import { users } from './users.js';

/** 投诉举报电话 directory (SPEC §6): one published hotline per unit, maintained by the unit. */
export const hotlines = pgTable(
  'hotlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    number: text('number').notNull(),
    /** 接听时间, e.g. 工作日 8:30–17:30. */
    hours: text('hours').notNull(),
    /** 责任单位 as published (the unit's own name by default). */
    responsibleUnit: text('responsible_unit').notNull(),
    published: boolean('published').notNull().default(true),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('hotlines_org_unit_uq').on(t.orgUnitId)],
);

/** 热线抽查: one dialled call. A failed call opens a ledger problem and is re-checked by `recheck_due_on`. */
export const hotlineChecks = pgTable(
  'hotline_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** The unit's region: the jurisdiction of the record. */
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    dialledNumber: text('dialled_number').notNull(),
    /** answered | no_answer | busy | fax | redirected | refused | invalid */
    result: text('result').notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    note: text('note'),
    checkedBy: uuid('checked_by').references(() => users.id),
    checkedByName: text('checked_by_name').notNull(),
    problemId: uuid('problem_id').references(() => problems.id),
    /** Set on a failed check: the unit must be dialled again by this day. */
    recheckDueOn: date('recheck_due_on', { mode: 'string' }),
    /** The later check that re-checked this one. */
    recheckedById: uuid('rechecked_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('hotline_checks_region_at_idx').on(t.regionId, t.checkedAt),
    index('hotline_checks_unit_idx').on(t.orgUnitId, t.checkedAt),
    index('hotline_checks_recheck_idx').on(t.recheckDueOn).where(sql`${t.recheckDueOn} IS NOT NULL AND ${t.recheckedById} IS NULL`),
    check('hotline_checks_result_ck', sql`${t.result} IN ('answered', 'no_answer', 'busy', 'fax', 'redirected', 'refused', 'invalid')`),
  ],
);
