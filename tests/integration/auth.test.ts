import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login and sessions', () => {
  it('sets an HttpOnly SameSite=Lax session cookie and /api/me describes the user', async () => {
    const res = await login('district-housing', 'Demo@2026');
    expect(res.statusCode).toBe(200);
    const sid = res.cookies.find((c) => c.name === 'sid');
    expect(sid?.httpOnly).toBe(true);
    expect(sid?.sameSite).toBe('Lax');
    expect(sid?.secure).toBeFalsy();
    const me = expectStatus(await t.as(`sid=${sid?.value}`, { method: 'GET', url: '/api/me' }), 200);
    expect(me.user.username).toBe('district-housing');
    expect(me.roles).toContain('coordinator');
    expect(me.permissions).toContain('complaint:dispatch');
    expect(me.region.code).toBe('420100-DH');
    expect(me.orgUnit.type).toBe('housing');
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const proxied = await createTestContext({ TRUST_PROXY: 'true' });
    try {
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'auditor', password: 'Demo@2026' },
      });
      expect(res.cookies.find((c) => c.name === 'sid')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('answers 401 with the standard error shape on bad credentials and for unknown users', async () => {
    const bad = await login('district-market', 'wrong-Password1');
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(bad.json().error.requestId).toBeTruthy();
    expect((await login('nobody-here', 'x')).statusCode).toBe(401);
  });

  it('answers 401 on /api/me without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('locks the account for 15 minutes after 5 consecutive failures, refusing even the right password with 423', async () => {
    for (let i = 0; i < 5; i++) expect((await login('district-police', `Wrong-pass${i}`)).statusCode).toBe(401);
    const locked = await login('district-police', 'Demo@2026');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    const [u] = await t.db.select().from(users).where(eq(users.username, 'district-police'));
    const minutes = ((u.lockedUntil as Date).getTime() - Date.now()) / 60000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15.1);
    // After the lock expires the right password works again and the counter resets.
    await t.db.update(users).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, u.id));
    expect((await login('district-police', 'Demo@2026')).statusCode).toBe(200);
    const [after] = await t.db.select().from(users).where(eq(users.id, u.id));
    expect(after.failedLoginCount).toBe(0);
  });

  it('a success between failures resets the count, so only consecutive failures lock', async () => {
    for (let i = 0; i < 4; i++) await login('district-civil', 'Wrong-pass1');
    expect((await login('district-civil', 'Demo@2026')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login('district-civil', 'Wrong-pass1');
    expect((await login('district-civil', 'Demo@2026')).statusCode).toBe(200);
  });

  it('logout revokes the session server-side', async () => {
    const cookie = await t.login('district-credit');
    expect((await t.as(cookie, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await t.as(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const cookie = await t.login('street-staff');
    await t.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM users WHERE username = 'street-staff')`);
    expect((await t.as(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('keeps a session alive that was used 29 minutes ago', async () => {
    const cookie = await t.login('inspector-2');
    await t.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE user_id = (SELECT id FROM users WHERE username = 'inspector-2')`);
    expect((await t.as(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('records logins and failures in the audit log with IP and request id', async () => {
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.locked'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].ip).toBeTruthy();
    expect(rows[0].requestId).toBeTruthy();
  });
});

describe('passwords', () => {
  it('forces a user with an initial password to change it before anything else', async () => {
    const admin = await t.login('admin');
    const created = expectStatus(
      await t.as(admin, {
        method: 'POST',
        url: '/api/users',
        payload: { username: 'new-officer', displayName: '新同事', roles: ['dept_officer'], orgUnitId: (await unitId('dh-market')) },
      }),
      201,
    );
    expect(created.initialPassword).toBeTruthy();
    const cookie = await t.login('new-officer', created.initialPassword);
    const me = expectStatus(await t.as(cookie, { method: 'GET', url: '/api/me' }), 200);
    expect(me.user.mustChangePassword).toBe(true);
    const blocked = await t.as(cookie, { method: 'GET', url: '/api/org-units' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await t.as(cookie, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: created.initialPassword, newPassword: 'abcdefgh' } });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.details.fields.newPassword).toMatch(/三类/);
    const withName = await t.as(cookie, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: created.initialPassword, newPassword: 'new-officer-A1!' } });
    expect(withName.json().error.details.fields.newPassword).toMatch(/用户名/);
    const wrongCurrent = await t.as(cookie, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: 'nope', newPassword: 'Strong#Pass9' } });
    expect(Object.keys(wrongCurrent.json().error.details.fields)).toEqual(['currentPassword']);

    expect((await t.as(cookie, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: created.initialPassword, newPassword: 'Strong#Pass9' } })).statusCode).toBe(204);
    expect((await t.as(cookie, { method: 'GET', url: '/api/org-units' })).statusCode).toBe(200);
    expect((await login('new-officer', 'Strong#Pass9')).statusCode).toBe(200);
  });

  it('lets an admin reset a password: old sessions end and the user must change it', async () => {
    const userCookie = await t.login('inspector-1');
    const admin = await t.login('admin');
    const [u] = await t.db.select().from(users).where(eq(users.username, 'inspector-1'));
    const { temporaryPassword } = expectStatus(await t.as(admin, { method: 'POST', url: `/api/users/${u.id}/reset-password` }), 200);
    expect((await t.as(userCookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await login('inspector-1', 'Demo@2026')).statusCode).toBe(401);
    const cookie = await t.login('inspector-1', temporaryPassword);
    expect(expectStatus(await t.as(cookie, { method: 'GET', url: '/api/me' }), 200).user.mustChangePassword).toBe(true);
    const active = await t.db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(active.filter((s) => !s.revokedAt)).toHaveLength(1);
  });

  it('stores argon2id hashes, never the password', async () => {
    const [u] = await t.db.select().from(users).where(eq(users.username, 'auditor'));
    expect(u.passwordHash.startsWith('$argon2id$')).toBe(true);
  });

  it('with NODE_ENV=production every demo account must change its password at first login', async () => {
    const { migrateDatabase, openDatabase } = await import('../../server/db/client.js');
    const { seedDatabase } = await import('../../server/seed.js');
    const { FieldCipher } = await import('../../server/lib/crypto.js');
    const { testEnv, TEST_KEY } = await import('../helpers/test-env.js');
    const fresh = await openDatabase({});
    try {
      await migrateDatabase(fresh);
      await seedDatabase(fresh.db, testEnv({ NODE_ENV: 'production' }), new FieldCipher(TEST_KEY));
      const rows = await fresh.db.select({ must: users.mustChangePassword }).from(users);
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.every((r) => r.must)).toBe(true);
    } finally {
      await fresh.close();
    }
    const [dev] = await t.db.select().from(users).where(eq(users.username, 'district-supervisor'));
    expect(dev.mustChangePassword).toBe(false);
  });
});

async function unitId(key: string): Promise<string> {
  const names: Record<string, string> = { 'dh-market': '东湖风景区市场监督管理局' };
  const { rows } = (await t.db.execute(sql`SELECT id FROM org_units WHERE name = ${names[key]}`)) as unknown as { rows: { id: string }[] };
  return rows[0].id;
}
