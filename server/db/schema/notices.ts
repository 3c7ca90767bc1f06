import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { enforcementActions } from './enforcement.js';
import { enterprises } from './registry.js';
import { users } from './users.js';

/** 签收: the company's receipt of an enforcement document served on it (one per document). */
export const noticeReceipts = pgTable('notice_receipts', {
  enforcementActionId: uuid('enforcement_action_id')
    .primaryKey()
    .references(() => enforcementActions.id),
  enterpriseId: uuid('enterprise_id')
    .notNull()
    .references(() => enterprises.id),
  receivedBy: uuid('received_by').references(() => users.id),
  receivedByName: text('received_by_name').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  ip: text('ip'),
});
