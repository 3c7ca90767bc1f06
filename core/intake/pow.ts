import { SHA256_INIT, compressBlocks, padTail, sha256Bytes, toHex, utf8 } from './sha256.js';

/**
 * The portal's offline bot check: a signed, expiring proof-of-work challenge (no third-party
 * captcha service, works on an intranet). The server issues
 *
 *   pow1.<difficulty>.<expires, unix seconds>.<salt>.<HMAC-SHA256 of everything before it>
 *
 * and the browser must find a nonce (1–32 characters of [0-9A-Za-z_-]) such that
 * SHA-256(challenge + nonce) starts with `difficulty` zero bits — about 2^difficulty hashes,
 * a fraction of a second for a person's browser at 16 bits, but a real cost for a script
 * posting thousands of complaints. The signature lets any instance verify a challenge it did
 * not issue; single use is enforced by the server (it stores the challenges already spent).
 *
 * Pure (no Node or DOM APIs): the portal imports `solveProofOfWork` from here too.
 */

export const POW_VERSION = 'pow1';
export const POW_MIN_DIFFICULTY = 8;
export const POW_MAX_DIFFICULTY = 28;
const NONCE_RE = /^[0-9A-Za-z_-]{1,32}$/;
const SALT_RE = /^[0-9A-Za-z_-]{16,64}$/;

export interface ParsedChallenge {
  /** The signed part (everything before the last '.'). */
  signed: string;
  difficulty: number;
  /** Expiry, epoch milliseconds. */
  expiresAt: number;
  salt: string;
  mac: string;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function base64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64URL[(n >> 18) & 63] + B64URL[(n >> 12) & 63] + B64URL[(n >> 6) & 63] + B64URL[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += B64URL[(n >> 18) & 63] + B64URL[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += B64URL[(n >> 18) & 63] + B64URL[(n >> 12) & 63] + B64URL[(n >> 6) & 63];
  }
  return out;
}

/** HMAC-SHA256 (RFC 2104) with the pure SHA-256. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  let k = key.length > 64 ? sha256Bytes(key) : key;
  const block = new Uint8Array(64);
  block.set(k);
  k = block;
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = k[i] ^ 0x36;
    outer[i] = k[i] ^ 0x5c;
  }
  inner.set(message, 64);
  outer.set(sha256Bytes(inner), 64);
  return sha256Bytes(outer);
}

/** Comparison whose time does not depend on where the strings differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

function sign(secret: Uint8Array, signed: string): string {
  return base64url(hmacSha256(secret, utf8(signed)));
}

/** A new challenge. `salt` must be fresh random (≥ 12 bytes, base64url) — the caller supplies it. */
export function issueChallenge(opts: { secret: Uint8Array; difficulty: number; now: number; ttlMs: number; salt: string }): string {
  if (!Number.isInteger(opts.difficulty) || opts.difficulty < POW_MIN_DIFFICULTY || opts.difficulty > POW_MAX_DIFFICULTY) {
    throw new Error(`difficulty must be an integer in ${POW_MIN_DIFFICULTY}–${POW_MAX_DIFFICULTY}`);
  }
  if (!SALT_RE.test(opts.salt)) throw new Error('salt must be 16–64 base64url characters');
  const expires = Math.floor((opts.now + opts.ttlMs) / 1000);
  const signed = `${POW_VERSION}.${opts.difficulty}.${expires}.${opts.salt}`;
  return `${signed}.${sign(opts.secret, signed)}`;
}

export function parseChallenge(challenge: unknown): ParsedChallenge | null {
  if (typeof challenge !== 'string' || challenge.length > 200) return null;
  const parts = challenge.split('.');
  if (parts.length !== 5 || parts[0] !== POW_VERSION) return null;
  const [, d, e, salt, mac] = parts;
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,12}$/.test(e) || !SALT_RE.test(salt) || !/^[0-9A-Za-z_-]{43}$/.test(mac)) return null;
  return { signed: parts.slice(0, 4).join('.'), difficulty: Number(d), expiresAt: Number(e) * 1000, salt, mac };
}

