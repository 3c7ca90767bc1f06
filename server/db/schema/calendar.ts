import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The official working-day calendar (SPEC §5 time limits; domain-facts §4). A year is "known"
 * only when it has a row here with complete = true; working-day arithmetic on a date in any
 * other year is an error, never a weekends-only guess. Seeded from the `chinese-days` package;
 * an admin adds next year's arrangement when the State Council publishes it (Nov/Dec).
 */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  /** Date of the State Council notice (《国务院办公厅关于YYYY年部分节假日安排的通知》), when known. */
  publishedOn: date('published_on', { mode: 'string' }),
  /** Where the arrangement came from: 'chinese-days@1.5.7', or the notice's title/number. */
  source: text('source').notNull(),
  complete: boolean('complete').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Days that differ from the Monday–Friday rule: public-holiday rest days ('holiday', including
 * weekends inside a holiday period) and adjusted working weekends ('workday', 调休上班).
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    kind: text('kind').notNull(),
    /** The festival the day belongs to: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 … */
    name: text('name').notNull(),
    source: text('source').notNull(),
  },
  (t) => [check('calendar_days_kind_ck', sql`${t.kind} IN ('holiday', 'workday')`)],
);
