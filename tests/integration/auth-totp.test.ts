import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../server/db/schema/index.js';
import { createTestContext, expectStatus, type TestContext } from '../helpers/app.js';

/*
 * TOTP second factor (issue 14): enrolment by QR code with recovery codes, login with password +
 * code, TOTP_REQUIRED without the code (and no session), single use of codes and recovery codes,
 * and the production rule that administrators, auditors and supervisors must enrol.
 */

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const login = (ctx: TestContext, payload: Record<string, string>) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload });
/** A code of the step after `lastStep`, so that the test never waits for the clock. */
const codeAt = (secret: string, offsetSteps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

describe('TOTP enrolment and login', () => {
  let secret: string;
  let recoveryCodes: string[];

  it('enrols: secret, otpauth URL, QR code and 10 recovery codes, stored hashed; inactive until confirmed', async () => {
    const cookie = await t.login('admin');
    const body = expectStatus(await t.as(cookie, { method: 'POST', url: '/api/auth/totp/enroll' }), 200);
    expect(body.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    expect(body.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(body.recoveryCodes).toHaveLength(10);
    secret = body.secret;
    recoveryCodes = body.recoveryCodes;
    const [row] = await t.db.select().from(users).where(eq(users.username, 'admin'));
    expect(row.totpEnabledAt).toBeNull();
    expect(row.totpPendingSecretEnc).not.toContain(secret);
    expect(row.totpPendingRecoveryHashes?.join()).not.toContain(recoveryCodes[0]);
    // Not active yet: the password alone still signs in.
    expect((await login(t, { username: 'admin', password: 'Demo@2026' })).statusCode).toBe(200);
  });

  it('refuses a wrong confirmation code in Chinese, then confirms with the current one', async () => {
    const cookie = await t.login('admin');
    const bad = await t.as(cookie, { method: 'POST', url: '/api/auth/totp/confirm', payload: { code: '12345' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.fields.code).toBe('请输入手机上显示的 6 位数字');
    const wrong = await t.as(cookie, { method: 'POST', url: '/api/auth/totp/confirm', payload: { code: (Number(await codeAt(secret)) ^ 1).toString().padStart(6, '0') } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.details.fields.code).toMatch(/动态口令不正确/);
    expectStatus(await t.as(cookie, { method: 'POST', url: '/api/auth/totp/confirm', payload: { code: await codeAt(secret, -1) } }), 200);
    const status = expectStatus(await t.as(cookie, { method: 'GET', url: '/api/auth/totp' }), 200);
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
  });

  it('without the code: 401 TOTP_REQUIRED and no session', async () => {
    const res = await login(t, { username: 'admin', password: 'Demo@2026' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('TOTP_REQUIRED');
    expect(res.json().error.message).toMatch(/动态口令/);
    expect(res.cookies.find((c) => c.name === 'sid')).toBeUndefined();
  });

  it('with the current code: 200; the same code is not accepted twice', async () => {
    const code = await codeAt(secret);
    const ok = await login(t, { username: 'admin', password: 'Demo@2026', totp: code });
    expect(ok.statusCode).toBe(200);
    expect(ok.cookies.find((c) => c.name === 'sid')?.value).toBeTruthy();
    const replay = await login(t, { username: 'admin', password: 'Demo@2026', totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(replay.json().error.details.fields.totp).toMatch(/动态口令/);
  });

  it('a wrong password is still refused before the code is looked at', async () => {
    const res = await login(t, { username: 'admin', password: 'Wrong@2026x', totp: await codeAt(secret, 1) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/用户名或密码错误/);
  });

  it('a recovery code works once', async () => {
    const ok = await login(t, { username: 'admin', password: 'Demo@2026', totp: recoveryCodes[0].toLowerCase() });
    expect(ok.statusCode).toBe(200);
    expect((await login(t, { username: 'admin', password: 'Demo@2026', totp: recoveryCodes[0] })).statusCode).toBe(401);
    const [row] = await t.db.select().from(users).where(eq(users.username, 'admin'));
    expect(row.totpRecoveryHashes).toHaveLength(9);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.totp_enabled'));
    expect(audits).toHaveLength(1);
    // Reset the failure counter for the other tests of this file.
    await t.db.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.username, 'admin'));
  });
});

describe('validation messages in Chinese, in the usual envelope', () => {
  it('names every field of a bad login body in Chinese', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 5, totp: 'x'.repeat(40) } });
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.fields).toEqual({ username: '无效输入：期望 文本，实际接收 数字', password: '此项为必填项', totp: '动态口令过长' });
  });
});

describe('TOTP required in production for admin, auditor and supervisor', () => {
  let prod: TestContext;
  beforeAll(async () => {
    prod = await createTestContext({ NODE_ENV: 'production', COOKIE_SECURE: 'false' });
  });
  afterAll(() => prod.close());

  it('an auditor without TOTP may only enrol (and see who they are) until enrolled', async () => {
    const res = await login(prod, { username: 'auditor', password: 'Demo@2026' });
    expect(res.statusCode).toBe(200);
    expect(res.json().mustEnrolTotp).toBe(true);
    const cookie = `sid=${res.cookies.find((c) => c.name === 'sid')?.value}`;
    const me = expectStatus(await prod.as(cookie, { method: 'GET', url: '/api/me' }), 200);
    expect(me.user.mustEnrolTotp).toBe(true);
    const blocked = await prod.as(cookie, { method: 'GET', url: '/api/audit' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    const { secret } = expectStatus(await prod.as(cookie, { method: 'POST', url: '/api/auth/totp/enroll' }), 200);
    expectStatus(await prod.as(cookie, { method: 'POST', url: '/api/auth/totp/confirm', payload: { code: await codeAt(secret) } }), 200);
    expect((await prod.as(cookie, { method: 'GET', url: '/api/audit' })).statusCode).toBe(200);
  });

  it('a role not in the list is not forced', async () => {
    const res = await login(prod, { username: 'district-housing', password: 'Demo@2026' });
    expect(res.statusCode).toBe(200);
    expect(res.json().mustEnrolTotp).toBe(false);
  });
});
