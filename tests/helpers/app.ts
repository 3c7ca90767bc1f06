import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../server/app.js';
import { type Database, type Db, openDatabase } from '../../server/db/client.js';
import type { Env } from '../../server/env.js';
import '../../server/jobs/registry.js';
import { FieldCipher } from '../../server/lib/crypto.js';
import { DEMO_PASSWORD, TEST_KEY, testEnv } from './test-env.js';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  database: Database;
  env: Env;
  cipher: FieldCipher;
  /** Logs a demo user in and returns the Cookie header value. */
  login(username: string, password?: string): Promise<string>;
  /** app.inject as a user (cookie from login), JSON by default. */
  as(cookie: string | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A fresh copy of the migrated, seeded test database (driver chosen by TEST_DB_DRIVER). */
export async function openTestDatabase(): Promise<Database> {
  if (process.env.TEST_DB_DRIVER === 'postgres') {
    const base = process.env.TEST_DATABASE_URL as string;
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
        break;
      } catch (err) {
        // Two files cloning the template at the same instant: retry briefly.
        if (attempt > 20 || (err as { code?: string }).code !== '55006') throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolMax: 4 });
    const close = database.close;
    return {
      ...database,
      close: async () => {
        await close();
        const dropper = new pg.Client({ connectionString: base });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteDump'));
  return openDatabase({ loadDataDir: new Blob([dump]) });
}

export async function createTestContext(envOverrides: Record<string, string> = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const env = testEnv(envOverrides);
  const cipher = new FieldCipher(TEST_KEY);
  const app = await buildApp({ db: database.db, database, env, cipher }, { logger: false });
  await app.ready();
  const as = (cookie: string | null, opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...(cookie ? { cookie } : {}), ...(opts.headers ?? {}) } });
  return {
    app,
    db: database.db,
    database,
    env,
    cipher,
    as,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const sid = res.cookies.find((c) => c.name === 'sid');
      if (!sid) throw new Error('no session cookie');
      return `sid=${sid.value}`;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Parsed JSON body with a useful failure message when the status is not the expected one. */
export function expectStatus<T = any>(res: LightMyRequestResponse, status: number): T {
  if (res.statusCode !== status) throw new Error(`expected HTTP ${status}, got ${res.statusCode}: ${res.body.slice(0, 800)}`);
  return (res.body ? res.json() : undefined) as T;
}
