import { describe, expect, it } from 'vitest';
import { allowedSelfInspectionActions, complianceRate, dueFlags, nextSelfInspectionStatus, normaliseProblemText } from './index.js';

describe('self-inspection lifecycle', () => {
  it('lets the company file only a confirmed form and the district decide only a filed one', () => {
    expect(nextSelfInspectionStatus('draft', 'file')).toBeNull();
    expect(nextSelfInspectionStatus('confirmed', 'file')).toBe('filed');
    expect(nextSelfInspectionStatus('filed', 'accept')).toBe('accepted');
    expect(nextSelfInspectionStatus('returned', 'edit')).toBe('draft');
    expect(nextSelfInspectionStatus('accepted', 'edit')).toBeNull();
    expect(allowedSelfInspectionActions('filed', 'company')).toEqual([]);
    expect(allowedSelfInspectionActions('filed', 'district')).toEqual(['accept', 'return']);
  });
  it('reads 无 and blanks as nothing found', () => {
    expect(normaliseProblemText(' 无 ')).toBeNull();
    expect(normaliseProblemText('')).toBeNull();
    expect(normaliseProblemText('未公示收费标准')).toBe('未公示收费标准');
  });
  it('flags due soon within three days and overdue after the day', () => {
    expect(dueFlags('2026-12-10', '2026-12-07')).toEqual({ dueSoon: true, overdue: false });
    expect(dueFlags('2026-12-20', '2026-12-07')).toEqual({ dueSoon: false, overdue: false });
    expect(dueFlags('2026-12-06', '2026-12-07')).toEqual({ dueSoon: false, overdue: true });
  });
  it('computes the compliance rate, null when nothing was checked', () => {
    expect(complianceRate(0, 0)).toBeNull();
    expect(complianceRate(3, 2)).toBe(0.6667);
  });
});
