import { describe, expect, it } from 'vitest';
import { meetsDifficulty } from '../../../core/intake/pow.js';
import { solveInBrowser } from './proofOfWork.js';

describe('portal proof-of-work solver', () => {
  it('finds a nonce the server-side check accepts', async () => {
    const challenge = 'pow1.12.9999999999.abcdefghijklmnop.sig';
    const progress: number[] = [];
    const nonce = await solveInBrowser(challenge, 12, { onProgress: (p) => progress.push(p), sliceMs: 2 });
    expect(meetsDifficulty(challenge, nonce, 12)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    const p = solveInBrowser('pow1.28.9999999999.abcdefghijklmnop.sig', 28, { signal: ac.signal, sliceMs: 2 });
    ac.abort();
    await expect(p).rejects.toThrow('aborted');
  });
});
