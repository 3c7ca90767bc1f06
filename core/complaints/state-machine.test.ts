import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  type ComplaintAction,
  type ComplaintStatus,
  RECALL_RESULTS,
  RETURN_CAP,
  type WorkflowSnapshot,
  checkAction,
  recallTransition,
} from './state-machine.js';

const now = new Date('2026-10-12T10:00:00+08:00');
const snap = (over: Partial<WorkflowSnapshot> = {}): WorkflowSnapshot => ({
  status: 'received',
  leadDepartment: 'housing',
  leadOrgUnitId: 'unit-1',
  finalAssignment: false,
  unreachableByDesign: false,
  satisfaction: null,
  followedUp: false,
  hasPendingExtension: false,
  dueAt: new Date('2026-10-27T23:59:59+08:00'),
  recalled: false,
  confidential: false,
  now,
  ...over,
});

/** The status-changing transitions, exactly: [action, from, to]. */
const TRANSITIONS: [ComplaintAction, ComplaintStatus, ComplaintStatus][] = [
  ['dispatch', 'received', 'dispatched'],
  ['dispatch', 'returned', 'dispatched'],
  ['sign', 'dispatched', 'accepted'],
  ['return', 'dispatched', 'returned'],
  ['findings', 'accepted', 'handled'],
  ['reply', 'handled', 'reply_pending'],
  ['approve-reply', 'reply_pending', 'replied'],
  ['reject-reply', 'reply_pending', 'handled'],
  ['rework', 'replied', 'accepted'],
  ['rework', 'closed', 'accepted'],
  ['merge', 'received', 'merged'],
  ['merge', 'dispatched', 'merged'],
  ['merge', 'returned', 'merged'],
  ['merge', 'accepted', 'merged'],
  ['merge', 'handled', 'merged'],
];
const MOVING: ComplaintAction[] = ['dispatch', 'sign', 'return', 'findings', 'reply', 'approve-reply', 'reject-reply', 'rework', 'merge'];

