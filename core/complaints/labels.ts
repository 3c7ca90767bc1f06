/** zh-CN labels for complaints: staff wording and the plain language of the public tracking page. */
import type { Channel, ComplaintAction, ComplaintStatus, Finding, Outcome, RecallResult, Satisfaction } from './state-machine.js';

export const STATUS_LABELS: Record<ComplaintStatus, string> = {
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

/** What the resident reads on the tracking page (no internal jargon). */
export const PUBLIC_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '已受理，正在分派',
  dispatched: '已转交主管部门',
  returned: '正在重新分派',
  accepted: '主管部门正在办理',
  handled: '已核查，正在准备答复',
  reply_pending: '答复正在审核',
  replied: '已答复，请您评价',
  closed: '已办结',
  merged: '已与同一问题的其他反映合并办理',
};

export const ACTION_LABELS: Record<string, string> = {
  create: '登记',
  triage: '确认/修正分类',
  dispatch: '派单',
  sign: '签收',
  return: '退单',
  findings: '登记核查结果',
  answer: '直接答复',
  reply: '起草答复',
  'approve-reply': '审核通过并发布答复',
  'reject-reply': '退回答复',
  'follow-up': '回访',
  rating: '群众评价',
  rework: '重办',
  close: '办结',
  merge: '合并',
  'merged-child': '合并重复线索',
  'extension-request': '申请延期',
  'extension-decision': '延期审批',
  supervise: '挂牌督办',
  escalate: '超期督办提醒',
  'deadline-recalculated': '期限重新计算',
  attachments: '上传附件',
  'reveal-contact': '查看联系方式',
  recall: '回访抽查',
  opinion: '办理意见',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: '网上投诉',
  phone: '来电',
  letter: '来信',
  visit: '来访',
  hotline_12345: '12345 热线',
  inspection: '检查发现',
  referral: '部门转办',
  open311: 'Open311 接口',
};

export const FINDING_LABELS: Record<Finding, string> = {
  substantiated: '属实',
  partly_substantiated: '部分属实',
  unsubstantiated: '不属实',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  resolved_on_site: '就地化解',
  rectification_ordered: '责令限期整改',
  penalty_case: '立案查处',
  referred: '移交其他部门',
  not_substantiated: '经查不属实',
};

export const RECALL_RESULT_LABELS: Record<RecallResult, string> = {
  confirmed: '与记录一致',
  not_reached: '未联系上',
  contradicted: '与记录不符',
};

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  unreachable: '无法联系',
};

/** Plain-language timeline lines for the tracking page; no names, units' staff or phones. */
export const PUBLIC_EVENT_TEXT: Partial<Record<ComplaintAction | 'create' | 'rating' | 'merged-child', string>> = {
  dispatch: '您反映的问题已转交主管部门办理',
  sign: '主管部门已接收，正在办理',
  return: '正在重新确定主管部门',
  findings: '主管部门已完成核查',
  'approve-reply': '答复已发布，请查看答复内容并评价',
  'follow-up': '已对您进行回访',
  rework: '问题将重新办理',
  close: '已办结',
  merge: '您反映的问题与其他群众反映的同一问题合并办理，办理结果将一并答复您',
  'extension-decision': '办理期限已依规延长',
  recall: '监督部门已对您进行回访抽查',
};

export function publicCreateText(channel: Channel): string {
  return channel === 'web' ? '您的投诉已提交并受理' : '您反映的问题已登记受理';
}
