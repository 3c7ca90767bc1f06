/**
 * Time limits of complaint handling (SPEC §5 "Time limits"), pure over a working-day calendar.
 *  - The clock starts at the first dispatch (not at 签收); a return does not stop it.
 *  - Working-day limits end at the end of the n-th working day after the dispatch day (China time);
 *    the dispatch day itself is not counted (期间开始之日不计算在内).
 *  - Urgent leads: sign within `urgentSignHours`, findings within `urgentActHours` (clock hours).
 *  - "Due soon": within 2 working days of a working-day deadline, 4 hours of an urgent one.
 */
import * as wd from '../working-days.js';
import type { ComplaintStatus } from './state-machine.js';

export interface TimeLimits {
  signDays: number;
  closeDays: number;
  followUpDays: number;
  urgentSignHours: number;
  urgentActHours: number;
}

export const DEFAULT_TIME_LIMITS: Readonly<TimeLimits> = Object.freeze({
  signDays: 1,
  closeDays: 15,
  followUpDays: 5,
  urgentSignHours: 2,
  urgentActHours: 24,
});

export const DUE_SOON_WORKING_DAYS = 2;
export const DUE_SOON_URGENT_HOURS = 4;
const HOUR_MS = 3_600_000;

export const chinaDate = wd.chinaDate;

/** 23:59:59.999 China time on `date`. */
export function endOfChinaDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}

export function startOfChinaDay(date: string): Date {
  return new Date(`${date}T00:00:00.000+08:00`);
}

/** Merges overrides (nulls/undefined ignored) over the defaults. */
export function resolveLimits(...layers: Array<Partial<Record<keyof TimeLimits, number | null | undefined>> | null | undefined>): TimeLimits {
  const out: TimeLimits = { ...DEFAULT_TIME_LIMITS };
  for (const layer of layers) {
    if (!layer) continue;
    for (const k of Object.keys(out) as (keyof TimeLimits)[]) {
      const v = layer[k];
      if (typeof v === 'number' && v > 0) out[k] = v;
    }
  }
  return out;
}

export interface DispatchDeadlines {
  signDueAt: Date;
  actDueAt: Date | null;
  dueAt: Date;
}

export function dispatchDeadlines(cal: wd.WorkingCalendar, dispatchedAt: Date, urgent: boolean, limits: TimeLimits): DispatchDeadlines {
  const day = chinaDate(dispatchedAt);
  const dueAt = endOfChinaDay(wd.addWorkingDays(cal, day, limits.closeDays));
  if (urgent) {
    return {
      signDueAt: new Date(dispatchedAt.getTime() + limits.urgentSignHours * HOUR_MS),
      actDueAt: new Date(dispatchedAt.getTime() + limits.urgentActHours * HOUR_MS),
      dueAt,
    };
  }
  return { signDueAt: endOfChinaDay(wd.addWorkingDays(cal, day, limits.signDays)), actDueAt: null, dueAt };
}

export function followUpDueAt(cal: wd.WorkingCalendar, releasedAt: Date, limits: TimeLimits): Date {
  return endOfChinaDay(wd.addWorkingDays(cal, chinaDate(releasedAt), limits.followUpDays));
}

/** The deadline moved by an approved extension of `days` working days. */
export function extendedDueAt(cal: wd.WorkingCalendar, dueAt: Date, days: number): Date {
  return endOfChinaDay(wd.addWorkingDays(cal, chinaDate(dueAt), days));
}

/** A working-day deadline as computed: the end of the `days`-th working day after `from` (China date). */
export interface DeadlineSpan {
  from: string;
  days: number;
}

/** What a lead's working-day deadlines were computed from, kept to recompute them when the calendar changes. */
export interface DeadlineBasis {
  sign?: DeadlineSpan;
  due?: DeadlineSpan;
  followUp?: DeadlineSpan;
}

export function deadlineOf(cal: wd.WorkingCalendar, span: DeadlineSpan): Date {
  return endOfChinaDay(wd.addWorkingDays(cal, span.from, span.days));
}

/** The bases of dispatchDeadlines(…, dispatchedAt, urgent, limits) (urgent sign/act limits are clock hours, no basis). */
export function dispatchBasis(dispatchedAt: Date, urgent: boolean, limits: TimeLimits): DeadlineBasis {
  const from = chinaDate(dispatchedAt);
  return urgent ? { due: { from, days: limits.closeDays } } : { sign: { from, days: limits.signDays }, due: { from, days: limits.closeDays } };
}

/** The basis of a reply deadline moved by an approved extension: the n-th + m-th working day is the (n+m)-th. */
export function extendedBasis(due: DeadlineSpan | undefined, dueAt: Date, days: number): DeadlineSpan {
  return due ? { from: due.from, days: due.days + days } : { from: chinaDate(dueAt), days };
}

