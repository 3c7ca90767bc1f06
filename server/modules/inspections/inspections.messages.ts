import type { MessageKindDef } from '../messages/publish.js';

/** Message kinds of the inspections module; the messages registry lists them. */
export const INSPECTION_MESSAGE_KINDS: Record<string, MessageKindDef> = {
  'inspection.assigned': {
    label: '检查任务',
    title: '您有新的检查任务：{title}',
    body: '您已被安排参加“{title}”，请在“我的检查”中查看检查对象和检查事项。',
    sms: '【物业专项整治】您有新的检查任务：{title}，请登录平台查看。',
  },
  'inspection.dragnet_due_soon': {
    label: '拉网排查即将到期',
    title: '拉网式排查即将到期：{campaign}',
    body: '“{campaign}”要求于 {deadline} 前完成辖区全部项目检查，{region}尚有 {remaining} 个项目未检查（已检查 {inspected}/{total}）。',
    sms: '【物业专项整治】{campaign}拉网排查将于{deadline}到期，{region}尚有{remaining}个项目未检查。',
  },
  'inspection.dragnet_overdue': {
    label: '拉网排查逾期',
    title: '拉网式排查已逾期：{campaign}',
    body: '“{campaign}”的拉网式排查已于 {deadline} 到期，{region}仍有 {remaining} 个项目未检查（已检查 {inspected}/{total}），请尽快安排。',
    sms: '【物业专项整治】{campaign}拉网排查已于{deadline}到期，{region}仍有{remaining}个项目未检查。',
  },
};
