import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../working-days.js';
import { chinaDate, currentDeadline, dispatchDeadlines, dueSoonFrom, extendedDueAt, followUpDueAt, resolveLimits } from './sla.js';

// 2026 National Day (国庆) per the State Council arrangement: Oct 1–7 off, Sat Oct 10 worked.
const cal = buildWorkingCalendar([2026], [
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const })),
  { date: '2026-10-10', kind: 'workday' as const },
]);
const limits = resolveLimits();

describe('complaint time limits on the working-day calendar', () => {
  it('counts sign and reply deadlines from the dispatch day across the National Day holiday', () => {
    const d = dispatchDeadlines(cal, new Date('2026-09-30T10:00:00+08:00'), false, limits);
    expect(d.signDueAt.toISOString()).toBe(new Date('2026-10-08T23:59:59.999+08:00').toISOString());
    // Oct 8, 9, 10 (adjusted), 12–16, 19–23, 26, 27 → the 15th working day is Oct 27.
    expect(chinaDate(d.dueAt)).toBe('2026-10-27');
    expect(d.actDueAt).toBeNull();
  });

  it('gives urgent leads hour limits for signing and acting', () => {
    const at = new Date('2026-09-30T22:00:00+08:00');
    const d = dispatchDeadlines(cal, at, true, limits);
    expect(d.signDueAt.getTime() - at.getTime()).toBe(2 * 3600_000);
    expect(d.actDueAt?.getTime()).toBe(at.getTime() + 24 * 3600_000);
  });

  it('applies overrides and ignores empty ones', () => {
    expect(resolveLimits({ closeDays: 10, signDays: null }, { followUpDays: 3 })).toMatchObject({ signDays: 1, closeDays: 10, followUpDays: 3 });
  });

  it('follow-up 5 working days after the reply; extensions in working days', () => {
    // Sep 30, Oct 8, 9, 10 (adjusted), 12.
    expect(chinaDate(followUpDueAt(cal, new Date('2026-09-29T15:00:00+08:00'), limits))).toBe('2026-10-12');
    expect(chinaDate(extendedDueAt(cal, new Date('2026-09-30T23:59:59+08:00'), 2))).toBe('2026-10-09');
  });

  it('marks due soon from 2 working days before, 4 hours for urgent hour limits', () => {
    // Deadline Thu Oct 8: Sep 30 and Oct 8 are the last two working days → due soon from Sep 30.
    expect(chinaDate(dueSoonFrom(cal, 'reply', new Date('2026-10-08T23:59:59.999+08:00'), false))).toBe('2026-09-30');
    // Deadline Tue Oct 20: Mon 19 and Tue 20 left from the weekend on → due soon from Sat Oct 17.
    expect(chinaDate(dueSoonFrom(cal, 'reply', new Date('2026-10-20T23:59:59.999+08:00'), false))).toBe('2026-10-17');
    const at = new Date('2026-10-12T12:00:00+08:00');
    expect(dueSoonFrom(cal, 'sign', at, true).getTime()).toBe(at.getTime() - 4 * 3600_000);
  });

  it('is never due soon before the last fifth of the time limit', () => {
    // A one-day signing limit dispatched Mon Oct 12 10:00, due end of Tue Oct 13: not due soon at once.
    const started = new Date('2026-10-12T10:00:00+08:00');
    const due = new Date('2026-10-13T23:59:59.999+08:00');
    const soon = dueSoonFrom(cal, 'sign', due, false, started);
    expect(soon.getTime()).toBe(started.getTime() + Math.ceil((due.getTime() - started.getTime()) * 0.8));
    expect(soon.getTime()).toBeGreaterThan(started.getTime());
    // A long limit keeps the 2-working-day rule (later than the last fifth would not be: the rule wins when later).
    const longStart = new Date('2026-09-01T10:00:00+08:00');
    expect(chinaDate(dueSoonFrom(cal, 'reply', new Date('2026-10-20T23:59:59.999+08:00'), false, longStart))).toBe('2026-10-17');
  });

  it('picks the deadline of the current state', () => {
    const base = { urgent: false, signDueAt: new Date(1), actDueAt: null, dueAt: new Date(2), followUpDueAt: new Date(3), followedUp: false };
    expect(currentDeadline({ ...base, status: 'received' })).toBeNull();
    expect(currentDeadline({ ...base, status: 'dispatched' })?.kind).toBe('sign');
    expect(currentDeadline({ ...base, status: 'returned' })?.kind).toBe('sign');
    expect(currentDeadline({ ...base, status: 'accepted' })?.kind).toBe('reply');
    expect(currentDeadline({ ...base, status: 'accepted', actDueAt: new Date(5) })?.kind).toBe('act');
    expect(currentDeadline({ ...base, status: 'replied' })?.kind).toBe('follow_up');
    expect(currentDeadline({ ...base, status: 'replied', followedUp: true })).toBeNull();
    expect(currentDeadline({ ...base, status: 'closed' })).toBeNull();
  });
});
