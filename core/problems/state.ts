import type { ProblemStatus, ReviewResult } from './labels.js';

/*
 * The problem lifecycle (整改台账), one explicit state machine used by the actions AND by the
 * detail view's allowedActions, so the UI never offers what the server would refuse.
 *
 *   open ──start──▶ rectifying ──submit──▶ submitted ──review(pass)──▶ submitted ──close──▶ closed
 *                        ▲                      │
 *                        └──review(fail)/rework─┘   (rework_count + 1)
 *
 *   open | rectifying | submitted ──objection_decision(uphold)──▶ withdrawn (已撤销)
 *
 * "整改一件，销号一件": close requires a recorded PASSED review of the LATEST submission, by a
 * reviewer who is not that submission's submitter. Side actions (extension, supervision,
 * objection, attachments) do not change the status — except an UPHELD objection, which withdraws
 * the problem (撤销). closed and withdrawn are terminal: nothing can be done to them, and neither
 * is ever overdue or due soon.
 */

export const PROBLEM_ACTIONS = [
  'start',
  'submit',
  'review',
  'close',
  'rework',
  'extension_request',
  'extension_decision',
  'supervise',
  'objection',
  'objection_decision',
  'attach',
] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];

/** Status transitions; side actions are absent (they keep the status). */
const TRANSITIONS: Partial<Record<ProblemAction, { from: readonly ProblemStatus[]; to: ProblemStatus }>> = {
  start: { from: ['open'], to: 'rectifying' },
  submit: { from: ['rectifying'], to: 'submitted' },
  review: { from: ['submitted'], to: 'submitted' },
  close: { from: ['submitted'], to: 'closed' },
  rework: { from: ['submitted'], to: 'rectifying' },
};

/** States in which a side action is possible. */
const SIDE_ACTION_STATES: Partial<Record<ProblemAction, readonly ProblemStatus[]>> = {
  extension_request: ['open', 'rectifying'],
  extension_decision: ['open', 'rectifying', 'submitted'],
  supervise: ['open', 'rectifying', 'submitted'],
  objection: ['open', 'rectifying', 'submitted'],
  objection_decision: ['open', 'rectifying', 'submitted'],
  attach: ['open', 'rectifying', 'submitted'],
};

/** Terminal states: no action is possible, never overdue. */
export const TERMINAL_STATUSES: readonly ProblemStatus[] = ['closed', 'withdrawn'];

