import type { MessageKindDef } from '../messages/publish.js';

/** Message kinds of the reports module (the messages module's registry lists them). */
export const REPORT_MESSAGE_KINDS: Record<string, MessageKindDef> = {
  'report.due_soon': {
    label: '月报即将到期',
    title: '{region}{month}月度工作汇总表将于{dueOn}前报送',
    body: '请核对{month}专项整治月度工作汇总表（附件2）各项数据，补充典型案例和经验做法，于{dueOn}前报送。',
    sms: '【专项整治】{region}{month}月报请于{dueOn}前报送。',
  },
  'report.overdue': {
    label: '月报逾期未报',
    title: '{region}{month}月度工作汇总表已逾期',
    body: '{month}专项整治月度工作汇总表应于{dueOn}前报送，目前尚未报送，请尽快报送。',
    sms: '【专项整治】{region}{month}月报已逾期，请尽快报送。',
  },
  'report.returned': {
    label: '月报被退回',
    title: '{region}{month}月度工作汇总表被退回',
    body: '上级退回了{month}月报，意见：{comment}。请修改后重新报送。',
  },
  'report.accepted': {
    label: '月报审核通过',
    title: '{region}{month}月度工作汇总表已审核通过',
    body: '{month}专项整治月度工作汇总表已审核通过，数据已冻结。',
  },
  'notification.issued': {
    label: '通报印发',
    title: '{title}',
    body: '{title}（{documentNumber}）已印发，请查阅并落实。',
  },
};
