import { sql } from 'drizzle-orm';
import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The jurisdiction tree (SPEC §2). `path` is the chain of codes from the root, "/420000/420100/…/",
 * so a subtree is `path LIKE '<ancestor path>%'`, served by the text_pattern_ops index.
 * Functional zones (风景区/开发区) have no GB/T 2260 code and get custom codes.
 */
export const regions = pgTable(
  'regions',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentId: integer('parent_id'),
    path: text('path').notNull(),
    /** 'gb2260' (official county-level and above), 'nbs' (统计用区划代码, streets), 'custom'. */
    codeSource: text('code_source').notNull().default('custom'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('regions_code_uq').on(t.code),
    index('regions_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('regions_parent_idx').on(t.parentId, t.sortOrder),
  ],
);
