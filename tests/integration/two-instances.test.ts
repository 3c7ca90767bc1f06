import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../server/app.js';
import { type Database, openDatabase, queryRows } from '../../server/db/client.js';
import { FieldCipher } from '../../server/lib/crypto.js';
import { type TestContext, createTestContext, expectStatus } from '../helpers/app.js';
import { TEST_KEY } from '../helpers/test-env.js';

/*
 * Two app instances on one database behave as one: what one instance caches in memory (sessions,
 * the project-name index, region paths, campaign rules) is dropped when another instance — or
 * anything else — changes the database (db/changes.ts, LISTEN/NOTIFY). On PostgreSQL the second
 * instance has its own connection pool and listening connection; on PGlite (one process can own an
 * embedded database) both apps share the instance but keep their own caches.
 */
describe('two app instances on one database', () => {
  let t: TestContext;
  let second: Database;
  let b: FastifyInstance;

  beforeAll(async () => {
    t = await createTestContext();
    if (t.database.driver === 'postgres') {
      const url = (t.db as unknown as { $client: { options: { connectionString: string } } }).$client.options.connectionString;
      second = await openDatabase({ databaseUrl: url, poolMax: 2 });
    } else {
      second = { ...t.database, close: async () => undefined };
    }
    b = await buildApp({ db: second.db, database: second, env: t.env, cipher: new FieldCipher(TEST_KEY) }, { logger: false });
    await b.ready();
  });

  afterAll(async () => {
    await b.close();
    await second.close();
    await t.close();
  });

  const onB = (cookie: string, opts: InjectOptions) => b.inject({ ...opts, headers: { cookie, ...(opts.headers ?? {}) } });

  it('a session opened on one instance is valid on the other, and a logout on one ends it on both', async () => {
    const cookie = await t.login('district-housing');
    expectStatus(await onB(cookie, { method: 'GET', url: '/api/me' }), 200);
    expectStatus(await t.as(cookie, { method: 'GET', url: '/api/me' }), 200);
    // B has the session in memory now; A ends it.
    expectStatus(await t.as(cookie, { method: 'POST', url: '/api/auth/logout' }), 204);
    await vi.waitFor(async () => expect((await onB(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(401), { timeout: 3000, interval: 50 });
  });

  it('a user disabled in the database loses the session held in memory by either instance', async () => {
    const cookie = await t.login('district-housing-leader');
    expectStatus(await onB(cookie, { method: 'GET', url: '/api/me' }), 200);
    await t.db.execute(sql`UPDATE users SET disabled = true WHERE username = 'district-housing-leader'`);
    await vi.waitFor(async () => expect((await onB(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(401), { timeout: 3000, interval: 50 });
    expect((await t.as(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('a project registered elsewhere is recognised in a lead taken by the instance that had indexed the registry before', async () => {
    const cookie = await t.login('district-housing');
    const me = expectStatus<{ region: { id: number } }>(await onB(cookie, { method: 'GET', url: '/api/me' }), 200);
    const lead = (text: string) =>
      onB(cookie, { method: 'POST', url: '/api/complaints', payload: { channel: 'phone', description: text, contactName: '张先生', contactPhone: '13800138000' } });
    // B builds its index now, without the project.
    expectStatus(await lead('小区电梯经常停运，物业不处理，请尽快核查。'), 201);
    const [project] = await queryRows<{ id: string }>(
      t.db,
      sql`INSERT INTO projects (name, address, region_id) VALUES ('两实例测试花园', '测试路 1 号', ${me.region.id}) RETURNING id`,
    );
    await vi.waitFor(
      async () => {
        const created = expectStatus<{ id: string }>(await lead('两实例测试花园电梯经常停运，物业不处理，请尽快核查。'), 201);
        const [row] = await queryRows<{ project_id: string | null }>(t.db, sql`SELECT project_id FROM complaints WHERE id = ${created.id}`);
        expect(row.project_id).toBe(project.id);
      },
      { timeout: 3000, interval: 50 },
    );
  });

  it('a year of the holiday calendar entered elsewhere ends the provisional computation on the instance that had cached the calendar', async () => {
    const cookie = await t.login('district-housing');
    const probe = async () => expectStatus<{ date: string; provisional: boolean }>(await onB(cookie, { method: 'GET', url: '/api/calendar/add-working-days?date=2031-03-03&days=1' }), 200);
    expect((await probe()).provisional).toBe(true);
    await t.db.execute(sql`INSERT INTO calendar_years (year, source, complete) VALUES (2031, '两实例测试', true)`);
    await vi.waitFor(async () => expect((await probe()).provisional).toBe(false), { timeout: 3000, interval: 50 });
  });

  it('tracking codes and audit rows stay one sequence: leads taken on both instances at once are all stored, each once', async () => {
    const cookie = await t.login('district-housing');
    const payload = { channel: 'phone', description: '楼道灯坏了很久，物业一直不修，请核查处理。', contactName: '李女士', contactPhone: '13900139000' };
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? onB(cookie, { method: 'POST', url: '/api/complaints', payload }) : t.as(cookie, { method: 'POST', url: '/api/complaints', payload }))),
    );
    const ids = results.map((r) => expectStatus<{ id: string; trackingCode: string }>(r, 201));
    expect(new Set(ids.map((r) => r.trackingCode)).size).toBe(10);
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'complaint.create' AND entity_id IN (${sql.join(
        ids.map((r) => sql`${r.id}`),
        sql`, `,
      )})`,
    );
    expect(n).toBe(10);
  });
});
