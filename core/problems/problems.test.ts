import { describe, expect, it } from 'vitest';
import { ENFORCEMENT_LADDER, isComparableCategory, repeatWindowStart, suggestNextStep, withinRepeatWindow } from './repeat.js';
import {
  type ActorFacts,
  PROBLEM_ACTIONS,
  type ProblemAction,
  type ProblemFacts,
  allowedActions,
  checkAction,
  countsRework,
  isDueSoon,
  isOverdue,
  isTerminal,
  nextStatus,
  statusAfterObjection,
} from './state.js';

const TODAY = '2026-03-10';
const staff = (userId = 'staff-1', perms = ['problem:read', 'problem:manage', 'problem:review']): ActorFacts => ({
  userId,
  enterpriseId: null,
  permissions: new Set(perms),
});
const company = (enterpriseId = 'ent-1'): ActorFacts => ({ userId: 'ent-user', enterpriseId, permissions: new Set(['problem:read', 'problem:submit']) });
const supervisor: ActorFacts = { userId: 'sup', enterpriseId: null, permissions: new Set(['problem:read', 'problem:review', 'complaint:supervise']) };

const facts = (over: Partial<ProblemFacts> = {}): ProblemFacts => ({
  status: 'open',
  enterpriseId: 'ent-1',
  deadline: '2026-03-20',
  latestSubmission: null,
  pendingExtension: null,
  pendingObjection: false,
  ...over,
});
const submitted = (by: string | null, review: 'pass' | 'fail' | null = null) =>
  facts({ status: 'submitted', latestSubmission: { id: 's1', submittedBy: by, review: review ? { result: review } : null } });

describe('status transitions', () => {
  it('follows open → rectifying → submitted → closed, with review fail and rework back to rectifying', () => {
    expect(nextStatus('open', 'start')).toBe('rectifying');
    expect(nextStatus('rectifying', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'review', 'pass')).toBe('submitted');
    expect(nextStatus('submitted', 'review', 'fail')).toBe('rectifying');
    expect(nextStatus('submitted', 'rework')).toBe('rectifying');
    expect(nextStatus('submitted', 'close')).toBe('closed');
    expect(nextStatus('rectifying', 'extension_request')).toBe('rectifying');
  });

  it('throws on every transition from a wrong state', () => {
    const wrong: Array<[Parameters<typeof nextStatus>[0], ProblemAction]> = [
      ['rectifying', 'start'],
      ['open', 'submit'],
      ['submitted', 'submit'],
      ['open', 'close'],
      ['rectifying', 'close'],
      ['closed', 'close'],
      ['rectifying', 'rework'],
      ['closed', 'rework'],
      ['rectifying', 'review'],
      ['withdrawn', 'start'],
      ['withdrawn', 'submit'],
      ['withdrawn', 'close'],
      ['withdrawn', 'rework'],
    ];
    for (const [from, action] of wrong) expect(() => nextStatus(from, action), `${action} from ${from}`).toThrow();
  });

  it('withdraws the problem (已撤销) only on an upheld objection, from open, rectifying or submitted', () => {
    for (const from of ['open', 'rectifying', 'submitted'] as const) {
      expect(statusAfterObjection(from, true), from).toBe('withdrawn');
      expect(statusAfterObjection(from, false), from).toBe(from);
    }
    expect(() => statusAfterObjection('closed', true)).toThrow();
    expect(() => statusAfterObjection('withdrawn', true)).toThrow();
    // No ordinary transition leads to withdrawn.
    for (const action of PROBLEM_ACTIONS) {
      for (const from of ['open', 'rectifying', 'submitted'] as const) {
        let to: string | null = null;
        try {
          to = nextStatus(from, action, 'pass');
        } catch {
          to = null;
        }
        expect(to, `${action} from ${from}`).not.toBe('withdrawn');
      }
    }
    expect(isTerminal('withdrawn')).toBe(true);
    expect(isTerminal('closed')).toBe(true);
    expect(isTerminal('submitted')).toBe(false);
  });

  it('counts rework for review fail and rework only', () => {
    expect(countsRework('review', 'fail')).toBe(true);
    expect(countsRework('rework')).toBe(true);
    expect(countsRework('review', 'pass')).toBe(false);
    expect(countsRework('submit')).toBe(false);
  });
});

