import type { Database, Db } from './client.js';

/*
 * Change feed for in-memory caches, correct with several app instances on one database.
 *
 * Triggers (db/sql/020-change-notify.sql) announce every committed change of the cached tables on
 * channel `wy_changes` ('table:projects', 'session:<id>', 'user:<id>'); each app instance LISTENs
 * (PGlite: in process; PostgreSQL: one dedicated connection) and every cache in the process drops
 * what the change touches. A cache is only trusted while a feed is live: without one (scripts,
 * tests calling services directly, a lost LISTEN connection) every read goes to the database, and
 * a reconnect clears everything. A load that races a change is never stored (generation check).
 */

const CHANNEL = 'wy_changes';
/** A payload that clears every cache (feed started, reconnected, or lost). */
export const ALL_CHANGED = '*';

const subscribers = new Set<(payload: string) => void>();
let liveFeeds = 0;

/** Runs `handler` for every change announced to this process (from any instance). */
export function onChange(handler: (payload: string) => void): () => void {
  subscribers.add(handler);
  return () => subscribers.delete(handler);
}

/** Tells this process's caches at once (the database announces it to every instance on commit). */
export function announceLocally(payload: string): void {
  for (const s of subscribers) s(payload);
}

/** True while at least one feed delivers changes, i.e. caches may be trusted. */
export function changeFeedLive(): boolean {
  return liveFeeds > 0;
}

/** Starts listening on the database; the returned function stops it. One per app instance. */
export async function startChangeFeed(database: Database): Promise<() => Promise<void>> {
  let live = false;
  const setLive = (on: boolean) => {
    if (on === live) return;
    live = on;
    liveFeeds += on ? 1 : -1;
    announceLocally(ALL_CHANGED);
  };
  const stop = await database.listen(CHANNEL, announceLocally, setLive);
  return async () => {
    setLive(false);
    await stop();
  };
}

/** The table tag of a change payload ('table:projects' → 'projects'). */
function tableOf(payload: string): string | null {
  return payload.startsWith('table:') ? payload.slice(6) : null;
}

/**
 * One value derived from some tables (e.g. the project-name index), loaded on first use and kept
 * until one of `tables` changes or `ttlMs` passes. Concurrent callers share one load.
 */
export function cachedValue<T>(tables: readonly string[], ttlMs: number, load: (db: Db) => Promise<T>) {
  let value: { v: T; at: number } | null = null;
  let pending: Promise<T> | null = null;
  let generation = 0;
  onChange((payload) => {
    if (payload === ALL_CHANGED || tables.includes(tableOf(payload) ?? '')) {
      generation++;
      value = null;
      pending = null;
    }
  });
  return {
    async get(db: Db): Promise<T> {
      if (!changeFeedLive()) return load(db);
      if (value && Date.now() - value.at < ttlMs) return value.v;
      if (pending) return pending;
      const gen = generation;
      const p = load(db).then(
        (v) => {
          if (gen === generation) value = { v, at: Date.now() };
          if (pending === p) pending = null;
          return v;
        },
        (err) => {
          if (pending === p) pending = null;
          throw err;
        },
      );
      pending = p;
      return p;
    },
  };
}

/** Like cachedValue, one entry per key (e.g. the campaign rules of a region on a day). */
export function cachedByKey<K, V>(tables: readonly string[], ttlMs: number, load: (db: Db, key: K) => Promise<V>, maxEntries = 10_000) {
  const entries = new Map<K, { v: V; at: number }>();
  let generation = 0;
  onChange((payload) => {
    if (payload === ALL_CHANGED || tables.includes(tableOf(payload) ?? '')) {
      generation++;
      entries.clear();
    }
  });
  return {
    async get(db: Db, key: K): Promise<V> {
      if (!changeFeedLive()) return load(db, key);
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.v;
      const gen = generation;
      const v = await load(db, key);
      if (gen === generation) {
        if (entries.size >= maxEntries) entries.clear();
        entries.set(key, { v, at: Date.now() });
      }
      return v;
    },
  };
}
