import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fixed-window counters shared by every app instance on the database (issue 14): the login
 * throttle per account and per address, and the @fastify/rate-limit store of the public routes
 * (server/http/rate-limit-store.ts). One row per key and window; old windows are swept.
 */
export const rateCounters = pgTable(
  'rate_counters',
  {
    /** "login:addr:<ip>", "login:acct:<username>", "rl:<route>:<ip>" … */
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_counters_expires_idx').on(t.expiresAt)],
);