export function isTerminal(status: ProblemStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/**
 * The status after an objection decision: upheld → `withdrawn` (the problem is annulled, the company
 * need not rectify), rejected → unchanged. Only from the states where a decision is possible.
 */
export function statusAfterObjection(status: ProblemStatus, uphold: boolean): ProblemStatus {
  if (!statesFor('objection_decision').includes(status)) throw new Error(`objection_decision not allowed from ${status}`);
  return uphold ? 'withdrawn' : status;
}

/** The status after `action` (review: pass keeps `submitted`, fail sends it back to `rectifying`). */
export function nextStatus(status: ProblemStatus, action: ProblemAction, reviewResult?: ReviewResult): ProblemStatus {
  const t = TRANSITIONS[action];
  if (!t) return status;
  if (!t.from.includes(status)) throw new Error(`transition ${action} not allowed from ${status}`);
  if (action === 'review') return reviewResult === 'fail' ? 'rectifying' : 'submitted';
  return t.to;
}

/** Actions that count a rework (返工). */
export function countsRework(action: ProblemAction, reviewResult?: ReviewResult): boolean {
  return action === 'rework' || (action === 'review' && reviewResult === 'fail');
}

export function statesFor(action: ProblemAction): readonly ProblemStatus[] {
  return TRANSITIONS[action]?.from ?? SIDE_ACTION_STATES[action] ?? [];
}

/** What the rules need to know about the problem. */
export interface ProblemFacts {
  status: ProblemStatus;
  enterpriseId: string | null;
  deadline: string;
  /** Latest submission, if any, with its review (one review per submission). */
  latestSubmission: { id: string; submittedBy: string | null; review: { result: ReviewResult } | null } | null;
  pendingExtension: { requestedBy: string | null } | null;
  pendingObjection: boolean;
}

/** What the rules need to know about the actor. */
export interface ActorFacts {
  userId: string | null;
  /** Set for enterprise users only: their company. */
  enterpriseId: string | null;
  permissions: ReadonlySet<string>;
}

export type ActionCheck =
  | { ok: true }
  /** forbidden → 403; state → 409 INVALID_STATE; rule → 409 CONFLICT. */
  | { ok: false; reason: 'forbidden' | 'state' | 'rule'; message: string };

const OK: ActionCheck = { ok: true };
const deny = (reason: 'forbidden' | 'state' | 'rule', message: string): ActionCheck => ({ ok: false, reason, message });

function isOwnEnterprise(actor: ActorFacts, p: ProblemFacts): boolean {
  return actor.enterpriseId !== null && p.enterpriseId !== null && actor.enterpriseId === p.enterpriseId && actor.permissions.has('problem:submit');
}
const isStaff = (actor: ActorFacts) => actor.enterpriseId === null;
const staffWith = (actor: ActorFacts, ...perms: string[]) => isStaff(actor) && perms.some((p) => actor.permissions.has(p));

/** Who may perform an action at all (independent of state). */
function mayPerform(action: ProblemAction, actor: ActorFacts, p: ProblemFacts): boolean {
  switch (action) {
    case 'start':
    case 'submit':
    case 'extension_request':
      return isOwnEnterprise(actor, p) || staffWith(actor, 'problem:manage');
    case 'review':
      return staffWith(actor, 'problem:review');
    case 'close':
    case 'rework':
      return staffWith(actor, 'problem:manage', 'problem:review');
    case 'extension_decision':
    case 'objection_decision':
      return staffWith(actor, 'problem:manage');
    case 'supervise':
      // 挂牌督办 is the rule-of-law office's power (SPEC §2 supervisor).
      return staffWith(actor, 'complaint:supervise');
    case 'objection':
      return isOwnEnterprise(actor, p);
    case 'attach':
      return isOwnEnterprise(actor, p) || staffWith(actor, 'problem:manage', 'problem:review', 'complaint:supervise');
  }
}

const STATE_MESSAGES: Partial<Record<ProblemAction, string>> = {
  start: '只有“待整改”的问题可以开始整改',
  submit: '只有“整改中”的问题可以报送整改情况；待整改的问题请先开始整改',
  review: '只有“已报送”的问题可以进行回头看复查',
  close: '只有已报送并经回头看复查通过的问题可以销号',
  rework: '只有“已报送”的问题可以退回返工',
  extension_request: '只有待整改或整改中的问题可以申请延期',
};

/** Checks one action: permission, then state, then the action's own rule. */
export function checkAction(p: ProblemFacts, actor: ActorFacts, action: ProblemAction, today: string): ActionCheck {
  if (!mayPerform(action, actor, p)) return deny('forbidden', '没有执行此操作的权限');
  if (!statesFor(action).includes(p.status)) {
    if (p.status === 'closed') return deny('state', '问题已销号，不能再操作');
    if (p.status === 'withdrawn') return deny('state', '问题已因异议成立而撤销，不能再操作');
    return deny('state', STATE_MESSAGES[action] ?? '当前状态下不能执行此操作');
  }
  const latest = p.latestSubmission;
  switch (action) {
    case 'review':
      if (!latest) return deny('state', '尚无整改报送，不能复查');
      if (latest.review) return deny('state', latest.review.result === 'pass' ? '最新一次报送已复查通过，请办理销号' : '最新一次报送已复查');
      if (latest.submittedBy !== null && latest.submittedBy === actor.userId) {
        return deny('rule', '回头看复查须由报送人以外的人员进行，您是本次整改情况的报送人');
      }
      return OK;
    case 'close':
      if (latest?.review?.result !== 'pass') {
        return deny('rule', '最新一次整改报送尚无“复查通过”的回头看记录，不能销号；请先进行回头看复查');
      }
      return OK;
    case 'extension_request':
      if (today > p.deadline) return deny('rule', '已超过整改期限，不能再申请延期；延期须在期限届满前申请');
      if (p.pendingExtension) return deny('rule', '已有待审批的延期申请，请等待审批结果');
      return OK;
    case 'extension_decision':
      if (!p.pendingExtension) return deny('rule', '没有待审批的延期申请');
      if (p.pendingExtension.requestedBy !== null && p.pendingExtension.requestedBy === actor.userId) {
        return deny('rule', '不能审批自己提出的延期申请');
      }
      return OK;
    case 'objection':
      if (p.pendingObjection) return deny('rule', '已有待处理的异议，请等待处理结果');
      return OK;
    case 'objection_decision':
      if (!p.pendingObjection) return deny('rule', '没有待处理的异议');
      return OK;
    default:
      return OK;
  }
}

/** The actions this actor may perform now — the same checks the actions run. */
export function allowedActions(p: ProblemFacts, actor: ActorFacts, today: string): ProblemAction[] {
  return PROBLEM_ACTIONS.filter((a) => checkAction(p, actor, a, today).ok);
}

/** The deadline that binds: the rectification deadline, or the 挂牌督办 deadline when earlier. */
export function bindingDeadline(deadline: string, supervised: boolean, supervisionDeadline: string | null): string {
  return supervised && supervisionDeadline && supervisionDeadline < deadline ? supervisionDeadline : deadline;
}

/** 超期: today after the (binding) deadline and not closed or withdrawn. */
export function isOverdue(status: ProblemStatus, deadline: string, today: string): boolean {
  return !isTerminal(status) && today > deadline;
}

/** Number of working days that counts as "due soon" (临期). */
export const DUE_SOON_WORKING_DAYS = 3;

/** 临期: not closed or withdrawn, not overdue, and at most 3 working days left (workingDaysLeft from countWorkingDays(today, deadline)). */
export function isDueSoon(status: ProblemStatus, deadline: string, today: string, workingDaysLeft: number | null): boolean {
  if (isTerminal(status) || today > deadline || workingDaysLeft === null) return false;
  return workingDaysLeft <= DUE_SOON_WORKING_DAYS;
}
