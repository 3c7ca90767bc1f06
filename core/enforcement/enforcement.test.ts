import { describe, expect, it } from 'vitest';
import { type ActionRuleInput, actionRuleProblems, amountInWords, chineseDate, DEFAULT_RECTIFICATION_WORKING_DAYS, formatDocumentNumber, normaliseActionInput } from './index.js';

describe('document numbers and dates', () => {
  it('formats 文号 with the unit short name, abbreviation and hexagonal brackets', () => {
    expect(formatDocumentNumber('东湖房', 'rectification_order', 2026, 12)).toBe('东湖房责改〔2026〕12号');
    expect(formatDocumentNumber('东湖市监', 'fine', 2026, 1)).toBe('东湖市监罚决〔2026〕1号');
    expect(formatDocumentNumber('东湖公', 'police_penalty', 2026, 3)).toBe('东湖公行罚决〔2026〕3号');
  });
  it('writes dates in Chinese numerals', () => {
    expect(chineseDate('2026-11-21')).toBe('二〇二六年十一月二十一日');
    expect(chineseDate('2026-01-10')).toBe('二〇二六年一月十日');
    expect(chineseDate('2030-10-30')).toBe('二〇三〇年十月三十日');
  });
  it('writes amounts in capital numerals', () => {
    expect(amountInWords(20000)).toBe('贰万元整');
    expect(amountInWords(100500)).toBe('壹拾万零伍佰元整');
    expect(amountInWords(12345.5)).toBe('壹万贰仟叁佰肆拾伍元伍角');
    expect(amountInWords(1005)).toBe('壹仟零伍元整');
  });
});

describe('type rules', () => {
  it('requires an amount for fines and confiscation, forbids it for interviews', () => {
    expect(actionRuleProblems({ type: 'fine', legalBasisIds: [1] }).amount).toBeTruthy();
    expect(actionRuleProblems({ type: 'confiscation', amount: 0, legalBasisIds: [1] }).amount).toBeTruthy();
    expect(actionRuleProblems({ type: 'fine', amount: 100.005, legalBasisIds: [1] }).amount).toBeTruthy();
    expect(actionRuleProblems({ type: 'fine', amount: 5000, legalBasisIds: [1] })).toEqual({});
    expect(actionRuleProblems({ type: 'police_penalty', legalBasisIds: [1] })).toEqual({});
  });
  it('requires a deadline for rectification orders and a legal basis for penalties', () => {
    expect(actionRuleProblems({ type: 'rectification_order', deadlineDays: 0 }).deadlineDays).toBeTruthy();
    expect(actionRuleProblems({ type: 'rectification_order', deadlineDays: 10 })).toEqual({});
    // Normalising first: values the type does not use are dropped, an order's missing period defaulted.
    expect(normaliseActionInput({ type: 'fine', amount: 1, deadlineDays: 5 })).toMatchObject({ amount: 1, deadlineDays: null });
    expect(normaliseActionInput({ type: 'interview', amount: 9 })).toMatchObject({ amount: null, deadlineDays: null });
    expect(normaliseActionInput({ type: 'rectification_order' } as ActionRuleInput).deadlineDays).toBe(DEFAULT_RECTIFICATION_WORKING_DAYS);
    expect(normaliseActionInput({ type: 'rectification_order', deadlineDays: 30 }).deadlineDays).toBe(30);
    expect(actionRuleProblems(normaliseActionInput({ type: 'rectification_order' } as ActionRuleInput))).toEqual({});
    expect(actionRuleProblems({ type: 'warning' }).legalBasisIds).toBeTruthy();
    expect(actionRuleProblems({ type: 'interview' })).toEqual({});
  });
});
