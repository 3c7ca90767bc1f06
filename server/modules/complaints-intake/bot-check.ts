import { lt } from 'drizzle-orm';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib';
import type { Payload } from 'altcha-lib/types';
import type { Db } from '../../db/client.js';
import { intakeBotChallenges } from '../../db/schema/index.js';
import type { Env } from '../../env.js';
import { validationFailed } from '../../http/errors.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { altchaPayload } from './intake.schemas.js';

/**
 * The portal's offline bot check on ALTCHA's proof-of-work protocol (altcha-lib; decision 013):
 * the server picks a secret number n ≤ `maxnumber`, sends SHA-256(salt + n) with an HMAC of it,
 * and the browser finds n by trying 0, 1, 2 … (on average maxnumber / 2 hashes). The salt carries
 * `expires`, so the signature covers the expiry too. The HMAC key is derived from the deployment's
 * data key (a keyed digest of a fixed label), so every instance can verify any instance's
 * challenges and no extra secret has to be configured. Single use is enforced here: the solved
 * challenge is stored until it expires. PORTAL_BOT_CHECK=off turns the check off (tests only).
 */
/** 2^17: on average 65,536 hashes, the same work as the 16-leading-zero-bit check it replaced. */
export const BOT_CHECK_MAX_NUMBER = 131_072;
export const BOT_CHECK_TTL_MS = 10 * 60 * 1000;

const keys = new WeakMap<FieldCipher, string>();
function hmacKeyOf(cipher: FieldCipher): string {
  let k = keys.get(cipher);
  if (!k) {
    k = cipher.blindIndex('intake:bot-check:hmac-key:v1') as string;
    keys.set(cipher, k);
  }
  return k;
}

export interface BotCheckChallenge {
  enabled: boolean;
  /** ALTCHA: hex SHA-256(salt + secret number); null when the check is off. */
  challenge: string | null;
  /** The highest number to try (ALTCHA `maxnumber`); 0 when the check is off. */
  difficulty: number;
  expiresAt: Date | null;
  /** The rest of the ALTCHA challenge (absent when off): the response is a valid ALTCHA `challengeurl` answer. */
  algorithm?: 'SHA-256';
  maxnumber?: number;
  salt?: string;
  signature?: string;
}

export async function newChallenge(env: Env, cipher: FieldCipher, now = Date.now()): Promise<BotCheckChallenge> {
  if (!env.PORTAL_BOT_CHECK) return { enabled: false, challenge: null, difficulty: 0, expiresAt: null };
  const expiresAt = new Date(now + BOT_CHECK_TTL_MS);
  const c = await createChallenge({ hmacKey: hmacKeyOf(cipher), maxnumber: BOT_CHECK_MAX_NUMBER, expires: expiresAt, saltLength: 16 });
  return {
    enabled: true,
    algorithm: 'SHA-256',
    challenge: c.challenge,
    maxnumber: BOT_CHECK_MAX_NUMBER,
    salt: c.salt,
    signature: c.signature,
    difficulty: BOT_CHECK_MAX_NUMBER,
    // `expires` in the salt is whole seconds: report the same instant.
    expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000),
  };
}

/** The body's `botCheck`: the solution object, or the same JSON base64-encoded (what the ALTCHA widget emits). */
function decodePayload(botCheck: unknown): Payload | null {
  let value = botCheck;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(Buffer.from(value, 'base64').toString('utf8'));
    } catch {
      return null;
    }
  }
  const parsed = altchaPayload.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const BOT_CHECK_MESSAGES = {
  missing: '请先完成人机验证（页面会自动计算，请稍候再提交）',
  malformed: '人机验证信息无效，请刷新页面后重新提交',
  expired: '人机验证已过期，请刷新页面后重新提交',
  failed: '人机验证未通过，请刷新页面后重新提交',
  used: '该人机验证已使用过，请刷新页面后重新提交',
} as const;

/**
 * Verifies and spends a solution inside the caller's transaction (so a submission that fails
 * later leaves the challenge usable). A 422 on botCheck when missing, wrong, expired or used.
 */
export async function spendBotCheck(tx: Db, env: Env, cipher: FieldCipher, botCheck: unknown, now = Date.now()): Promise<void> {
  if (!env.PORTAL_BOT_CHECK) return;
  if (botCheck === null || botCheck === undefined) throw validationFailed({ botCheck: BOT_CHECK_MESSAGES.missing });
  const payload = decodePayload(botCheck);
  if (!payload) throw validationFailed({ botCheck: BOT_CHECK_MESSAGES.malformed });
  // Every challenge issued here has `expires` in its salt (covered by the signature through the hash).
  const expires = Number(extractParams(payload).expires) * 1000;
  if (!Number.isFinite(expires) || expires <= 0) throw validationFailed({ botCheck: BOT_CHECK_MESSAGES.malformed });
  if (expires <= now) throw validationFailed({ botCheck: BOT_CHECK_MESSAGES.expired });
  // Expiry was checked above against the caller's clock; the library checks hash and signature.
  if (!(await verifySolution(payload, hmacKeyOf(cipher), false))) throw validationFailed({ botCheck: BOT_CHECK_MESSAGES.failed });
  await tx.delete(intakeBotChallenges).where(lt(intakeBotChallenges.expiresAt, new Date(now)));
  const spent = await tx
    .insert(intakeBotChallenges)
    .values({ challengeId: payload.challenge, expiresAt: new Date(expires) })
    .onConflictDoNothing()
    .returning({ id: intakeBotChallenges.challengeId });
  if (!spent.length) throw validationFailed({ botCheck: BOT_CHECK_MESSAGES.used });
}
