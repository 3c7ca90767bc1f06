import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { passwordProblems } from '../../../core/password-policy.js';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import type { Env } from '../../env.js';
import { type Actor, systemActor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, validationFailed } from '../../http/errors.js';
import { hit, peek } from '../../http/rate-counters.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { dummyVerify, hashPassword, verifyPassword } from './passwords.js';
import { createSession, revokeSession, revokeUserSessions } from './sessions.js';
import { checkSecondFactor, totpRequiredFor } from './totp.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** Window of the login throttle counters (rate_counters, shared by every app instance). */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Failed logins per user name (existing or not) per window; the lockout of an existing account comes first. */
export const ACCOUNT_MAX_FAILURES = 20;

const addressKey = (request: FastifyRequest) => `login:addr:${request.ip}`;
const accountKey = (username: string) => `login:acct:${username.toLowerCase()}`;

/**
 * Throttle before any password is checked (等保 身份鉴别 b; issue 14): per client address
 * (request.ip — the X-Forwarded-For client when TRUST_PROXY is set) and per user name, counting
 * failures only, so colleagues behind one NAT address are not refused for a busy morning of
 * correct logins, and one person's mistakes lock only their own account.
 */
async function assertNotThrottled(db: Db, env: Env, request: FastifyRequest, username: string) {
  const [address, account] = await Promise.all([peek(db, addressKey(request), LOGIN_WINDOW_MS), peek(db, accountKey(username), LOGIN_WINDOW_MS)]);
  const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
  if (address.hits >= env.LOGIN_ADDRESS_MAX_FAILURES) {
    throw new AppError('LOGIN_THROTTLED', 429, `该网络地址登录失败次数过多，请 ${minutes(address.ttlMs)} 分钟后再试`, { scope: 'address', retryAfterSeconds: Math.ceil(address.ttlMs / 1000) });
  }
  if (account.hits >= ACCOUNT_MAX_FAILURES) {
    throw new AppError('LOGIN_THROTTLED', 429, `该账号登录失败次数过多，请 ${minutes(account.ttlMs)} 分钟后再试`, { scope: 'account', retryAfterSeconds: Math.ceil(account.ttlMs / 1000) });
  }
}

async function countFailure(db: Db, request: FastifyRequest, username: string) {
  await Promise.all([hit(db, addressKey(request), LOGIN_WINDOW_MS), hit(db, accountKey(username), LOGIN_WINDOW_MS)]);
}

function anonymous(request: FastifyRequest, username: string): Actor {
  return { ...systemActor('anonymous'), kind: 'user', username, ip: request.ip, requestId: request.id };
}

/**
 * Login with lockout (等保 身份鉴别 b): 5 consecutive failures lock the account for 15 minutes,
 * during which even the right password is refused with 423.
 */
export async function login(db: Db, env: Env, cipher: FieldCipher, request: FastifyRequest, username: string, password: string, totp?: string) {
  await assertNotThrottled(db, env, request, username);
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user || user.disabled) {
    await dummyVerify(password);
    await countFailure(db, request, username);
    await recordAudit(db, anonymous(request, username), { action: 'auth.login_failed', entityType: 'user', note: '用户不存在或已停用' });
    throw new AppError('INVALID_CREDENTIALS', 401, '用户名或密码错误');
  }
  const actor = { ...anonymous(request, user.username), userId: user.id, regionId: user.regionId };
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await recordAudit(db, actor, { action: 'auth.login_refused_locked', entityType: 'user', entityId: user.id });
    throw new AppError('ACCOUNT_LOCKED', 423, `连续登录失败次数过多，账号已锁定，请于 ${formatTime(user.lockedUntil)} 后再试`, {
      lockedUntil: user.lockedUntil.toISOString(),
    });
  }
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok) {
    await countFailure(db, request, username);
    await failedAttempt(db, actor, user.id, 'password');
  }
  let secondFactor: 'totp' | 'recovery' | null = null;
  if (user.totpEnabledAt) {
    // Password right: the second factor decides. No code: say so (no session, not a failure).
    if (!totp?.trim()) throw new AppError('TOTP_REQUIRED', 401, '请输入手机动态口令（6 位数字）或一个恢复码', { fields: { totp: '请输入动态口令' } });
    secondFactor = await checkSecondFactor(db, cipher, user, totp);
    if (!secondFactor) {
      await countFailure(db, request, username);
      await failedAttempt(db, actor, user.id, 'totp');
    }
  }
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(users.id, user.id));
    const token = await createSession(tx, env, user.id, request);
    await recordAudit(tx, actor, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      note: secondFactor === 'recovery' ? `使用恢复码登录（剩余 ${user.totpRecoveryHashes.length - 1} 个）` : secondFactor === 'totp' ? '密码 + 动态口令' : null,
    });
    return {
      token,
      mustChangePassword: user.mustChangePassword,
      mustEnrolTotp: !user.totpEnabledAt && totpRequiredFor(env, user.roles),
    };
  });
}

