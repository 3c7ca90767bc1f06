import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/client.js';
import { rateCounters } from '../db/schema/index.js';

/*
 * Fixed-window counters in PostgreSQL (table rate_counters), so that several app instances behind
 * one load balancer share them. A window is aligned to multiples of its length.
 */

export interface WindowCount {
  hits: number;
  /** Milliseconds until the window ends. */
  ttlMs: number;
}

function windowOf(windowMs: number, now = Date.now()) {
  const start = Math.floor(now / windowMs) * windowMs;
  return { start: new Date(start), end: new Date(start + windowMs), ttlMs: start + windowMs - now };
}

/** Adds `by` (default 1) to the key's current window and returns the new count. */
export async function hit(db: Db, key: string, windowMs: number, by = 1): Promise<WindowCount> {
  const w = windowOf(windowMs);
  const [row] = await queryRows<{ hits: number }>(
    db,
    sql`INSERT INTO rate_counters (key, window_start, hits, expires_at) VALUES (${key}, ${w.start.toISOString()}::timestamptz, ${by}, ${w.end.toISOString()}::timestamptz)
        ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_counters.hits + ${by} RETURNING hits`,
  );
  return { hits: Number(row?.hits ?? by), ttlMs: w.ttlMs };
}

/** The key's count in the current window, without adding. */
export async function peek(db: Db, key: string, windowMs: number): Promise<WindowCount> {
  const w = windowOf(windowMs);
  const [row] = await db
    .select({ hits: rateCounters.hits })
    .from(rateCounters)
    .where(and(eq(rateCounters.key, key), eq(rateCounters.windowStart, w.start)));
  return { hits: row?.hits ?? 0, ttlMs: w.ttlMs };
}

/** Clears the key's current window (e.g. an account's failures after a successful login). */
export async function reset(db: Db, key: string, windowMs: number): Promise<void> {
  await db.delete(rateCounters).where(and(eq(rateCounters.key, key), eq(rateCounters.windowStart, windowOf(windowMs).start)));
}

/** Deletes ended windows. */
export async function sweepRateCounters(db: Db): Promise<number> {
  const rows = await db.delete(rateCounters).where(lt(rateCounters.expiresAt, new Date())).returning({ key: rateCounters.key });
  return rows.length;
}
