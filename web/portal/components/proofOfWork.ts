import { sha256 } from '@noble/hashes/sha2.js';
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** An ALTCHA challenge as GET /api/public/bot-check returns it (decision 013). */
export interface AltchaChallenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}
/** What the server verifies (altcha-lib `verifySolution`): the challenge with the number found. */
export interface AltchaSolution {
  algorithm: 'SHA-256';
  challenge: string;
  number: number;
  salt: string;
  signature: string;
}

/**
 * Solves the portal's ALTCHA proof-of-work (find n ≤ maxnumber with hex SHA-256(salt + n) =
 * challenge) without freezing the page: hashes in slices of a few milliseconds and yields to the
 * browser in between. SHA-256 is @noble/hashes, synchronous and independent of WebCrypto, which
 * browsers withhold from plain-HTTP pages (intranet deployments) — the ALTCHA widget and
 * altcha-lib's solver need it, and their one `await crypto.subtle.digest` per try is also slower
 * in Chromium than this loop (measured in decision 013).
 *
 * `onProgress` receives the share of the range already searched (the number is uniform in it).
 */
export function solveInBrowser(
  c: AltchaChallenge,
  opts: { onProgress?: (fraction: number) => void; signal?: AbortSignal; sliceMs?: number } = {},
): Promise<AltchaSolution> {
  const sliceMs = opts.sliceMs ?? 12;
  const target = hexToBytes(c.challenge);
  const max = c.maxnumber;
  let n = 0;
  return new Promise((resolve, reject) => {
    const step = () => {
      if (opts.signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
      const until = performance.now() + sliceMs;
      while (performance.now() < until) {
        for (let k = 0; k < 256; k++, n++) {
          if (n > max) return reject(new Error('安全验证无解，请刷新页面'));
          if (equal(sha256(utf8ToBytes(c.salt + n)), target)) {
            opts.onProgress?.(1);
            return resolve({ algorithm: c.algorithm, challenge: c.challenge, number: n, salt: c.salt, signature: c.signature });
          }
        }
      }
      opts.onProgress?.(Math.min(0.99, n / max));
      setTimeout(step, 0);
    };
    step();
  });
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
