import { describe, expect, it } from 'vitest';
import { DUPLICATE_THRESHOLD, bigrams, rankDuplicates, similarity } from './similarity.js';

describe('duplicate similarity (character bigrams)', () => {
  it('ignores punctuation, spaces and case', () => {
    expect([...bigrams('停 水，停电!')]).toEqual(['停水', '水停', '停电']);
    expect(similarity('ABC', 'abc')).toBe(1);
  });

  it('is 1 for the same text, 0 for nothing in common or empty text', () => {
    expect(similarity('小区停水了', '小区停水了')).toBe(1);
    expect(similarity('小区停水了', '电梯困人')).toBe(0);
    expect(similarity('', '电梯困人')).toBe(0);
  });

  it('finds two reports of the same outage above the threshold and an unrelated one below', () => {
    const a = '湖光小区3栋从昨天开始停水，物业说欠费就关了水阀，到现在还没来水';
    const b = '湖光小区3栋停水了，物业说我们欠费就关了水阀，一天了还没来水';
    const c = '湖光小区物业在消防通道画停车位收费';
    expect(similarity(a, b)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(similarity(a, c)).toBeLessThan(DUPLICATE_THRESHOLD);
    const ranked = rankDuplicates(a, [
      { id: 'c', description: c },
      { id: 'b', description: b },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['b']);
    expect(ranked[0].similarity).toBeCloseTo(similarity(a, b), 2);
  });
});
