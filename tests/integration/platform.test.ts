import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBanner } from '../../server/banner.js';
import { jobs } from '../../server/db/schema/index.js';
import { DEMO_USERS } from '../../server/modules/org-units/org.seed.js';
import { DEMO_ENTERPRISE_USER } from '../../server/modules/enterprises/registry.seed.js';
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

  it('serves the browsable API documentation at /api/docs, wired to the generated document', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<div id="swagger-ui"></div>');
    // Every script the page loads is served, and the document it fetches lists the API.
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toContain('/api/docs/static/swagger-initializer.js');
    for (const src of scripts) {
      const res = await t.app.inject({ method: 'GET', url: src });
      expect(res.statusCode, src).toBe(200);
      expect(res.headers['content-type'], src).toMatch(/javascript/);
    }
    const initializer = (await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' })).body;
    expect(initializer).toContain("resolveUrl('./json')");
    const doc = expectStatus(await t.app.inject({ method: 'GET', url: '/api/docs/json' }), 200);
    expect(doc.info.title).toBe('物业服务专项整治监督平台 API');
    expect(doc.paths['/api/campaigns/{id}/deadlines'].post).toBeTruthy();
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

describe('start-up banner', () => {
  const env = {
    HOST: '0.0.0.0',
    PORT: 3000,
    DATA_DIR: './data',
    SEED_DEMO: true,
    DEMO_PASSWORD: 'Demo@2026',
    NODE_ENV: 'development' as const,
    OPEN311_DEMO_KEY: 'demo-open311-key-0000000000000000',
  };
  const accountLines = (banner: string) => banner.split('\n').filter((l) => /^ {4}\S/.test(l));

  it('prints the console, portal and docs URLs and the embedded database', () => {
    const lines = startBanner(env, { driver: 'pglite' }, true).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '',
      '物业服务专项整治监督平台 running at http://localhost:3000/',
      '  public portal:  http://localhost:3000/portal',
      '  API docs:       http://localhost:3000/api/docs',
      `  database:       embedded PGlite in ${join('./data', 'pglite')} — migrated and seeded just now`,
    ]);
    const onServer = startBanner({ ...env, HOST: '10.0.0.11', PORT: 8080 }, { driver: 'postgres' }, false);
    expect(onServer).toContain('running at http://10.0.0.11:8080/');
    expect(onServer).toContain('  API docs:       http://10.0.0.11:8080/api/docs');
    expect(onServer).toContain('  database:       PostgreSQL (DATABASE_URL)\n');
    expect(startBanner({ ...env, HOST: '::' }, { driver: 'pglite' }, false)).toContain('http://localhost:3000/portal');
  });

  it('lists every demo account, aligned, with the password and the Open311 key', () => {
    const banner = startBanner({ ...env, DEMO_PASSWORD: 'Other#Pass9' }, { driver: 'pglite' }, false);
    expect(banner).toContain('  demo accounts (password: Other#Pass9):');
    expect(banner).toContain('  Open311 demo api_key: demo-open311-key-0000000000000000');
    const accounts = accountLines(banner);
    expect(accounts.map((l) => l.trim().split(/\s+/)[0])).toEqual([...DEMO_USERS.map((u) => u.username), DEMO_ENTERPRISE_USER.username]);
    expect(accounts).toContain(`    ${'admin'.padEnd(31)} 系统管理员`);
    expect(accounts.at(-1)).toMatch(/^ {4}enterprise-user +物业企业用户（武汉听涛物业服务有限公司）$/);
    // One column: every description starts at the same position.
    const columns = new Set(accounts.map((l) => (l.match(/^ {4}\S+ +/) as RegExpMatchArray)[0].length));
    expect(columns).toEqual(new Set([4 + 'other-district-housing-leader'.length + 3]));
    expect(startBanner({ ...env, NODE_ENV: 'production' }, { driver: 'postgres' }, false)).toContain('(password: Demo@2026, must be changed at first login):');
  });

  it('advertises only accounts that exist and accept the printed password', async () => {
    const usernames = accountLines(startBanner({ ...env, DEMO_PASSWORD: t.env.DEMO_PASSWORD }, { driver: 'pglite' }, false)).map((l) => l.trim().split(/\s+/)[0]);
    expect(usernames.length).toBeGreaterThan(20);
    for (const username of usernames) await t.login(username, t.env.DEMO_PASSWORD);
  });

  it('shows neither accounts nor password without demo data', () => {
    const banner = startBanner({ ...env, SEED_DEMO: false }, { driver: 'pglite' }, false);
    expect(banner).not.toContain('Demo@2026');
    expect(banner).not.toContain('demo accounts');
    expect(banner).not.toContain('api_key');
    expect(accountLines(banner)).toEqual([]);
    expect(banner.split('\n')).toHaveLength(5);
  });
});
