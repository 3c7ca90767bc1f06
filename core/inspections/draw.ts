import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/*
 * 双随机一公开 draw — a pure, versioned, re-runnable algorithm (docs/decisions/011-inspection-draw.md).
 * Given the same inputs and seed, every implementation of version `DRAW_ALGORITHM` returns the same
 * targets in the same order with the same inspectors. Change nothing here without a new version:
 * stored draws name their version and are verified with it.
 */

export const DRAW_ALGORITHM = 'sdr-xoshiro128ss-v1';
export const DRAW_ALGORITHMS = [DRAW_ALGORITHM] as const;

export interface DrawCandidate {
  projectId: string;
  enterpriseId: string;
  /** Integer ≥ 1; 1 for everyone when the draw is unweighted. */
  weight: number;
}

export interface DrawInspector {
  userId: string;
  /** Enterprises the inspector declared a conflict of interest with: never drawn for them. */
  conflicts: string[];
}

export interface DrawInputs {
  candidates: DrawCandidate[];
  inspectors: DrawInspector[];
  targetCount: number;
  inspectorsPerTarget: number;
}

export interface DrawTarget {
  projectId: string;
  enterpriseId: string;
  inspectors: string[];
}

/** xoshiro128** (Blackman & Vigna) seeded from SHA-256("sdr-v1:" + seed): the first 16 bytes as 4 little-endian uint32. */
export function seededRandom(seed: string): () => number {
  const h = sha256(utf8ToBytes(`sdr-v1:${seed}`));
  const view = new DataView(h.buffer, h.byteOffset, h.byteLength);
  const s = new Uint32Array([view.getUint32(0, true), view.getUint32(4, true), view.getUint32(8, true), view.getUint32(12, true)]);
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  return () => {
    const result = Math.imul(rotl(Math.imul(s[1] as number, 5) >>> 0, 7), 9) >>> 0;
    const t = ((s[1] as number) << 9) >>> 0;
    s[2] = (s[2] as number) ^ (s[0] as number);
    s[3] = (s[3] as number) ^ (s[1] as number);
    s[1] = (s[1] as number) ^ (s[2] as number);
    s[0] = (s[0] as number) ^ (s[3] as number);
    s[2] = (s[2] as number) ^ t;
    s[3] = rotl(s[3] as number, 11);
    return result;
  };
}

/** Unbiased integer in [0, n) by rejection: 32-bit outputs ≥ floor(2^32 / n)·n are discarded. */
export function uniformInt(next: () => number, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 0xffffffff) throw new RangeError('n out of range');
  const limit = Math.floor(0x100000000 / n) * n;
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

