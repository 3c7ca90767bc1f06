import { createChallenge, verifySolution } from 'altcha-lib';
import { describe, expect, it } from 'vitest';
import { type AltchaChallenge, solveInBrowser } from './proofOfWork.js';

const hmacKey = 'portal-solver-test-key';
const challenge = async (number: number, maxnumber: number) =>
  (await createChallenge({ hmacKey, number, maxnumber, expires: new Date(Date.now() + 60_000) })) as AltchaChallenge & { maxnumber: number };

describe('portal proof-of-work solver (ALTCHA)', () => {
  it('finds the number of an altcha-lib challenge, and altcha-lib accepts the solution', async () => {
    const c = await challenge(4321, 10_000);
    const progress: number[] = [];
    const solution = await solveInBrowser(c, { onProgress: (p) => progress.push(p), sliceMs: 2 });
    expect(solution.number).toBe(4321);
    expect(await verifySolution(solution, hmacKey)).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
  });

  it('gives up past maxnumber instead of searching for ever', async () => {
    const c = await challenge(50, 100);
    await expect(solveInBrowser({ ...c, maxnumber: 40 }, { sliceMs: 2 })).rejects.toThrow('无解');
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    const p = solveInBrowser(await challenge(1_000_000, 1_000_000), { signal: ac.signal, sliceMs: 2 });
    ac.abort();
    await expect(p).rejects.toThrow('aborted');
  });
});