describe('complaint state machine', () => {
  for (const action of MOVING) {
    for (const status of COMPLAINT_STATUSES) {
      const expected = TRANSITIONS.find(([a, from]) => a === action && from === status);
      it(`${action} from ${status} → ${expected ? expected[2] : 'refused'}`, () => {
        const r = checkAction(action, snap({ status }));
        if (expected) expect(r).toEqual({ ok: true, to: expected[2] });
        else {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      });
    }
  }

  it('refuses a return once the assignment is final, with a clear message', () => {
    const r = checkAction('return', snap({ status: 'dispatched', finalAssignment: true }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('conflict');
      expect(r.message).toContain(`${RETURN_CAP} 次`);
    }
  });

  it('answers directly only leads outside the campaign departments, and only before dispatch', () => {
    expect(checkAction('answer', snap({ leadDepartment: 'none', leadOrgUnitId: null }))).toEqual({ ok: true, to: 'reply_pending' });
    expect(checkAction('answer', snap({ leadDepartment: 'housing' })).ok).toBe(false);
    expect(checkAction('answer', snap({ leadDepartment: 'none', status: 'dispatched' })).ok).toBe(false);
    // A rejected direct answer and a rework go back to the coordinator (no lead unit).
    expect(checkAction('reject-reply', snap({ status: 'reply_pending', leadOrgUnitId: null }))).toEqual({ ok: true, to: 'received' });
    expect(checkAction('rework', snap({ status: 'replied', leadOrgUnitId: null }))).toEqual({ ok: true, to: 'received' });
  });

  it('closes only a replied lead with a satisfactory follow-up', () => {
    expect(checkAction('close', snap({ status: 'handled' })).ok).toBe(false);
    expect(checkAction('close', snap({ status: 'reply_pending' })).ok).toBe(false);
    expect(checkAction('close', snap({ status: 'replied' })).ok).toBe(false);
    expect(checkAction('close', snap({ status: 'replied', followedUp: true, satisfaction: 'dissatisfied' })).ok).toBe(false);
    expect(checkAction('close', snap({ status: 'replied', followedUp: true, satisfaction: 'unreachable' })).ok).toBe(false);
    expect(checkAction('close', snap({ status: 'replied', followedUp: true, satisfaction: 'unreachable', unreachableByDesign: true }))).toEqual({ ok: true, to: 'closed' });
    expect(checkAction('close', snap({ status: 'replied', followedUp: true, satisfaction: 'satisfied' }))).toEqual({ ok: true, to: 'closed' });
    expect(checkAction('close', snap({ status: 'replied', followedUp: true, satisfaction: 'basically_satisfied' }))).toEqual({ ok: true, to: 'closed' });
  });

  it('records one follow-up per released reply', () => {
    expect(checkAction('follow-up', snap({ status: 'replied' }))).toEqual({ ok: true, to: 'replied' });
    expect(checkAction('follow-up', snap({ status: 'replied', followedUp: true })).ok).toBe(false);
    expect(checkAction('follow-up', snap({ status: 'handled' })).ok).toBe(false);
  });

  it('takes extension requests only before the deadline and one at a time', () => {
    expect(checkAction('extension-request', snap({ status: 'accepted' })).ok).toBe(true);
    expect(checkAction('extension-request', snap({ status: 'accepted', now: new Date('2026-10-28T09:00:00+08:00') })).ok).toBe(false);
    expect(checkAction('extension-request', snap({ status: 'accepted', hasPendingExtension: true })).ok).toBe(false);
    expect(checkAction('extension-request', snap({ status: 'received', dueAt: null })).ok).toBe(false);
    expect(checkAction('extension-decision', snap({ status: 'accepted', hasPendingExtension: true })).ok).toBe(true);
    expect(checkAction('extension-decision', snap({ status: 'accepted' })).ok).toBe(false);
  });

  it('leaves nothing to do on a merged lead but reading', () => {
    const allowed = COMPLAINT_ACTIONS.filter((a) => checkAction(a, snap({ status: 'merged' })).ok);
    expect(allowed).toEqual(['reveal-contact']);
  });

  describe('supervisor re-call (回访抽查)', () => {
    const closed = (over: Partial<WorkflowSnapshot> = {}) => snap({ status: 'closed', followedUp: true, satisfaction: 'satisfied', ...over });

    it('is allowed on a closed lead only, and leaves its status alone', () => {
      for (const status of COMPLAINT_STATUSES) {
        const r = checkAction('recall', closed({ status }));
        if (status === 'closed') expect(r).toEqual({ ok: true, to: null });
        else {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r).toMatchObject({ code: 'state', message: expect.stringContaining('已办结') });
        }
      }
    });

    it('happens once per lead, and never on an anonymous, unreachable or confidential lead', () => {
      expect(checkAction('recall', closed({ recalled: true }))).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('只抽查一次') });
      expect(checkAction('recall', closed({ unreachableByDesign: true }))).toMatchObject({ ok: false, code: 'conflict' });
      expect(checkAction('recall', closed({ confidential: true }))).toMatchObject({ ok: false, code: 'conflict' });
    });

    it('reopens the lead through the rework transition only when the resident contradicts the record', () => {
      expect(recallTransition('confirmed', closed())).toEqual({ ok: true, to: null });
      expect(recallTransition('not_reached', closed())).toEqual({ ok: true, to: null });
      expect(recallTransition('contradicted', closed())).toEqual({ ok: true, to: 'accepted' });
      expect(recallTransition('contradicted', closed())).toEqual(checkAction('rework', closed()));
      // A lead answered directly by the coordinator goes back to the coordinator.
      expect(recallTransition('contradicted', closed({ leadOrgUnitId: null }))).toEqual({ ok: true, to: 'received' });
    });

    it('refuses every result where the re-call itself is refused', () => {
      for (const result of RECALL_RESULTS) {
        for (const status of COMPLAINT_STATUSES.filter((x) => x !== 'closed')) expect(recallTransition(result, closed({ status })).ok).toBe(false);
        expect(recallTransition(result, closed({ recalled: true })).ok).toBe(false);
      }
    });
  });
});
