import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The legal-provision library (SPEC §4; domain-facts §1): the legal basis of focus items,
 * enforcement documents and penalty decisions. Reference data, seeded from domain-facts.md and
 * edited by admins (reference:manage); readable by every staff user.
 */
export const legalActs = pgTable(
  'legal_acts',
  {
    id: serial('id').primaryKey(),
    /** Stable key used by seeds and templates ('civil-code', 'public-security-penalties'). */
    key: text('key'),
    /** Full title without 《》: 中华人民共和国治安管理处罚法. */
    title: text('title').notNull(),
    shortName: text('short_name').notNull(),
    issuer: text('issuer').notNull(),
    /** law | administrative_regulation | local_regulation | departmental_rule | local_rule | normative_document */
    level: text('level').notNull(),
    /** Region where the act applies (a province or city code); null = nationwide. */
    regionCode: text('region_code'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('legal_acts_key_uq').on(t.key), uniqueIndex('legal_acts_title_uq').on(t.title)],
);

/**
 * One article (or paragraph/item) in one version of an act. A revision that renumbers or changes
 * an article is a new row with its own effective dates and `supersedesId` pointing at the old
 * one, so the picker can offer the version in force when the act was committed (从旧兼从轻).
 */
export const legalProvisions = pgTable(
  'legal_provisions',
  {
    id: serial('id').primaryKey(),
    key: text('key'),
    actId: integer('act_id')
      .notNull()
      .references(() => legalActs.id),
    /** '第50条第1款', '第67条第（一）项', '第253条之一'. */
    article: text('article').notNull(),
    /** The text version this article belongs to: '2012年修正', '2025年修订'. */
    versionLabel: text('version_label'),
    summary: text('summary').notNull(),
    penaltyRange: text('penalty_range'),
    /** Fine bounds in yuan for the usual addressee (the company), when the article fixes them. */
    penaltyMin: numeric('penalty_min', { precision: 16, scale: 2, mode: 'number' }),
    penaltyMax: numeric('penalty_max', { precision: 16, scale: 2, mode: 'number' }),
    /** Campaign department type that enforces it (housing/market/police/civil/credit); null = courts or other. */
    enforcingDepartmentType: text('enforcing_department_type'),
    /** The enforcer as the text names it: 县级以上房地产行政主管部门. */
    enforcer: text('enforcer'),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    supersedesId: integer('supersedes_id').references((): AnyPgColumn => legalProvisions.id),
    /** ✅ seen directly · ◐ partly verified · ❓ not verified — must be checked before use in a decision. */
    confidence: text('confidence').notNull(),
    sourceUrl: text('source_url'),
    /** Focus categories (S3 §二 items 1–6) the article serves. */
    focusCategories: integer('focus_categories').array().notNull().default(sql`'{}'::integer[]`),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('legal_provisions_key_uq').on(t.key),
    index('legal_provisions_act_idx').on(t.actId, t.article),
    index('legal_provisions_categories_idx').using('gin', t.focusCategories),
    check('legal_provisions_confidence_ck', sql`${t.confidence} IN ('✅', '◐', '❓')`),
    check('legal_provisions_dates_ck', sql`${t.effectiveTo} IS NULL OR ${t.effectiveTo} >= ${t.effectiveFrom}`),
    check('legal_provisions_penalty_ck', sql`${t.penaltyMin} IS NULL OR ${t.penaltyMax} IS NULL OR ${t.penaltyMax} >= ${t.penaltyMin}`),
  ],
);
