import { describe, expect, it } from 'vitest';
import { cumulativeRange, MONTHLY_ROWS, monthRange, nextStatus, previousMonth, type RowFigures, sumRows } from './monthly.js';

const rows = (f: (no: number) => Partial<RowFigures>): RowFigures[] =>
  MONTHLY_ROWS.map((d) => ({ no: d.no, label: d.label, month: d.no, cumulative: d.no * 2, available: true, ...f(d.no) }));

describe('monthly form arithmetic', () => {
  it('month windows: last day of February in a leap year, 累积 from the campaign start', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(cumulativeRange('2026-11', '2026-09-07')).toEqual({ from: '2026-09-07', to: '2026-11-30' });
    expect(previousMonth('2026-01')).toBe('2025-12');
  });
  it('a roll-up row is the sum of its entries; a row missing in any entry stays unavailable (never 0)', () => {
    const a = rows(() => ({}));
    const b = rows((no) => (no === 6 ? { month: null, cumulative: null, available: false } : {}));
    const sum = sumRows([a, b]);
    expect(sum.find((r) => r.no === 14)).toMatchObject({ month: 28, cumulative: 56, available: true });
    expect(sum.find((r) => r.no === 6)).toMatchObject({ month: null, available: false, note: '尚无数据来源' });
  });
  it('workflow: submit from draft or returned; review only a submitted report', () => {
    expect(nextStatus('draft', 'submit')).toBe('submitted');
    expect(nextStatus('returned', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'accept')).toBe('accepted');
    expect(nextStatus('accepted', 'return')).toBeNull();
    expect(nextStatus('accepted', 'submit')).toBeNull();
  });
});
