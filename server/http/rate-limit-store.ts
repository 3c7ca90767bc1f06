import type { Db } from '../db/client.js';
import { hit, peek } from './rate-counters.js';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * A @fastify/rate-limit store on the shared PostgreSQL counters (rate_counters), so the per-address
 * limits of the public routes hold across app instances. One child store per route: the key is
 * "rl:<METHOD> <url>:<client key>". On a database error the request is let through (the limit is a
 * guard against floods, not an access rule) and the error is reported to the logger.
 */
export function pgRateLimitStore(db: Db, onError: (err: unknown) => void) {
  class PgStore {
    constructor(
      _options?: unknown,
      private readonly prefix = 'rl:*',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number): void {
      hit(db, `${this.prefix}:${key}`, timeWindow).then(
        (r) => cb(null, { current: r.hits, ttl: r.ttlMs }),
        (err) => {
          onError(err);
          cb(null, { current: 0, ttl: timeWindow });
        },
      );
    }

    read(key: string, cb: Callback, timeWindow: number): void {
      peek(db, `${this.prefix}:${key}`, timeWindow).then(
        (r) => cb(null, { current: r.hits, ttl: r.ttlMs }),
        (err) => {
          onError(err);
          cb(null, { current: 0, ttl: 0 });
        },
      );
    }

    child(routeOptions: { routeInfo?: { method?: string | string[]; url?: string } }) {
      const info = routeOptions.routeInfo ?? {};
      const method = Array.isArray(info.method) ? info.method.join(',') : (info.method ?? '*');
      return new PgStore(undefined, `rl:${method} ${info.url ?? '*'}`);
    }
  }
  return PgStore;
}
