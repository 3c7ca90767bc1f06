import { describe, expect, it } from 'vitest';
import { type IndicatorConfig, score } from './assessment.js';

const config: IndicatorConfig[] = [
  { key: 'closureRate', weight: 60, minVolume: 5 },
  { key: 'deeds', weight: 40 },
];

describe('assessment scoring', () => {
  it('a region below the minimum volume is not ranked on rates, so one quick case cannot top the table', () => {
    const out = score(
      [
        { subject: 'A', measured: [{ key: 'closureRate', value: 1, volume: 1 }, { key: 'deeds', value: 2, volume: null }] },
        { subject: 'B', measured: [{ key: 'closureRate', value: 0.8, volume: 20 }, { key: 'deeds', value: 4, volume: null }] },
      ],
      config,
    );
    const a = out.find((x) => x.subject === 'A');
    const b = out.find((x) => x.subject === 'B');
    expect(a?.ranked).toBe(false);
    expect(a?.rank).toBeNull();
    expect(a?.indicators[0].rule).toContain('少于 5');
    expect(b?.rank).toBe(1);
    // 0.8 × 60 + (4/4) × 40 = 88
    expect(b?.score).toBe(88);
  });
  it('a missing source does not count against a region (weights renormalised), ties share a rank', () => {
    const out = score(
      [
        { subject: 'A', measured: [{ key: 'closureRate', value: 0.5, volume: 10 }, { key: 'deeds', value: null, volume: null }] },
        { subject: 'B', measured: [{ key: 'closureRate', value: 0.5, volume: 10 }, { key: 'deeds', value: null, volume: null }] },
      ],
      config,
    );
    expect(out.map((x) => [x.score, x.rank])).toEqual([
      [50, 1],
      [50, 1],
    ]);
  });
});
