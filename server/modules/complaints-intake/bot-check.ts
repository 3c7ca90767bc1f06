import { randomBytes } from 'node:crypto';
import { lt } from 'drizzle-orm';
import { BOT_CHECK_MESSAGES, challengeId, issueChallenge, verifyBotCheck } from '../../../core/intake/pow.js';
import type { Db } from '../../db/client.js';
import { intakeBotChallenges } from '../../db/schema/index.js';
import type { Env } from '../../env.js';
import { validationFailed } from '../../http/errors.js';
import type { FieldCipher } from '../../lib/crypto.js';

/**
 * The portal's offline bot check (core/intake/pow.ts): issue a signed challenge, verify a
 * solution, spend it once. The HMAC key is derived from the deployment's data key (a keyed
 * digest of a fixed label), so every instance can verify any instance's challenges and no
 * extra secret has to be configured. PORTAL_BOT_CHECK=off turns the check off (tests only).
 */
export const BOT_CHECK_DIFFICULTY = 16;
export const BOT_CHECK_TTL_MS = 10 * 60 * 1000;

const secrets = new WeakMap<FieldCipher, Uint8Array>();
function secretOf(cipher: FieldCipher): Uint8Array {
  let s = secrets.get(cipher);
  if (!s) {
    s = new TextEncoder().encode(cipher.blindIndex('intake:bot-check:hmac-key:v1') as string);
    secrets.set(cipher, s);
  }
  return s;
}

export interface BotCheckChallenge {
  enabled: boolean;
  challenge: string | null;
  difficulty: number;
  expiresAt: Date | null;
}

export function newChallenge(env: Env, cipher: FieldCipher, now = Date.now()): BotCheckChallenge {
  if (!env.PORTAL_BOT_CHECK) return { enabled: false, challenge: null, difficulty: 0, expiresAt: null };
  const challenge = issueChallenge({
    secret: secretOf(cipher),
    difficulty: BOT_CHECK_DIFFICULTY,
    now,
    ttlMs: BOT_CHECK_TTL_MS,
    salt: randomBytes(16).toString('base64url'),
  });
  return { enabled: true, challenge, difficulty: BOT_CHECK_DIFFICULTY, expiresAt: new Date(now + BOT_CHECK_TTL_MS) };
}

/**
 * Verifies and spends a solution inside the caller's transaction (so a submission that fails
 * later leaves the challenge usable). A 422 on botCheck when missing, wrong, expired or used.
 */
export async function spendBotCheck(
  tx: Db,
  env: Env,
  cipher: FieldCipher,
  botCheck: { challenge: string; nonce: string } | null | undefined,
  now = Date.now(),
): Promise<void> {
  if (!env.PORTAL_BOT_CHECK) return;
  if (!botCheck) throw validationFailed({ botCheck: '请先完成人机验证（页面会自动计算，请稍候再提交）' });
  const result = verifyBotCheck(botCheck, { secret: secretOf(cipher), now, minDifficulty: BOT_CHECK_DIFFICULTY });
  if (!result.ok) throw validationFailed({ botCheck: BOT_CHECK_MESSAGES[result.reason] });
  await tx.delete(intakeBotChallenges).where(lt(intakeBotChallenges.expiresAt, new Date(now)));
  const spent = await tx
    .insert(intakeBotChallenges)
    .values({ challengeId: challengeId(botCheck.challenge), expiresAt: new Date(result.parsed.expiresAt) })
    .onConflictDoNothing()
    .returning({ id: intakeBotChallenges.challengeId });
  if (!spent.length) throw validationFailed({ botCheck: '该人机验证已使用过，请刷新页面后重新提交' });
}