/** Counts a failed attempt (wrong password or wrong second factor) and throws the 401. */
async function failedAttempt(db: Db, actor: Actor, userId: string, what: 'password' | 'totp'): Promise<never> {
    // Atomic increment: concurrent failures are all counted.
    const [updated] = await db
      .update(users)
      .set({
        failedLoginCount: sql`${users.failedLoginCount} + 1`,
        lockedUntil: sql`CASE WHEN ${users.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS} THEN now() + make_interval(mins => ${LOCKOUT_MINUTES}) ELSE NULL END`,
      })
      .where(eq(users.id, userId))
      .returning({ failed: users.failedLoginCount, lockedUntil: users.lockedUntil });
    const locked = updated?.lockedUntil != null;
    await recordAudit(db, actor, {
      action: locked ? 'auth.locked' : 'auth.login_failed',
      entityType: 'user',
      entityId: userId,
      note: `${what === 'totp' ? '动态口令错误；' : ''}连续失败 ${updated?.failed ?? '?'} 次`,
    });
    const wrong = what === 'totp' ? '动态口令或恢复码不正确' : '用户名或密码错误';
    const remaining = Math.max(0, MAX_FAILED_LOGINS - (updated?.failed ?? 0));
    throw new AppError(
      'INVALID_CREDENTIALS',
      401,
      locked ? `${wrong}；账号已锁定 ${LOCKOUT_MINUTES} 分钟` : `${wrong}（再失败 ${remaining} 次将锁定 ${LOCKOUT_MINUTES} 分钟）`,
      what === 'totp' ? { fields: { totp: '动态口令不正确或已使用过' } } : undefined,
    );
}

export async function logout(db: Db, actor: Actor, sessionId: string) {
  await db.transaction(async (tx) => {
    await revokeSession(tx, sessionId);
    await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

export async function changePassword(db: Db, actor: Actor, sessionId: string, currentPassword: string, newPassword: string) {
  if (!actor.userId) throw new AppError('UNAUTHENTICATED', 401, '请先登录');
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('UNAUTHENTICATED', 401, '请先登录');
  const fields: Record<string, string> = {};
  if (!(await verifyPassword(user.passwordHash, currentPassword))) fields.currentPassword = '当前密码不正确';
  const problems = passwordProblems(newPassword, user.username);
  if (problems.length) fields.newPassword = problems.join('；');
  else if (await verifyPassword(user.passwordHash, newPassword)) fields.newPassword = '新密码不能与当前密码相同';
  if (Object.keys(fields).length) throw validationFailed(fields);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, user.id));
    // Other sessions of this user end: a changed password must lock out whoever else had it.
    await revokeUserSessions(tx, user.id, sessionId);
    await recordAudit(tx, actor, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
  });
}

function formatTime(d: Date): string {
  return d.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}
