import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** A database or a transaction: use cases take this so they compose inside one transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the embedded instance (tests clone it). */
  pglite?: PGlite;
  /**
   * LISTEN on a channel: `onNotify` gets each payload, `onLive` tells whether notifications are
   * being received (false while a PostgreSQL listening connection is lost; true again on reconnect).
   * Returns a function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void, onLive: (live: boolean) => void): Promise<() => Promise<void>>;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
const ROUTINES_DIR = fileURLToPath(new URL('./sql', import.meta.url));
/** Arbitrary constant: serialises migrations when several instances start at once. */
const MIGRATION_LOCK_KEY = 7_260_2021;

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** PGlite: start from a dumped data directory (tests). */
  loadDataDir?: Blob | File;
  poolMax?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolMax ?? 10 });
    // An idle client losing its connection (server restart, failover, admin termination) must not
    // crash the process; the pool discards it and the next query opens a new connection.
    pool.on('error', () => undefined);
    // Timestamps come back as Date; bigint counts as numbers (counts never exceed 2^53 here).
    pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const databaseUrl = opts.databaseUrl;
    return { db, driver: 'postgres', close: () => pool.end(), listen: (channel, onNotify, onLive) => listenPg(databaseUrl, channel, onNotify, onLive) };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const pglite = new PGlite({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir, parsers: { 20: (v: string) => Number.parseInt(v, 10) } });
  await pglite.waitReady;
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    pglite,
    close: () => pglite.close(),
    async listen(channel, onNotify, onLive) {
      const unlisten = await pglite.listen(channel, onNotify);
      onLive(true);
      return async () => {
        onLive(false);
        if (!pglite.closed) await unlisten();
      };
    },
  };
}

/**
 * One dedicated connection that LISTENs (a pooled connection cannot: it is shared). When it is
 * lost, `onLive(false)` and a new one is tried every second until stopped.
 */
async function listenPg(url: string, channel: string, onNotify: (payload: string) => void, onLive: (live: boolean) => void) {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) onNotify(n.payload);
    });
    const lost = () => {
      if (client !== c) return;
      client = null;
      onLive(false);
      c.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect().catch(lost), 1000);
    };
    c.on('error', lost);
    c.on('end', lost);
    client = c;
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    if (!stopped) onLive(true);
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    onLive(false);
    await c?.end().catch(() => undefined);
  };
}

/**
 * Applies the generated migrations, then the repeatable routines in db/sql (triggers and
 * functions, all idempotent). On PostgreSQL an advisory lock makes concurrent starts safe.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const { db } = database;
  if (database.driver === 'postgres') {
    await db.execute(sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
  }
  try {
    if (database.driver === 'postgres') {
      await migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR });
    } else {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
    }
    for (const file of readdirSync(ROUTINES_DIR).filter((f) => f.endsWith('.sql')).sort()) {
      // Statements are separated like drizzle's: one prepared statement each.
      for (const stmt of readFileSync(`${ROUTINES_DIR}/${file}`, 'utf8').split('--> statement-breakpoint')) {
        if (stmt.trim()) await db.execute(sql.raw(stmt));
      }
    }
  } finally {
    if (database.driver === 'postgres') {
      await db.execute(sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  }
}

/** Number of migrations in the folder vs applied in the database (for /readyz). */
export async function migrationStatus(db: Db): Promise<{ expected: number; applied: number }> {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_DIR}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
  return { expected: journal.entries.length, applied: Number(row?.n ?? 0) };
}

/** Raw SQL returning rows, on either driver (both return `{ rows }`). Prefer the query builder. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Raw SQL returning the number of affected rows, on either driver. */
export async function execute(db: Db, query: SQL): Promise<number> {
  const result = (await db.execute(query)) as unknown as { rowCount?: number | null; affectedRows?: number };
  return result.rowCount ?? result.affectedRows ?? 0;
}

/** A value for a LIKE pattern, with its own %, _ and \\ matched literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
