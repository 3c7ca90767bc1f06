import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { announceLocally } from '../../db/changes.js';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import type { Env } from '../../env.js';
import type { FieldCipher } from '../../lib/crypto.js';
import type { Actor } from '../../http/actor.js';
import { recordAudit } from '../../http/audit.js';
import { AppError, conflict, validationFailed } from '../../http/errors.js';

/*
 * TOTP second factor (RFC 6238, 30 s, 6 digits, SHA-1 — what every authenticator app reads) through
 * `otplib`, enrolment by QR code (`qrcode`), 10 single-use recovery codes stored as SHA-256 hashes.
 * 等保 level 3 asks for two factors for administrators and auditors: in production the roles of
 * TOTP_REQUIRED_ROLES (default admin, auditor, supervisor) must enrol before doing anything else.
 */

export const TOTP_ISSUER = '物业服务专项整治监督平台';
const RECOVERY_CODES = 10;
/** One step either side: a phone clock up to 30 s off still works. */
const EPOCH_TOLERANCE = 30;

/** The time step a valid code belonged to (TOTP results carry it; the current step otherwise). */
function stepOf(result: object): number {
  return 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : Math.floor(Date.now() / 30_000);
}

const DEFAULT_PRODUCTION_ROLES = ['admin', 'auditor', 'supervisor'];

/** The roles that must use TOTP under these settings. */
export function totpRequiredRoles(env: Env): string[] {
  if (env.TOTP_REQUIRED_ROLES !== undefined) {
    return env.TOTP_REQUIRED_ROLES.split(',')
      .map((r) => r.trim())
      .filter(Boolean);
  }
  return env.NODE_ENV === 'production' ? DEFAULT_PRODUCTION_ROLES : [];
}

export function totpRequiredFor(env: Env, roles: readonly string[]): boolean {
  const required = totpRequiredRoles(env);
  return roles.some((r) => required.includes(r));
}

const hashCode = (code: string) => createHash('sha256').update(normaliseRecovery(code)).digest('hex');
const normaliseRecovery = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/** 10 characters of unambiguous base32 in two groups: "K7QX3-MF9TD". */
function recoveryCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Starts (or restarts) enrolment: a new secret and recovery codes, active only after confirm. */
export async function enrollTotp(db: Db, cipher: FieldCipher, actor: Actor) {
  const [user] = await db.select({ username: users.username }).from(users).where(eq(users.id, actor.userId as string));
  if (!user) throw new AppError('UNAUTHENTICATED', 401, '请先登录');
  const secret = generateSecret();
  const recoveryCodes = Array.from({ length: RECOVERY_CODES }, recoveryCode);
  const otpauthUrl = generateURI({ issuer: TOTP_ISSUER, label: user.username, secret });
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpPendingSecretEnc: cipher.encrypt(secret), totpPendingRecoveryHashes: recoveryCodes.map(hashCode), updatedAt: new Date() })
      .where(eq(users.id, actor.userId as string));
    await recordAudit(tx, actor, { action: 'auth.totp_enroll_started', entityType: 'user', entityId: actor.userId });
  });
  const qrCode = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 });
  return { secret, otpauthUrl, qrCode, recoveryCodes };
}

/** Confirms enrolment with a code from the app: the pending secret becomes the user's second factor. */
export async function confirmTotp(db: Db, cipher: FieldCipher, actor: Actor, code: string) {
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId as string)).for('update');
    if (!user?.totpPendingSecretEnc) throw conflict('请先开始绑定动态口令（生成二维码）');
    const secret = cipher.decrypt(user.totpPendingSecretEnc) as string;
    const result = await verify({ secret, token: code, epochTolerance: EPOCH_TOLERANCE });
    if (!result.valid) throw validationFailed({ code: '动态口令不正确，请核对手机时间后输入当前显示的 6 位数字' });
    await tx
      .update(users)
      .set({
        totpSecretEnc: user.totpPendingSecretEnc,
        totpRecoveryHashes: user.totpPendingRecoveryHashes ?? [],
        totpEnabledAt: new Date(),
        totpLastStep: stepOf(result),
        totpPendingSecretEnc: null,
        totpPendingRecoveryHashes: null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    await recordAudit(tx, actor, { action: 'auth.totp_enabled', entityType: 'user', entityId: user.id });
  });
  // The database announces the change to every instance; this one drops its cached session at once.
  announceLocally(`user:${actor.userId}`);
}

/**
 * Checks the second factor at login: a current 6-digit code not used before, or an unused recovery
 * code (then spent). Returns how it was satisfied, or null when wrong.
 */
export async function checkSecondFactor(
  db: Db,
  cipher: FieldCipher,
  user: { id: string; totpSecretEnc: string | null; totpLastStep: number | null; totpRecoveryHashes: string[] },
  input: string,
): Promise<'totp' | 'recovery' | null> {
  const code = input.trim();
  if (/^\d{6}$/.test(code) && user.totpSecretEnc) {
    const secret = cipher.decrypt(user.totpSecretEnc) as string;
    const result = await verify({ secret, token: code, epochTolerance: EPOCH_TOLERANCE, afterTimeStep: user.totpLastStep ?? undefined }).catch(() => ({
      valid: false as const,
    }));
    if (!result.valid) return null;
    await db.update(users).set({ totpLastStep: stepOf(result) }).where(eq(users.id, user.id));
    return 'totp';
  }
  const hash = hashCode(code);
  if (!user.totpRecoveryHashes.includes(hash)) return null;
  await db
    .update(users)
    .set({ totpRecoveryHashes: user.totpRecoveryHashes.filter((h) => h !== hash) })
    .where(eq(users.id, user.id));
  return 'recovery';
}

/** The enrolment state shown on the security page. */
export async function totpStatus(db: Db, env: Env, actor: Actor) {
  const [user] = await db
    .select({ enabledAt: users.totpEnabledAt, recovery: users.totpRecoveryHashes })
    .from(users)
    .where(eq(users.id, actor.userId as string));
  return {
    enabled: !!user?.enabledAt,
    enabledAt: user?.enabledAt ?? null,
    recoveryCodesLeft: user?.recovery.length ?? 0,
    required: totpRequiredFor(env, actor.roles),
  };
}
