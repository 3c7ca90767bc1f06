import type { MessageKindDef } from '../messages/publish.js';

export const NOTICE_MESSAGE_KINDS: Record<string, MessageKindDef> = {
  'notice.served': {
    label: '执法文书送达',
    title: '收到{title}：{documentNumber}',
    body: '主管部门向贵公司送达《{title}》（{documentNumber}），请登录平台查看并签收。',
    sms: '【物业整治平台】贵公司收到{title}（{documentNumber}），请登录平台签收。',
  },
};