/** Which parts of the basis still govern a deadline in a state (a passed sign deadline of a signed lead is history). */
export function liveBasisParts(status: ComplaintStatus, followedUp: boolean): Array<keyof DeadlineBasis> {
  switch (status) {
    case 'dispatched':
    case 'returned':
      return ['sign', 'due'];
    case 'accepted':
    case 'handled':
    case 'reply_pending':
      return ['due'];
    case 'replied':
      return followedUp ? [] : ['followUp'];
    default:
      return [];
  }
}

export type DeadlineKind = 'locate' | 'sign' | 'act' | 'reply' | 'follow_up' | 'supervision';

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  locate: '确定属地期限',
  sign: '签收期限',
  act: '紧急处置期限',
  reply: '办理答复期限',
  follow_up: '回访期限',
  supervision: '督办期限',
};

export interface DeadlineFacts {
  status: ComplaintStatus;
  urgent: boolean;
  signDueAt: Date | null;
  actDueAt: Date | null;
  dueAt: Date | null;
  followUpDueAt: Date | null;
  followedUp: boolean;
  /** 挂牌督办 deadline (a China date): applies until the reply is out, when earlier than the state's own. */
  supervisionDeadline?: string | null;
  /** 确定属地: a lead received above district level must be placed in a district by then (status received only). */
  locateDueAt?: Date | null;
}

/** The deadline that applies in the current state (null: no clock running). */
export function currentDeadline(f: DeadlineFacts): { kind: DeadlineKind; at: Date } | null {
  const own = stateDeadline(f);
  const supervisedUntilReply = ['received', 'dispatched', 'returned', 'accepted', 'handled', 'reply_pending'].includes(f.status);
  if (f.supervisionDeadline && supervisedUntilReply) {
    const at = endOfChinaDay(f.supervisionDeadline);
    if (!own || at < own.at) return { kind: 'supervision', at };
  }
  return own;
}

function stateDeadline(f: DeadlineFacts): { kind: DeadlineKind; at: Date } | null {
  switch (f.status) {
    case 'received':
      return f.locateDueAt ? { kind: 'locate', at: f.locateDueAt } : null;
    case 'dispatched':
    case 'returned':
      return f.signDueAt ? { kind: 'sign', at: f.signDueAt } : null;
    case 'accepted':
      if (f.actDueAt) return { kind: 'act', at: f.actDueAt };
      return f.dueAt ? { kind: 'reply', at: f.dueAt } : null;
    case 'handled':
    case 'reply_pending':
      return f.dueAt ? { kind: 'reply', at: f.dueAt } : null;
    case 'replied':
      return !f.followedUp && f.followUpDueAt ? { kind: 'follow_up', at: f.followUpDueAt } : null;
    default:
      return null;
  }
}

/**
 * When a deadline becomes "due soon". Working-day deadlines (at the end of a China day): from the
 * start of the earliest day with at most 2 working days left, that day included. Hour deadlines
 * (urgent sign/act): 4 hours before.
 */
export function dueSoonFrom(cal: wd.WorkingCalendar, kind: DeadlineKind, at: Date, urgent: boolean, startedAt?: Date | null): Date {
  const rule = dueSoonByRule(cal, kind, at, urgent);
  // Never before the last fifth of the time limit: a one-day signing limit is not "due soon" the moment it starts.
  if (!startedAt || startedAt.getTime() >= at.getTime()) return rule;
  const lastFifth = new Date(startedAt.getTime() + Math.ceil((at.getTime() - startedAt.getTime()) * 0.8));
  return lastFifth > rule ? lastFifth : rule;
}

function dueSoonByRule(cal: wd.WorkingCalendar, kind: DeadlineKind, at: Date, urgent: boolean): Date {
  const hourBased = urgent && (kind === 'sign' || kind === 'act');
  if (hourBased) return new Date(at.getTime() - DUE_SOON_URGENT_HOURS * HOUR_MS);
  // The earliest day X with at most 2 working days in [X, deadline day] (X itself counted).
  let x = chinaDate(at);
  let from = x;
  let n = 0;
  for (let i = 0; i < 60; i++) {
    const add = wd.isWorkingDay(cal, x) ? 1 : 0;
    if (n + add > DUE_SOON_WORKING_DAYS) break;
    n += add;
    from = x;
    x = wd.addCalendarDays(x, -1);
  }
  return startOfChinaDay(from);
}

export function isOverdue(deadline: Date | null, now: Date): boolean {
  return deadline !== null && now.getTime() > deadline.getTime();
}

export function isDueSoon(deadline: Date | null, soonFrom: Date | null, now: Date): boolean {
  return deadline !== null && soonFrom !== null && now.getTime() >= soonFrom.getTime() && now.getTime() <= deadline.getTime();
}
