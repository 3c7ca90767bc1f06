import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../server/db/schema/index.js';
import { defineJob, enqueueJob, JobRunner } from '../../server/jobs/runner.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('health', () => {
  it('healthz answers while the process is up', async () => {
    expect(expectStatus(await t.app.inject({ method: 'GET', url: '/healthz' }), 200).status).toBe('ok');
  });
  it('readyz checks the database and that every migration is applied', async () => {
    const body = expectStatus(await t.app.inject({ method: 'GET', url: '/readyz' }), 200);
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.expected).toBeGreaterThan(0);
  });
});

describe('API conventions', () => {
  it('publishes an OpenAPI 3 document generated from the route schemas', async () => {
    const doc = expectStatus(await t.app.inject({ method: 'GET', url: '/api/openapi.json' }), 200);
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/auth/login'].post).toBeTruthy();
    expect(doc.paths['/api/regions'].get.parameters.some((p: { name: string }) => p.name === 'parent')).toBe(true);
  });

  it('answers unknown API paths with the standard error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(res.json().error.requestId).toBe(res.headers['x-request-id']);
  });

  it('refuses a route registered without an access rule', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerAuthentication } = await import('../../server/http/authenticate.js');
    const app = Fastify();
    registerAuthentication(app, { db: t.db, env: t.env });
    expect(() => app.get('/api/unguarded', async () => 'x')).toThrow(/declares no access rule/);
  });
});

describe('database schema', () => {
  it('has committed migrations that match the Drizzle schema exactly', () => {
    const out = mkdtempSync(join(tmpdir(), 'drift-'));
    try {
      cpSync('server/db/migrations', out, { recursive: true });
      const before = readdirSync(out).filter((f) => f.endsWith('.sql'));
      const log = execFileSync('npx', ['drizzle-kit', 'generate', '--name', 'drift_check'], {
        env: { ...process.env, DRIZZLE_OUT: out },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const after = readdirSync(out).filter((f) => f.endsWith('.sql'));
      expect(after, `schema changed without a migration — run "npm run db:generate".\n${log}`).toEqual(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('job runner', () => {
  it('runs each job exactly once even with two runners polling the same database', async () => {
    const seen: number[] = [];
    defineJob('test.count', async (payload) => {
      seen.push(payload.n as number);
      await new Promise((r) => setTimeout(r, 5));
    });
    for (let n = 0; n < 20; n++) await enqueueJob(t.db, 'test.count', { n });
    const deps = { db: t.db, database: t.database, env: t.env, cipher: t.cipher };
    const log = t.app.log;
    const a = new JobRunner(deps, log, 60_000);
    const b = new JobRunner(deps, log, 60_000);
    await Promise.all([a.tick(), b.tick()]);
    expect(seen.sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
    const done = await t.db.select().from(jobs).where(eq(jobs.type, 'test.count'));
    expect(done.every((j) => j.status === 'done')).toBe(true);
  });

  it('retries a failing job with backoff and records the error', async () => {
    defineJob('test.fail', async () => {
      throw new Error('boom');
    });
    await enqueueJob(t.db, 'test.fail');
    const runner = new JobRunner({ db: t.db, database: t.database, env: t.env, cipher: t.cipher }, t.app.log, 60_000);
    await runner.tick();
    const [job] = await t.db.select().from(jobs).where(eq(jobs.type, 'test.fail'));
    expect(job.status).toBe('pending');
    expect(job.attempts).toBe(1);
    expect(job.lastError).toBe('boom');
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('keeps one live job per dedupe key', async () => {
    await enqueueJob(t.db, 'test.count', { n: 1 }, { dedupeKey: 'once', runAt: new Date(Date.now() + 60_000) });
    await enqueueJob(t.db, 'test.count', { n: 2 }, { dedupeKey: 'once', runAt: new Date(Date.now() + 60_000) });
    const rows = await t.db.execute(sql`SELECT count(*)::int AS n FROM jobs WHERE dedupe_key = 'once'`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1);
  });
});
