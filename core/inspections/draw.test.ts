import { describe, expect, it } from 'vitest';
import { type DrawInputs, DRAW_ALGORITHM, riskWeight, runDraw, seededRandom, uniformInt, verifyDraw } from './draw.js';
import { quarterOf, withinWindow, windowRange } from './window.js';

const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

function inputs(nCandidates: number, nInspectors: number, targetCount: number, inspectorsPerTarget = 2): DrawInputs {
  return {
    candidates: ids(nCandidates, 'p').map((projectId, i) => ({ projectId, enterpriseId: `e-${i % 4}`, weight: 1 })),
    inspectors: ids(nInspectors, 'u').map((userId) => ({ userId, conflicts: [] })),
    targetCount,
    inspectorsPerTarget,
  };
}

/** Upper 0.1% point of χ² with 9 degrees of freedom. */
const CHI2_9_P001 = 27.877;

function chiSquare(counts: number[], expected: number): number {
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

describe('双随机 draw (sdr-xoshiro128ss-v1)', () => {
  it('gives the same targets, order and inspectors for the same seed and inputs, whatever the input order', () => {
    const a = inputs(30, 8, 5);
    const shuffled: DrawInputs = { ...a, candidates: [...a.candidates].reverse(), inspectors: [...a.inspectors].reverse() };
    const first = runDraw('2026-东湖-第1轮', a);
    expect(runDraw('2026-东湖-第1轮', shuffled)).toEqual(first);
    expect(first).toHaveLength(5);
    expect(new Set(first.map((t) => t.projectId)).size).toBe(5);
    for (const t of first) {
      expect(t.inspectors).toHaveLength(2);
      expect(new Set(t.inspectors).size).toBe(2);
    }
    expect(runDraw('another seed', a)).not.toEqual(first);
  });

  it('is pinned: the first outputs of the PRNG and a known draw never change within a version', () => {
    const next = seededRandom('abc');
    const outs = [next(), next(), next()];
    expect(outs).toMatchInlineSnapshot(`
      [
        3723676907,
        72106695,
        1328511588,
      ]
    `);
    const again = seededRandom('abc');
    expect([again(), again(), again()]).toEqual(outs);
    const d = runDraw('pinned-seed', inputs(10, 4, 3));
    expect(d.map((t) => t.projectId)).toMatchInlineSnapshot(`
      [
        "p-008",
        "p-004",
        "p-002",
      ]
    `);
  });

  it('verifies a stored draw and detects a tampered result or version', () => {
    const a = inputs(20, 6, 4);
    const stored = runDraw('s1', a);
    expect(verifyDraw(DRAW_ALGORITHM, 's1', a, stored)).toBe(true);
    const swapped = [stored[1], stored[0], ...stored.slice(2)] as typeof stored;
    expect(verifyDraw(DRAW_ALGORITHM, 's1', a, swapped)).toBe(false);
    const otherInspector = stored.map((t, i) => (i === 0 ? { ...t, inspectors: ['u-999', ...t.inspectors.slice(1)] } : t));
    expect(verifyDraw(DRAW_ALGORITHM, 's1', a, otherInspector)).toBe(false);
    expect(verifyDraw('sdr-other-v0', 's1', a, stored)).toBe(false);
  });

  it('never draws an inspector for a company he declared a conflict with', () => {
    const a = inputs(12, 3, 12, 2);
    a.inspectors[0] = { userId: 'u-000', conflicts: ['e-1'] };
    for (let s = 0; s < 200; s++) {
      for (const t of runDraw(`c${s}`, a)) if (t.enterpriseId === 'e-1') expect(t.inspectors).not.toContain('u-000');
    }
  });

  it('refuses impossible inputs', () => {
    expect(() => runDraw('x', inputs(3, 4, 4))).toThrow('too_many_targets');
    expect(() => runDraw('x', inputs(5, 1, 2))).toThrow('too_few_inspectors');
    const conflicted = inputs(2, 2, 2);
    conflicted.inspectors[0] = { userId: 'u-000', conflicts: ['e-0', 'e-1'] };
    expect(() => runDraw('x', conflicted)).toThrow('too_few_inspectors');
    expect(() => runDraw('x', { ...inputs(5, 4, 2), candidates: [{ projectId: 'p', enterpriseId: 'e', weight: 0 }] })).toThrow('bad_weight');
  });

  it('is fair: over 20,000 seeds each of 10 candidates is drawn equally often (χ², p > 0.001)', () => {
    const n = 10;
    const k = 3;
    const seeds = 20_000;
    const any = new Array(n).fill(0);
    const firstPlace = new Array(n).fill(0);
    const a = inputs(n, 4, k);
    const index = new Map(a.candidates.map((c, i) => [c.projectId, i]));
    for (let s = 0; s < seeds; s++) {
      const d = runDraw(`fair-${s}`, a);
      d.forEach((t, pos) => {
        const i = index.get(t.projectId) as number;
        any[i]++;
        if (pos === 0) firstPlace[i]++;
      });
    }
    expect(chiSquare(any, (seeds * k) / n)).toBeLessThan(CHI2_9_P001);
    expect(chiSquare(firstPlace, seeds / n)).toBeLessThan(CHI2_9_P001);
  });

  it('is fair to inspectors too, and a biased generator would fail the same check', () => {
    const a = inputs(1, 10, 1, 2);
    const counts = new Array(10).fill(0);
    for (let s = 0; s < 10_000; s++) for (const u of runDraw(`insp-${s}`, a)[0]?.inspectors ?? []) counts[Number(u.slice(2))]++;
    expect(chiSquare(counts, 2_000)).toBeLessThan(CHI2_9_P001);
    // The check has teeth: modulo of a small-range generator (biased toward low values) fails it.
    const biased = new Array(10).fill(0);
    const next = seededRandom('bias');
    for (let s = 0; s < 20_000; s++) biased[(next() % 16) % 10]++;
    expect(chiSquare(biased, 2_000)).toBeGreaterThan(CHI2_9_P001);
  });

  it('weights by risk: a weight-3 candidate is drawn about three times as often as a weight-1 one', () => {
    const a: DrawInputs = {
      candidates: [
        { projectId: 'p-a', enterpriseId: 'e', weight: 3 },
        { projectId: 'p-b', enterpriseId: 'e', weight: 1 },
      ],
      inspectors: [{ userId: 'u1', conflicts: [] }, { userId: 'u2', conflicts: [] }],
      targetCount: 1,
      inspectorsPerTarget: 2,
    };
    let heavy = 0;
    for (let s = 0; s < 8_000; s++) if (runDraw(`w${s}`, a)[0]?.projectId === 'p-a') heavy++;
    expect(heavy / 8_000).toBeGreaterThan(0.72);
    expect(heavy / 8_000).toBeLessThan(0.78);
    expect(riskWeight('none', 5, 'C')).toBe(1);
    expect(riskWeight('complaints', 20, null)).toBe(10);
    expect(riskWeight('complaints_credit', 2, 'C')).toBe(9);
  });

  it('uniformInt stays in range', () => {
    const next = seededRandom('r');
    for (let i = 0; i < 1000; i++) {
      const x = uniformInt(next, 7);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(7);
    }
  });
});

describe('repeat-visit window', () => {
  it('same quarter by default; month and day windows on request', () => {
    expect(quarterOf('2026-09-30')).toBe(3);
    expect(withinWindow('quarter', '2026-07-01', '2026-09-30')).toBe(true);
    expect(withinWindow('quarter', '2026-06-30', '2026-07-01')).toBe(false);
    expect(withinWindow('quarter', '2025-07-01', '2026-07-01')).toBe(false);
    expect(withinWindow('month', '2026-07-01', '2026-07-31')).toBe(true);
    expect(withinWindow('days30', '2026-06-20', '2026-07-10')).toBe(true);
    expect(windowRange('quarter', '2026-08-15')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(windowRange('month', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(windowRange('days30', '2026-01-10')).toEqual({ from: '2025-12-11', to: '2026-02-09' });
  });
});