/** Number of leading zero bits of a hash. */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export function powHash(challenge: string, nonce: string): Uint8Array {
  return sha256Bytes(utf8(challenge + nonce));
}

/** True when SHA-256(challenge + nonce) has at least `difficulty` leading zero bits. */
export function meetsDifficulty(challenge: string, nonce: string, difficulty: number): boolean {
  if (!NONCE_RE.test(nonce)) return false;
  return leadingZeroBits(powHash(challenge, nonce)) >= difficulty;
}

/**
 * Finds a nonce (a base-36 counter). The challenge's whole 64-byte blocks are hashed once
 * (midstate); each attempt hashes only the tail with the nonce, reusing its buffers — about
 * 2^difficulty attempts, a fraction of a second at 16 bits in a browser. Returns null after
 * `maxTries` attempts. `onProgress` (optional) is called every 4096 attempts.
 */
export function solveProofOfWork(challenge: string, difficulty: number, maxTries = 1 << 26, onProgress?: (tries: number) => void): string | null {
  const prefix = utf8(challenge);
  const full = prefix.length >> 6;
  const mid = new Uint32Array(SHA256_INIT);
  if (full) compressBlocks(mid, new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength), 0, full);
  const tailStart = full * 64;
  const tailLength = prefix.length - tailStart;
  const buf = new Uint8Array(192);
  const view = new DataView(buf.buffer);
  const h = new Uint32Array(8);
  for (let i = 0; i < maxTries; i++) {
    const nonce = i.toString(36);
    buf.set(prefix.subarray(tailStart), 0);
    for (let j = 0; j < nonce.length; j++) buf[tailLength + j] = nonce.charCodeAt(j);
    const padded = padTail(buf, tailLength + nonce.length, prefix.length + nonce.length);
    h.set(mid);
    compressBlocks(h, view, 0, padded >> 6);
    if (zeroBitsOfState(h) >= difficulty) return nonce;
    if (onProgress && (i & 4095) === 4095) onProgress(i + 1);
  }
  return null;
}

function zeroBitsOfState(h: Uint32Array): number {
  let bits = 0;
  for (let i = 0; i < 8; i++) {
    const word = h[i] >>> 0;
    if (word === 0) {
      bits += 32;
      continue;
    }
    return bits + Math.clz32(word);
  }
  return bits;
}

export type BotCheckFailure = 'malformed' | 'bad_signature' | 'expired' | 'too_easy' | 'bad_nonce';

export const BOT_CHECK_MESSAGES: Record<BotCheckFailure, string> = {
  malformed: '人机验证信息无效，请刷新页面后重新提交',
  bad_signature: '人机验证信息无效，请刷新页面后重新提交',
  expired: '人机验证已过期，请刷新页面后重新提交',
  too_easy: '人机验证信息无效，请刷新页面后重新提交',
  bad_nonce: '人机验证未通过，请刷新页面后重新提交',
};

/**
 * Checks a submitted challenge and nonce: well-formed, signed with `secret`, not expired,
 * at least `minDifficulty`, and the nonce solves it. (Single use is the caller's job.)
 */
export function verifyBotCheck(
  input: { challenge: unknown; nonce: unknown },
  opts: { secret: Uint8Array; now: number; minDifficulty: number },
): { ok: true; parsed: ParsedChallenge } | { ok: false; reason: BotCheckFailure } {
  const parsed = parseChallenge(input.challenge);
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (!constantTimeEqual(sign(opts.secret, parsed.signed), parsed.mac)) return { ok: false, reason: 'bad_signature' };
  if (parsed.expiresAt <= opts.now) return { ok: false, reason: 'expired' };
  if (parsed.difficulty < opts.minDifficulty) return { ok: false, reason: 'too_easy' };
  if (typeof input.nonce !== 'string' || !meetsDifficulty(input.challenge as string, input.nonce, parsed.difficulty)) {
    return { ok: false, reason: 'bad_nonce' };
  }
  return { ok: true, parsed };
}

/** A stable identifier of a challenge for the spent-challenges table (hex SHA-256). */
export function challengeId(challenge: string): string {
  return toHex(sha256Bytes(utf8(challenge)));
}
