import { leadingZeroBits, powHash } from '../../../core/intake/pow.js';

/**
 * Solves the portal's proof-of-work bot check (core/intake/pow.ts: find a nonce such that
 * SHA-256(challenge + nonce) has `difficulty` leading zero bits) without freezing the page:
 * hashes in slices of a few milliseconds and yields to the browser in between. Uses the same
 * pure SHA-256 as the server, so it also works on plain-http intranets where WebCrypto is absent.
 *
 * `onProgress` receives an estimate in 0–0.99 (the expected work is 2^difficulty hashes).
 * Nonces are base-36 counters, as `solveProofOfWork` in core/intake/pow.ts produces.
 */
export function solveInBrowser(
  challenge: string,
  difficulty: number,
  opts: { onProgress?: (fraction: number) => void; signal?: AbortSignal; sliceMs?: number } = {},
): Promise<string> {
  const expected = 2 ** difficulty;
  const sliceMs = opts.sliceMs ?? 12;
  let i = 0;
  return new Promise((resolve, reject) => {
    const step = () => {
      if (opts.signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
      const until = performance.now() + sliceMs;
      while (performance.now() < until) {
        for (let k = 0; k < 256; k++, i++) {
          const nonce = i.toString(36);
          if (leadingZeroBits(powHash(challenge, nonce)) >= difficulty) {
            opts.onProgress?.(1);
            return resolve(nonce);
          }
        }
      }
      // 1 - e^(-tries/expected): the chance a solution would have been found by now.
      opts.onProgress?.(Math.min(0.99, 1 - Math.exp(-i / expected)));
      setTimeout(step, 0);
    };
    step();
  });
}