/** Canonical ordering: by id, comparing UTF-16 code units (JavaScript's default string order). */
const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => {
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

export function canonicalInputs(inputs: DrawInputs): DrawInputs {
  return {
    candidates: [...inputs.candidates].sort(byKey((c) => c.projectId)).map((c) => ({ projectId: c.projectId, enterpriseId: c.enterpriseId, weight: c.weight })),
    inspectors: [...inputs.inspectors].sort(byKey((i) => i.userId)).map((i) => ({ userId: i.userId, conflicts: [...new Set(i.conflicts)].sort() })),
    targetCount: inputs.targetCount,
    inspectorsPerTarget: inputs.inspectorsPerTarget,
  };
}

export type DrawProblem = 'too_many_targets' | 'too_few_inspectors' | 'bad_weight' | 'bad_count';

/** Why the inputs cannot be drawn, or null. For each target, the inspectors without a conflict must suffice. */
export function drawProblem(inputs: DrawInputs): DrawProblem | null {
  if (!Number.isInteger(inputs.targetCount) || inputs.targetCount < 1 || !Number.isInteger(inputs.inspectorsPerTarget) || inputs.inspectorsPerTarget < 1) return 'bad_count';
  if (inputs.candidates.some((c) => !Number.isInteger(c.weight) || c.weight < 1)) return 'bad_weight';
  if (inputs.targetCount > inputs.candidates.length) return 'too_many_targets';
  if (inputs.inspectors.length < inputs.inspectorsPerTarget) return 'too_few_inspectors';
  return null;
}

/**
 * The draw, version sdr-xoshiro128ss-v1:
 * 1. Sort candidates by projectId and inspectors by userId (canonicalInputs).
 * 2. Targets: repeat targetCount times — total = Σ weights of the remaining candidates,
 *    r = uniformInt(total), walk the remaining candidates in canonical order subtracting weights
 *    until r < weight; that candidate is drawn and removed. (All weights 1 = uniform sampling.)
 * 3. Inspectors, per target in draw order: the eligible list is the canonical inspectors without a
 *    conflict with the target's enterprise; pick inspectorsPerTarget of them by partial
 *    Fisher–Yates (for i from 0: j = i + uniformInt(m − i), swap i and j), keeping pick order.
 * One PRNG stream serves steps 2 and 3 in that order.
 */
export function runDraw(seed: string, raw: DrawInputs): DrawTarget[] {
  const problem = drawProblem(raw);
  if (problem) throw new RangeError(problem);
  const inputs = canonicalInputs(raw);
  const next = seededRandom(seed);
  const remaining = [...inputs.candidates];
  const chosen: DrawCandidate[] = [];
  for (let k = 0; k < inputs.targetCount; k++) {
    const total = remaining.reduce((s, c) => s + c.weight, 0);
    let r = uniformInt(next, total);
    let idx = 0;
    while (r >= (remaining[idx] as DrawCandidate).weight) {
      r -= (remaining[idx] as DrawCandidate).weight;
      idx++;
    }
    chosen.push(remaining[idx] as DrawCandidate);
    remaining.splice(idx, 1);
  }
  return chosen.map((c) => {
    const eligible = inputs.inspectors.filter((i) => !i.conflicts.includes(c.enterpriseId)).map((i) => i.userId);
    if (eligible.length < inputs.inspectorsPerTarget) throw new RangeError('too_few_inspectors');
    for (let i = 0; i < inputs.inspectorsPerTarget; i++) {
      const j = i + uniformInt(next, eligible.length - i);
      const tmp = eligible[i] as string;
      eligible[i] = eligible[j] as string;
      eligible[j] = tmp;
    }
    return { projectId: c.projectId, enterpriseId: c.enterpriseId, inspectors: eligible.slice(0, inputs.inspectorsPerTarget) };
  });
}

/** Re-runs a stored draw and compares it with the stored result (same targets, same order, same inspectors). */
export function verifyDraw(algorithm: string, seed: string, inputs: DrawInputs, stored: DrawTarget[]): boolean {
  if (algorithm !== DRAW_ALGORITHM) return false;
  try {
    return JSON.stringify(runDraw(seed, inputs)) === JSON.stringify(stored.map((t) => ({ projectId: t.projectId, enterpriseId: t.enterpriseId, inspectors: t.inspectors })));
  } catch {
    return false;
  }
}

/** Risk weight (documented in docs/business-rules.md): 1 + complaints in the last 12 months (capped at 9), times the credit factor. */
export const CREDIT_GRADE_FACTOR: Record<string, number> = { AAA: 1, AA: 1, A: 1, B: 2, C: 3 };
export const DRAW_WEIGHTINGS = ['none', 'complaints', 'credit', 'complaints_credit'] as const;
export type DrawWeighting = (typeof DRAW_WEIGHTINGS)[number];

export function riskWeight(weighting: DrawWeighting, complaints: number, grade: string | null): number {
  const c = weighting === 'complaints' || weighting === 'complaints_credit' ? 1 + Math.min(Math.max(0, Math.floor(complaints)), 9) : 1;
  const g = weighting === 'credit' || weighting === 'complaints_credit' ? (CREDIT_GRADE_FACTOR[grade ?? ''] ?? 1) : 1;
  return c * g;
}

/** A fresh random seed for a draw without one (hex; the caller supplies the entropy source). */
export function seedFromBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
