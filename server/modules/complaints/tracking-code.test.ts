import { describe, expect, it } from 'vitest';
import { newTrackingCode } from './complaints.service.js';

describe('tracking codes', () => {
  it('are ten symbols of the 32-symbol alphabet (no 0/O, 1/I), each symbol about equally likely', () => {
    const counts = new Map<string, number>();
    const N = 20_000;
    for (let i = 0; i < N; i++) {
      const code = newTrackingCode();
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
      for (const c of code) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    // Chi-square over 32 symbols (31 degrees of freedom): 61.1 is the 0.1% critical value.
    const expected = (N * 10) / 32;
    const chi2 = [...counts.values()].reduce((s, n) => s + (n - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(61.1);
  });
});
