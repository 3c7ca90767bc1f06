import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { rateCounters } from '../../server/db/schema/index.js';
import { createTestContext, type TestContext } from '../helpers/app.js';

/*
 * Login throttling per account and per address (issue 14), counted in PostgreSQL (rate_counters)
 * so several app instances share it; the client address from X-Forwarded-For only with TRUST_PROXY.
 */

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ TRUST_PROXY: 'true', LOGIN_ADDRESS_MAX_FAILURES: '6' });
});
afterAll(() => t.close());

const loginFrom = (ip: string, username: string, password: string, app = t.app) =>
  app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': ip }, payload: { username, password } });

describe('login throttle', () => {
  it('one office behind one address: many correct logins are never refused', async () => {
    for (let i = 0; i < 40; i++) {
      const res = await loginFrom('10.0.0.1', i % 2 ? 'district-housing' : 'district-market', 'Demo@2026');
      expect(res.statusCode, `login ${i + 1}`).toBe(200);
    }
  });

  it('per address: failures from one address refuse that address only, shared by a second app instance', async () => {
    const second = await buildApp({ db: t.db, database: t.database, env: t.env, cipher: t.cipher }, { logger: false });
    try {
      for (let i = 0; i < 3; i++) expect((await loginFrom('10.0.0.66', `nobody-${i}`, 'wrong', t.app)).statusCode).toBe(401);
      for (let i = 3; i < 6; i++) expect((await loginFrom('10.0.0.66', `nobody-${i}`, 'wrong', second)).statusCode).toBe(401);
      const refused = await loginFrom('10.0.0.66', 'district-housing', 'Demo@2026', t.app);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatchObject({ code: 'LOGIN_THROTTLED', details: { scope: 'address' } });
      expect(refused.json().error.message).toMatch(/该网络地址登录失败次数过多，请 \d+ 分钟后再试/);
      expect((await loginFrom('10.0.0.66', 'district-housing', 'Demo@2026', second)).statusCode).toBe(429);
      // Another address, same user: fine.
      expect((await loginFrom('10.0.0.77', 'district-housing', 'Demo@2026')).statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('per account: failures for one user name from many addresses refuse that name only', async () => {
    for (let i = 0; i < 20; i++) expect((await loginFrom(`10.1.0.${i + 1}`, 'ghost-user', 'wrong')).statusCode).toBe(401);
    const refused = await loginFrom('10.1.0.200', 'ghost-user', 'wrong');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.details.scope).toBe('account');
    expect((await loginFrom('10.1.0.200', 'district-market', 'Demo@2026')).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY', async () => {
    const direct = await createTestContext({ LOGIN_ADDRESS_MAX_FAILURES: '2' });
    try {
      for (const ip of ['1.1.1.1', '2.2.2.2']) expect((await loginFrom(ip, 'nobody', 'wrong', direct.app)).statusCode).toBe(401);
      // Both counted against the socket address, not the forged header.
      expect((await loginFrom('3.3.3.3', 'district-housing', 'Demo@2026', direct.app)).statusCode).toBe(429);
    } finally {
      await direct.close();
    }
  });
});

describe('public route limits in the shared PostgreSQL store', () => {
  it('counts a public route per address in rate_counters and answers 429 over the limit', async () => {
    const rate = (ip: string) =>
      t.app.inject({ method: 'POST', url: '/api/public/complaints/NOSUCHCODE/rating', headers: { 'x-forwarded-for': ip }, payload: { satisfaction: 'satisfied' } });
    for (let i = 0; i < 10; i++) expect((await rate('10.9.9.9')).statusCode).not.toBe(429);
    const over = await rate('10.9.9.9');
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('RATE_LIMITED');
    expect((await rate('10.9.9.10')).statusCode).not.toBe(429);
    const rows = await t.db.select().from(rateCounters).where(like(rateCounters.key, 'rl:POST /api/public/complaints/:trackingCode/rating:%'));
    expect(rows.map((r) => r.hits).sort((a, b) => b - a)[0]).toBe(11);
  });
});
