import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_ROWS, canTransition, monthlyReportDueDate, ruleConditionKey, ruleProblems, shiftYears } from './campaigns.js';

describe('campaign dates', () => {
  it('moves a template date to another year keeping month and day', () => {
    expect(shiftYears('2021-09-07', 5)).toBe('2026-09-07');
    expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(shiftYears('2021-11-30', 0)).toBe('2021-11-30');
  });

  it('makes the monthly report due before the given day of the following month (S3: 每月1日前)', () => {
    expect(monthlyReportDueDate('2021-10', 1)).toBe('2021-11-01');
    expect(monthlyReportDueDate('2021-12', 1)).toBe('2022-01-01');
    expect(monthlyReportDueDate('2026-02', 5)).toBe('2026-03-05');
  });
});

describe('campaign status', () => {
  it('goes draft → active → closed and never reopens', () => {
    expect(canTransition('draft', 'active')).toBe(true);
    expect(canTransition('active', 'closed')).toBe(true);
    expect(canTransition('draft', 'closed')).toBe(true);
    expect(canTransition('closed', 'active')).toBe(false);
    expect(canTransition('active', 'draft')).toBe(false);
  });
});

describe('responsibility rules', () => {
  it('ships SPEC §5’s default matrix in its order, every row valid and distinct', () => {
    expect(DEFAULT_RULE_ROWS.slice(0, 3).map((r) => [r.conditionKind, r.leadDepartmentType])).toEqual([
      ['violence_or_threat', 'police'],
      ['credit_request', 'credit'],
      ['owners_committee_wrongdoing', 'civil'],
    ]);
    const cat5 = DEFAULT_RULE_ROWS.filter((r) => r.category === 5).map((r) => [r.subCondition, r.leadDepartmentType]);
    expect(cat5).toEqual([
      ['price_disclosure', 'market'],
      ['other_disclosure', 'housing'],
    ]);
    expect(DEFAULT_RULE_ROWS.find((r) => r.category === 6)?.leadDepartmentType).toBe('market');
    expect(DEFAULT_RULE_ROWS.at(-1)).toMatchObject({ conditionKind: 'other', subCondition: 'outside_campaign', leadDepartmentType: 'none' });
    for (const r of DEFAULT_RULE_ROWS) expect(ruleProblems(r)).toEqual({});
    expect(new Set(DEFAULT_RULE_ROWS.map(ruleConditionKey)).size).toBe(DEFAULT_RULE_ROWS.length);
  });

  it('names what is wrong with a rule', () => {
    const base = { category: null, subCondition: null, coDepartmentTypes: [] as never[] };
    expect(ruleProblems({ ...base, conditionKind: 'category', leadDepartmentType: 'housing' })).toHaveProperty('category');
    expect(ruleProblems({ ...base, conditionKind: 'category', category: 2, subCondition: 'price_disclosure', leadDepartmentType: 'housing' })).toHaveProperty('subCondition');
    expect(ruleProblems({ ...base, conditionKind: 'violence_or_threat', leadDepartmentType: 'none' })).toHaveProperty('leadDepartmentType');
    expect(ruleProblems({ ...base, conditionKind: 'credit_request', leadDepartmentType: 'credit', coDepartmentTypes: ['credit'] })).toHaveProperty('coDepartmentTypes');
    expect(ruleProblems({ ...base, conditionKind: 'other', subCondition: 'outside_campaign', leadDepartmentType: 'none' })).toEqual({});
  });
});
