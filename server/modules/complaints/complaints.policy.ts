import { COMPLAINT_ACTIONS, type ComplaintAction, type WorkflowSnapshot, checkAction } from '../../../core/complaints/state-machine.js';
import type { Permission } from '../../../core/roles.js';
import { type Actor, can, isEnterpriseUser } from '../../http/actor.js';
import { type AppError, conflict, forbidden, invalidState } from '../../http/errors.js';

/*
 * Who may take which action on a lead — the ONE place, used both by the action handlers
 * (assertAllowed) and by the detail's `allowedActions`, so the web never offers what the server
 * would refuse. Order of checks: permission (403) → workflow state (409) → role in the lead (403).
 * Jurisdiction (404) is applied before, when the lead is loaded (complaints.repository).
 */

export interface PolicyFacts extends WorkflowSnapshot {
  hasContact: boolean;
  /** Co-departments (协办单位) of the current dispatch. */
  coOrgUnitIds: string[];
  /** Who drafted the current reply: the approver must be someone else (four eyes). */
  replyDraftedBy: string | null;
}

type Rule = {
  /** Any one of these permissions. */
  any: Permission[];
  /** Extra actor condition (e.g. member of the lead unit); message when it fails. */
  who?: (actor: Actor, f: PolicyFacts) => string | null;
};

const inLeadUnit = (actor: Actor, f: PolicyFacts) => actor.orgUnitId !== null && actor.orgUnitId === f.leadOrgUnitId;
const inCoUnit = (actor: Actor, f: PolicyFacts) => actor.orgUnitId !== null && f.coOrgUnitIds.includes(actor.orgUnitId);
const leadUnitOnly = (actor: Actor, f: PolicyFacts) => (inLeadUnit(actor, f) ? null : '只有主办单位的人员可以执行此操作');

const RULES: Record<ComplaintAction, Rule> = {
  triage: { any: ['complaint:dispatch'] },
  dispatch: { any: ['complaint:dispatch'] },
  sign: { any: ['complaint:handle'], who: leadUnitOnly },
  return: { any: ['complaint:handle'], who: leadUnitOnly },
  findings: { any: ['complaint:handle'], who: leadUnitOnly },
  answer: { any: ['complaint:dispatch'] },
  reply: { any: ['complaint:handle'], who: leadUnitOnly },
  'approve-reply': {
    any: ['complaint:approve'],
    who: (a, f) => {
      if (f.leadOrgUnitId !== null && !inLeadUnit(a, f)) return '只有主办单位负责人可以审核答复';
      if (f.replyDraftedBy !== null && f.replyDraftedBy === a.userId) return '答复须由起草人以外的负责人审核，不能审核自己起草的答复';
      return null;
    },
  },
  'reject-reply': {
    any: ['complaint:approve'],
    who: (a, f) => (f.leadOrgUnitId === null || inLeadUnit(a, f) ? null : '只有主办单位负责人可以审核答复'),
  },
  'follow-up': {
    any: ['complaint:handle', 'complaint:dispatch'],
    who: (a, f) => (can(a, 'complaint:dispatch') || inLeadUnit(a, f) ? null : '只有主办单位或统筹部门可以回访'),
  },
  rework: { any: ['complaint:dispatch', 'complaint:supervise'] },
  close: {
    any: ['complaint:dispatch', 'complaint:handle'],
    who: (a, f) => (can(a, 'complaint:dispatch') || inLeadUnit(a, f) ? null : '只有主办单位或统筹部门可以办结'),
  },
  merge: { any: ['complaint:dispatch'] },
  'extension-request': { any: ['complaint:handle'], who: leadUnitOnly },
  'extension-decision': { any: ['complaint:dispatch', 'complaint:supervise'] },
  supervise: { any: ['complaint:supervise'] },
  'reveal-contact': {
    any: ['complaint:reveal_contact'],
    who: (a, f) =>
      !f.confidential || can(a, 'complaint:dispatch') || inLeadUnit(a, f) ? null : '投诉人要求保密，只有主办单位或统筹部门可以查看联系方式',
  },
  attachments: { any: ['complaint:handle', 'complaint:dispatch', 'complaint:create'] },
  /** 回访抽查: the supervisor calls the resident back themselves (SPEC §5). */
  recall: { any: ['complaint:supervise'] },
  /** 办理意见: co-units contribute their part (协办), the lead unit records progress. */
  opinion: {
    any: ['complaint:handle'],
    who: (a, f) => (inLeadUnit(a, f) || inCoUnit(a, f) ? null : '只有主办或协办单位可以填写办理意见'),
  },
};

/** Why `actor` may not take `action` now, or null when allowed. */
export function refusal(actor: Actor, action: ComplaintAction, f: PolicyFacts): AppError | null {
  if (isEnterpriseUser(actor)) return forbidden();
  const rule = RULES[action];
  if (!rule.any.some((p) => can(actor, p))) return forbidden();
  const check = checkAction(action, f);
  if (!check.ok) return check.code === 'conflict' ? conflict(check.message) : invalidState(check.message);
  const who = rule.who?.(actor, f);
  if (who) return forbidden(who);
  if (action === 'reveal-contact' && !f.hasContact) return conflict('该线索为匿名或未留联系方式，没有可查看的联系方式');
  return null;
}

export function assertAllowed(actor: Actor, action: ComplaintAction, f: PolicyFacts): void {
  const err = refusal(actor, action, f);
  if (err) throw err;
}

/** Exactly the actions the server would accept from this actor now (input permitting). */
export function allowedActions(actor: Actor, f: PolicyFacts): ComplaintAction[] {
  return COMPLAINT_ACTIONS.filter((a) => refusal(actor, a, f) === null);
}
