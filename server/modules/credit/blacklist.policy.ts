/*
 * Blacklist entries (黑名单) and the listed company's requests on them: 异议 (objection: the listing
 * is wrong — upheld annuls the entry) and 信用修复申请 (repair application — granted through the
 * repair of the entry, or refused). Pure rules: the same function lists an entry's
 * `allowedActions` for the web and decides whether the service accepts the action, so a button
 * is shown exactly when the server would accept it. Jurisdiction is checked before (404).
 */

export const BLACKLIST_APPLICATION_KINDS = ['objection', 'repair'] as const;
export type BlacklistApplicationKind = (typeof BLACKLIST_APPLICATION_KINDS)[number];

/** objection: pending → upheld | rejected; repair: pending → granted | refused. */
export const BLACKLIST_APPLICATION_STATES = ['pending', 'upheld', 'rejected', 'granted', 'refused'] as const;
export type BlacklistApplicationState = (typeof BLACKLIST_APPLICATION_STATES)[number];

/** scheduled (starts later) · active · expired (past its end date) · repaired (信用修复) · annulled (异议成立). */
export const BLACKLIST_STATES = ['scheduled', 'active', 'expired', 'repaired', 'annulled'] as const;
export type BlacklistState = (typeof BLACKLIST_STATES)[number];

export const BLACKLIST_ACTIONS = ['objection', 'objection_decision', 'repair_application', 'repair', 'repair_refusal', 'attach'] as const;
export type BlacklistAction = (typeof BLACKLIST_ACTIONS)[number];

export interface BlacklistFacts {
  listedFrom: string;
  listedUntil: string | null;
  repairedAt: Date | null;
  annulledAt: Date | null;
}

export function blacklistState(e: BlacklistFacts, today: string): BlacklistState {
  if (e.annulledAt) return 'annulled';
  if (e.repairedAt) return 'repaired';
  if (e.listedFrom > today) return 'scheduled';
  if (e.listedUntil !== null && e.listedUntil < today) return 'expired';
  return 'active';
}

/** Who acts: the listed company's own user (scope already checked), or staff with credit:manage. */
export interface BlacklistActor {
  company: boolean;
  manage: boolean;
}

export type BlacklistCheck = { ok: true } | { ok: false; status: 403 | 409; message: string };

const COMPANY_ACTIONS: ReadonlySet<BlacklistAction> = new Set(['objection', 'repair_application', 'attach']);

const ended = (state: BlacklistState): string | null =>
  state === 'annulled' ? '该黑名单记录已因异议成立撤销' : state === 'repaired' ? '该黑名单记录已完成信用修复' : null;

const pendingMessage = (pending: BlacklistApplicationKind) =>
  pending === 'objection' ? '该黑名单记录已有待处理的异议，请等待处理结果' : '该黑名单记录已有待处理的信用修复申请，请等待处理结果';

export function checkBlacklistAction(
  state: BlacklistState,
  pending: BlacklistApplicationKind | null,
  who: BlacklistActor,
  action: BlacklistAction,
): BlacklistCheck {
  const refuse = (message: string): BlacklistCheck => ({ ok: false, status: 409, message });
  if (COMPANY_ACTIONS.has(action)) {
    if (!who.company) return { ok: false, status: 403, message: '黑名单异议和信用修复申请由被列入企业的用户提出' };
  } else if (!who.manage) {
    return { ok: false, status: 403, message: '没有处理黑名单的权限（须信用管理权限）' };
  }
  const end = ended(state);
  switch (action) {
    case 'attach':
      return end ? refuse(`${end}，不能再上传材料`) : { ok: true };
    case 'objection':
      if (end) return refuse(`${end}，不能再提出异议`);
      return pending ? refuse(pendingMessage(pending)) : { ok: true };
    case 'repair_application':
      if (end) return refuse(`${end}，无需申请信用修复`);
      if (state === 'expired') return refuse('该黑名单记录已到期，无需申请信用修复');
      return pending ? refuse(pendingMessage(pending)) : { ok: true };
    case 'objection_decision':
      return pending === 'objection' ? { ok: true } : refuse('该黑名单记录没有待处理的异议');
    case 'repair_refusal':
      return pending === 'repair' ? { ok: true } : refuse('该黑名单记录没有待处理的信用修复申请');
    case 'repair':
      if (end) return refuse(state === 'annulled' ? '该黑名单记录已因异议成立撤销，无需信用修复' : end);
      return pending === 'objection' ? refuse('该黑名单记录有待处理的异议，请先处理异议') : { ok: true };
  }
}

/** The actions `who` may take on the entry now (attach is implied by objection / repair_application). */
export function allowedBlacklistActions(state: BlacklistState, pending: BlacklistApplicationKind | null, who: BlacklistActor): BlacklistAction[] {
  return BLACKLIST_ACTIONS.filter((a) => a !== 'attach' && checkBlacklistAction(state, pending, who, a).ok);
}