describe('checkAction / allowedActions', () => {
  it('allows start/submit to the own company and to staff, never to another company', () => {
    expect(checkAction(facts(), company(), 'start', TODAY).ok).toBe(true);
    expect(checkAction(facts(), company('ent-2'), 'start', TODAY)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(checkAction(facts({ status: 'rectifying' }), company(), 'submit', TODAY).ok).toBe(true);
    expect(checkAction(facts({ status: 'rectifying' }), staff(), 'submit', TODAY).ok).toBe(true);
    expect(checkAction(facts({ status: 'rectifying' }), staff('x', ['problem:read']), 'submit', TODAY)).toMatchObject({ reason: 'forbidden' });
  });

  it('refuses closing without a passed review of the latest submission', () => {
    expect(checkAction(submitted('ent-user'), staff(), 'close', TODAY)).toMatchObject({ ok: false, reason: 'rule' });
    expect(checkAction(submitted('ent-user', 'fail'), staff(), 'close', TODAY)).toMatchObject({ ok: false });
    expect(checkAction(submitted('ent-user', 'pass'), staff(), 'close', TODAY).ok).toBe(true);
    expect(checkAction(facts({ status: 'rectifying' }), staff(), 'close', TODAY)).toMatchObject({ ok: false, reason: 'state' });
    expect(checkAction(submitted('ent-user', 'pass'), company(), 'close', TODAY)).toMatchObject({ reason: 'forbidden' });
  });

  it('refuses a review by the submitter and a second review of the same submission', () => {
    expect(checkAction(submitted('staff-1'), staff('staff-1'), 'review', TODAY)).toMatchObject({ ok: false, reason: 'rule' });
    expect(checkAction(submitted('staff-1'), staff('staff-2'), 'review', TODAY).ok).toBe(true);
    expect(checkAction(submitted('staff-1', 'pass'), staff('staff-2'), 'review', TODAY)).toMatchObject({ ok: false, reason: 'state' });
    expect(checkAction(submitted('ent-user'), company(), 'review', TODAY)).toMatchObject({ reason: 'forbidden' });
  });

  it('allows an extension request only before the deadline and one at a time; decision not by the requester', () => {
    expect(checkAction(facts({ status: 'rectifying' }), company(), 'extension_request', '2026-03-20').ok).toBe(true);
    expect(checkAction(facts({ status: 'rectifying' }), company(), 'extension_request', '2026-03-21')).toMatchObject({ ok: false, reason: 'rule' });
    expect(checkAction(facts({ pendingExtension: { requestedBy: 'ent-user' } }), company(), 'extension_request', TODAY)).toMatchObject({ ok: false });
    expect(checkAction(submitted('x'), company(), 'extension_request', TODAY)).toMatchObject({ ok: false, reason: 'state' });
    expect(checkAction(facts({ pendingExtension: { requestedBy: 'staff-1' } }), staff('staff-1'), 'extension_decision', TODAY)).toMatchObject({ ok: false, reason: 'rule' });
    expect(checkAction(facts({ pendingExtension: { requestedBy: 'ent-user' } }), staff('staff-1'), 'extension_decision', TODAY).ok).toBe(true);
    expect(checkAction(facts(), staff(), 'extension_decision', TODAY)).toMatchObject({ ok: false, reason: 'rule' });
  });

  it('gives supervision to the rule-of-law office and objections to the company only', () => {
    expect(checkAction(facts(), supervisor, 'supervise', TODAY).ok).toBe(true);
    expect(checkAction(facts(), staff(), 'supervise', TODAY)).toMatchObject({ reason: 'forbidden' });
    expect(checkAction(facts({ status: 'closed' }), supervisor, 'supervise', TODAY)).toMatchObject({ reason: 'state' });
    expect(checkAction(facts(), company(), 'objection', TODAY).ok).toBe(true);
    expect(checkAction(facts(), staff(), 'objection', TODAY)).toMatchObject({ reason: 'forbidden' });
    expect(checkAction(facts({ pendingObjection: true }), company(), 'objection', TODAY)).toMatchObject({ reason: 'rule' });
    expect(checkAction(facts({ pendingObjection: true }), staff(), 'objection_decision', TODAY).ok).toBe(true);
  });

  it('allows nothing on a closed problem', () => {
    for (const a of [staff(), company(), supervisor]) expect(allowedActions(facts({ status: 'closed' }), a, TODAY)).toEqual([]);
  });

  it('allows nothing on a withdrawn problem and refuses every action as a state conflict', () => {
    const w = facts({ status: 'withdrawn', pendingExtension: { requestedBy: 'ent-user' }, pendingObjection: true });
    for (const a of [staff(), staff('staff-2'), company(), supervisor]) expect(allowedActions(w, a, TODAY)).toEqual([]);
    for (const action of ['start', 'submit', 'extension_request', 'objection', 'attach'] as const) {
      expect(checkAction(w, company(), action, TODAY), action).toMatchObject({ ok: false, reason: 'state', message: expect.stringContaining('撤销') });
    }
    expect(checkAction(w, staff(), 'objection_decision', TODAY)).toMatchObject({ ok: false, reason: 'state' });
  });

  it('computes allowedActions as exactly the actions checkAction accepts', () => {
    const cases = [facts(), facts({ status: 'rectifying' }), submitted('ent-user'), submitted('ent-user', 'pass'), submitted('staff-1')];
    for (const f of cases) {
      for (const a of [staff(), staff('staff-2'), company(), company('ent-2'), supervisor]) {
        const allowed = allowedActions(f, a, TODAY);
        for (const action of PROBLEM_ACTIONS) expect(allowed.includes(action)).toBe(checkAction(f, a, action, TODAY).ok);
      }
    }
    expect(allowedActions(facts(), company(), TODAY)).toEqual(['start', 'extension_request', 'objection', 'attach']);
    expect(allowedActions(submitted('ent-user', 'pass'), staff(), TODAY)).toEqual(['close', 'rework', 'attach']);
  });
});

describe('deadlines', () => {
  it('is overdue only after the deadline day and while not closed', () => {
    expect(isOverdue('rectifying', '2026-03-10', '2026-03-10')).toBe(false);
    expect(isOverdue('rectifying', '2026-03-10', '2026-03-11')).toBe(true);
    expect(isOverdue('closed', '2026-03-10', '2026-03-11')).toBe(false);
    expect(isOverdue('withdrawn', '2026-03-10', '2026-03-11')).toBe(false);
  });
  it('is due soon with at most 3 working days left', () => {
    expect(isDueSoon('open', '2026-03-13', TODAY, 3)).toBe(true);
    expect(isDueSoon('open', '2026-03-16', TODAY, 4)).toBe(false);
    expect(isDueSoon('open', TODAY, TODAY, 0)).toBe(true);
    expect(isDueSoon('closed', '2026-03-13', TODAY, 3)).toBe(false);
    expect(isDueSoon('withdrawn', '2026-03-13', TODAY, 3)).toBe(false);
    expect(isDueSoon('open', '2026-03-09', TODAY, -1)).toBe(false);
    expect(isDueSoon('open', '2026-03-13', TODAY, null)).toBe(false);
  });
});

describe('repeat offences', () => {
  it('looks back exactly 12 months', () => {
    expect(repeatWindowStart('2026-03-10')).toBe('2025-03-10');
    expect(repeatWindowStart('2024-02-29')).toBe('2023-02-28');
    expect(repeatWindowStart('2026-01-31')).toBe('2025-01-31');
    expect(withinRepeatWindow('2025-03-10', '2026-03-10')).toBe(true);
    expect(withinRepeatWindow('2025-03-09', '2026-03-10')).toBe(false);
    expect(withinRepeatWindow('2026-03-11', '2026-03-10')).toBe(false);
  });
  it('never compares category 0', () => {
    expect(isComparableCategory(0)).toBe(false);
    expect(isComparableCategory(3)).toBe(true);
  });
  it('climbs the enforcement ladder by prior problems and actions taken, capped at a fine', () => {
    expect(ENFORCEMENT_LADDER).toEqual(['interview', 'rectification_order', 'warning_letter', 'warning', 'fine']);
    expect(suggestNextStep(1)).toBe('interview');
    expect(suggestNextStep(2)).toBe('rectification_order');
    expect(suggestNextStep(3)).toBe('warning_letter');
    expect(suggestNextStep(1, ['interview'])).toBe('rectification_order');
    expect(suggestNextStep(1, ['warning_letter', 'interview'])).toBe('warning');
    expect(suggestNextStep(1, ['criminal_referral'])).toBe('interview');
    expect(suggestNextStep(9)).toBe('fine');
    expect(suggestNextStep(1, ['fine'])).toBe('fine');
  });
});
