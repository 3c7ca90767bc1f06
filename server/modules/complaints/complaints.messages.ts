import type { MessageKindDef } from '../messages/publish.js';

/**
 * The lead workflow's message kinds (issue 17). Variables never hold the complainant's name,
 * phone or words: the lead's tracking code, category and deadlines only.
 */
export const complaintMessageKinds: Record<string, MessageKindDef> = {
  'lead.dispatched': {
    label: '线索派单',
    title: '新派线索 {trackingCode}',
    body: '线索 {trackingCode}（{category}）已派至本单位主办，请于 {signDue} 前签收。',
    sms: '【{platform}】有新线索 {trackingCode} 派至本单位主办，请登录平台签收。',
    liaisonSms: 'urgent',
  },
  'lead.co_assigned': {
    label: '线索协办',
    title: '协办线索 {trackingCode}',
    body: '线索 {trackingCode}（{category}）请本单位协办，请在线索详情中提出办理意见。',
    sms: '【{platform}】线索 {trackingCode} 请本单位协办，请登录平台查看。',
  },
  'lead.returned': {
    label: '线索退单',
    title: '线索 {trackingCode} 被退回',
    body: '{unit} 退回了线索 {trackingCode}，请重新派单。',
  },
  'lead.deadline_approaching': {
    label: '线索临期',
    title: '线索 {trackingCode} 即将到期',
    body: '线索 {trackingCode} 的{deadlineKind} {dueAt} 将至，请抓紧办理。',
    sms: '【{platform}】线索 {trackingCode} {deadlineKind}将至，请及时办理。',
  },
  'lead.overdue': {
    label: '线索超期',
    title: '线索 {trackingCode} 已超期',
    body: '线索 {trackingCode} 的{deadlineKind} {dueAt} 已过，已逐级提醒。',
    sms: '【{platform}】线索 {trackingCode} 已超过{deadlineKind}，请立即办理。',
    defaults: { sms: true },
    liaisonSms: 'always',
  },
  'reply.awaiting_approval': {
    label: '答复待审核',
    title: '答复待审核：{trackingCode}',
    body: '线索 {trackingCode} 的答复已起草，等待您审核发布。',
    sms: '【{platform}】线索 {trackingCode} 的答复待您审核。',
  },
  'reply.sent_back': {
    label: '答复被退回',
    title: '答复被退回：{trackingCode}',
    body: '您起草的线索 {trackingCode} 答复被退回修改：{reason}',
  },
  'lead.rework': {
    label: '线索重办',
    title: '线索 {trackingCode} 重办',
    body: '线索 {trackingCode} 需重新办理（第 {round} 次重办），新的答复期限 {dueAt}。',
    sms: '【{platform}】线索 {trackingCode} 需重新办理，请登录平台查看。',
  },
  'lead.supervised': {
    label: '挂牌督办',
    title: '线索 {trackingCode} 挂牌督办',
    body: '线索 {trackingCode} 已被挂牌督办，督办期限 {deadline}。',
    sms: '【{platform}】线索 {trackingCode} 已被挂牌督办，期限 {deadline}。',
    defaults: { sms: true },
  },
  'lead.digest': {
    label: '每日待办提醒',
    title: '今日待办：{dueToday} 件今日到期，{overdue} 件已超期',
    body: '早上好。您所在单位有 {dueToday} 条线索今日到期、{overdue} 条已超期，请在线索收件箱中处理。',
  },
};

/**
 * What a resident who left a phone (and consented) receives by SMS. Never the complaint's text,
 * the company's name or the resident's name: the code, the platform's name and the portal link.
 */
export const residentMessageKinds: Record<string, MessageKindDef> = {
  'complaint.received': {
    label: '受理回执（群众）',
    title: '已受理 {trackingCode}',
    body: '您的投诉已受理，查询码 {trackingCode}。',
    sms: '【{platform}】您的投诉已受理，查询码{trackingCode}，查进度：{portal}',
  },
  'complaint.reply_published': {
    label: '答复发布（群众）',
    title: '{trackingCode} 已答复',
    body: '您的投诉 {trackingCode} 已答复。',
    sms: '【{platform}】您的投诉{trackingCode}已答复，请查看并评价：{portal}',
  },
  'complaint.rework_started': {
    label: '重新办理（群众）',
    title: '{trackingCode} 重新办理',
    body: '您的投诉 {trackingCode} 已安排重新办理。',
    sms: '【{platform}】您的投诉{trackingCode}已安排重新办理，进度：{portal}',
  },
};
