/**
 * The complaint workflow (SPEC §5) as an explicit, pure state machine. The server's action
 * handlers and the `allowedActions` of a lead's detail both ask `checkAction` — one copy of the
 * rules. Actor-dependent rules (permissions, membership of the lead unit) live in
 * server/modules/complaints/complaints.policy.ts, which calls this first.
 *
 * received(待派单) → dispatched(待签收) → accepted(办理中) → handled(待答复) → reply_pending(答复待审核)
 * → replied(已答复待回访) → closed(已办结). returned(已退单待改派) from dispatched; merged(已合并) is terminal;
 * rework: replied/closed → accepted. Leads outside the campaign departments (lead 'none') may be
 * answered directly: received → reply_pending.
 * Supervisor re-call (回访抽查, SPEC §5): only on a closed lead, once; a contradicted re-call reopens
 * it through the rework transition (see `recallTransition`), the other results leave it closed.
 */

export const COMPLAINT_STATUSES = ['received', 'dispatched', 'returned', 'accepted', 'handled', 'reply_pending', 'replied', 'closed', 'merged'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const TERMINAL_STATUSES: readonly ComplaintStatus[] = ['closed', 'merged'];

export const COMPLAINT_ACTIONS = [
  'triage',
  'dispatch',
  'sign',
  'return',
  'findings',
  'answer',
  'reply',
  'approve-reply',
  'reject-reply',
  'follow-up',
  'rework',
  'close',
  'merge',
  'extension-request',
  'extension-decision',
  'supervise',
  'reveal-contact',
  'attachments',
  'recall',
  'opinion',
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/** After this many returns the coordinator's next dispatch is final (终审派单). */
export const RETURN_CAP = 2;

export const FINDINGS = ['substantiated', 'partly_substantiated', 'unsubstantiated'] as const;
export type Finding = (typeof FINDINGS)[number];
export const OUTCOMES = ['resolved_on_site', 'rectification_ordered', 'penalty_case', 'referred', 'not_substantiated'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
/** Result of a supervisor's re-call: the resident confirms the record, could not be reached, or contradicts it. */
export const RECALL_RESULTS = ['confirmed', 'not_reached', 'contradicted'] as const;
export type RecallResult = (typeof RECALL_RESULTS)[number];
export const CHANNELS = ['web', 'phone', 'letter', 'visit', 'hotline_12345', 'inspection', 'referral', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The facts about a lead the workflow rules look at. */
export interface WorkflowSnapshot {
  status: ComplaintStatus;
  leadDepartment: string;
  leadOrgUnitId: string | null;
  finalAssignment: boolean;
  /** The complainant left no way to be contacted (anonymous, or no phone). */
  unreachableByDesign: boolean;
  satisfaction: Satisfaction | null;
  followedUp: boolean;
  hasPendingExtension: boolean;
  /** Deadline for the reply (due_at); null before dispatch. */
  dueAt: Date | null;
  /** A supervisor has already re-called this lead (one re-call per lead). */
  recalled: boolean;
  /** The complainant asked for confidentiality: only the lead unit or the coordinator may contact them. */
  confidential: boolean;
  now: Date;
}

export type Check = { ok: true; to: ComplaintStatus | null } | { ok: false; code: 'state' | 'conflict'; message: string };

const ok = (to: ComplaintStatus | null = null): Check => ({ ok: true, to });
const state = (message: string): Check => ({ ok: false, code: 'state', message });
const conflictWith = (message: string): Check => ({ ok: false, code: 'conflict', message });

const STATUS_TEXT: Record<ComplaintStatus, string> = {
  received: '待派单',
  dispatched: '待签收',
  returned: '已退单待改派',
  accepted: '办理中',
  handled: '待答复',
  reply_pending: '答复待审核',
  replied: '已答复待回访',
  closed: '已办结',
  merged: '已合并',
};
const inState = (s: ComplaintStatus) => `当前状态为“${STATUS_TEXT[s]}”`;

/** Where a rework (重办) sends the lead: back to the lead unit, or to the coordinator for answered leads. */
export function reworkTarget(s: Pick<WorkflowSnapshot, 'leadOrgUnitId'>): ComplaintStatus {
  return s.leadOrgUnitId ? 'accepted' : 'received';
}

/**
 * May `action` be taken on a lead in this state, and which state follows (null: the status does
 * not change)? Refusals are in Chinese and say how to proceed.
 */
export function checkAction(action: ComplaintAction, s: WorkflowSnapshot): Check {
  const st = s.status;
  const terminal = st === 'closed' || st === 'merged';
  switch (action) {
    case 'triage':
      return ['received', 'returned', 'dispatched', 'accepted'].includes(st) ? ok() : state(`${inState(st)}，已不能修改分类和责任部门`);
    case 'dispatch':
      if (st === 'received' || st === 'returned') return ok('dispatched');
      return state(`${inState(st)}，只有待派单或已退单的线索可以派单`);
    case 'sign':
      return st === 'dispatched' ? ok('accepted') : state(`${inState(st)}，只有待签收的线索可以签收`);
    case 'return':
      if (st !== 'dispatched') return state(`${inState(st)}，只有待签收的线索可以退单`);
      if (s.finalAssignment) return conflictWith(`该线索已退单 ${RETURN_CAP} 次，统筹部门的本次派单为终审派单，不能再退单，请签收办理`);
      return ok('returned');
    case 'findings':
      return st === 'accepted' ? ok('handled') : state(`${inState(st)}，签收后才能登记核查结果`);
    case 'answer':
      if (st !== 'received') return state(`${inState(st)}，只有待派单的线索可以直接答复`);
      if (s.leadDepartment !== 'none') return conflictWith('该线索属于专项整治部门职责，应派单办理；只有不属于整治部门职责的线索可以直接答复');
      return ok('reply_pending');
    case 'reply':
      return st === 'handled' ? ok('reply_pending') : state(`${inState(st)}，登记核查结果后才能起草答复`);
    case 'approve-reply':
      return st === 'reply_pending' ? ok('replied') : state(`${inState(st)}，没有待审核的答复`);
    case 'reject-reply':
      return st === 'reply_pending' ? ok(s.leadOrgUnitId ? 'handled' : 'received') : state(`${inState(st)}，没有待审核的答复`);
    case 'follow-up':
      if (st !== 'replied') return state(`${inState(st)}，答复发布后才能回访`);
      if (s.followedUp) return conflictWith('本次答复已回访，如需重新办理请发起重办');
      return ok('replied');
    case 'rework':
      return st === 'replied' || st === 'closed' ? ok(reworkTarget(s)) : state(`${inState(st)}，只有已答复或已办结的线索可以重办`);
    case 'close':
      if (st !== 'replied') return state(`${inState(st)}，答复经审核发布并回访后才能办结`);
      if (!s.followedUp) return conflictWith('尚未回访，不能办结：请先回访投诉人并登记满意度');
      if (s.satisfaction === 'dissatisfied') return conflictWith('投诉人不满意，不能办结，请重办');
      if (s.satisfaction === 'unreachable' && !s.unreachableByDesign) {
        return conflictWith('投诉人留有联系方式，“无法联系”不能作为办结依据，请再次回访并登记满意度');
      }
      return ok('closed');
    case 'merge':
      return ['received', 'dispatched', 'returned', 'accepted', 'handled'].includes(st)
        ? ok('merged')
        : state(`${inState(st)}，已答复、已办结或已合并的线索不能再合并`);
    case 'extension-request':
      if (!['dispatched', 'returned', 'accepted', 'handled', 'reply_pending'].includes(st)) return state(`${inState(st)}，不能申请延期`);
      if (!s.dueAt) return state('该线索尚未派单，没有办理期限');
      if (s.now.getTime() >= s.dueAt.getTime()) return conflictWith('办理期限已过，延期须在期限届满前申请');
      if (s.hasPendingExtension) return conflictWith('已有待审批的延期申请');
      return ok();
    case 'extension-decision':
      return s.hasPendingExtension && !terminal ? ok() : state('没有待审批的延期申请');
    case 'supervise':
      return terminal ? state(`${inState(st)}，不能挂牌督办`) : ok();
    case 'recall':
      if (st !== 'closed') return state(`${inState(st)}，只有已办结的线索可以回访抽查`);
      if (s.recalled) return conflictWith('该线索已回访抽查过，每条线索只抽查一次');
      if (s.unreachableByDesign) return conflictWith('该线索为匿名或未留电话，无法回访抽查');
      if (s.confidential) return conflictWith('投诉人要求保密，只有主办单位或统筹部门可以联系投诉人，不列入回访抽查');
      return ok();
    case 'opinion':
      // 办理意见: the lead and co-units record progress and opinions while the lead is being handled.
      return ['dispatched', 'accepted', 'handled', 'reply_pending', 'replied'].includes(st) ? ok() : state(`${inState(st)}，不能再填写办理意见`);
    case 'reveal-contact':
    case 'attachments':
      return st === 'merged' && action === 'attachments' ? state(`${inState(st)}，请在主线索上传附件`) : ok();
  }
}

/**
 * Where a re-call leads. 'confirmed' and 'not_reached' leave the closed lead as it is; 'contradicted'
 * (the resident was not satisfied, not answered, or the problem persists) reopens it for rework —
 * the one path on which a re-call moves a lead, and it is the rework transition itself (closed →
 * accepted, or received for a lead answered by the coordinator), not a copy of it.
 */
export function recallTransition(result: RecallResult, s: WorkflowSnapshot): Check {
  const recall = checkAction('recall', s);
  if (!recall.ok) return recall;
  if (result !== 'contradicted') return ok(null);
  return checkAction('rework', s);
}

