import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_RULE, addMonths, creditRuleProblems, creditScore, gradeFor, validUntil } from './index.js';

const rule = DEFAULT_CREDIT_RULE;

describe('credit rule defaults', () => {
  it('has base 100 and the documented points', () => {
    expect(rule.base).toBe(100);
    expect(rule.items.fine).toEqual({ points: -20, validityMonths: 36 });
    expect(rule.items.rectification_order?.points).toBe(-5);
    expect(rule.items.good_conduct?.points).toBe(5);
    expect(creditRuleProblems(rule)).toEqual({});
  });

  it('grades by thresholds', () => {
    expect(gradeFor(rule, 110)).toBe('AAA');
    expect(gradeFor(rule, 109)).toBe('AA');
    expect(gradeFor(rule, 100)).toBe('AA');
    expect(gradeFor(rule, 99)).toBe('A');
    expect(gradeFor(rule, 90)).toBe('A');
    expect(gradeFor(rule, 75)).toBe('B');
    expect(gradeFor(rule, 74)).toBe('C');
    expect(gradeFor(rule, -20)).toBe('C');
  });

  it('rejects broken rules', () => {
    const p = creditRuleProblems({ base: -1, items: { fine: { points: 1.5, validityMonths: 0 } }, grades: [{ grade: 'A', minScore: 90 }, { grade: 'AA', minScore: 100 }] });
    expect(Object.keys(p).sort()).toEqual(['base', 'grades.1.minScore', 'items.fine.points']);
  });
});

describe('validity', () => {
  it('adds months clamping to month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-11-15', 14)).toBe('2027-01-15');
  });
  it('an event counts until the day before the same date N months later', () => {
    expect(validUntil('2026-03-10', 12)).toBe('2027-03-09');
    expect(validUntil('2024-03-01', 12)).toBe('2025-02-28');
  });
});

describe('creditScore', () => {
  const fine = { points: -20, occurredOn: '2026-01-10', validUntil: '2029-01-09', objectionStatus: 'none' };
  const order = { points: -5, occurredOn: '2025-01-10', validUntil: '2026-01-09', objectionStatus: 'none' };
  const good = { points: 5, occurredOn: '2026-02-01', validUntil: '2027-01-31', objectionStatus: 'none' };

  it('sums valid events onto the base', () => {
    expect(creditScore(rule, [fine, good], '2026-06-01')).toEqual({ score: 85, grade: 'B' });
  });
  it('ignores expired and future events', () => {
    expect(creditScore(rule, [order], '2026-01-09').score).toBe(95);
    expect(creditScore(rule, [order], '2026-01-10').score).toBe(100);
    expect(creditScore(rule, [good], '2026-01-31').score).toBe(100);
  });
  it('ignores events annulled by an upheld objection, counts rejected and pending ones', () => {
    expect(creditScore(rule, [{ ...fine, objectionStatus: 'upheld' }], '2026-06-01')).toEqual({ score: 100, grade: 'AA' });
    expect(creditScore(rule, [{ ...fine, objectionStatus: 'rejected' }], '2026-06-01').score).toBe(80);
    expect(creditScore(rule, [{ ...fine, objectionStatus: 'pending' }], '2026-06-01').score).toBe(80);
  });
});
