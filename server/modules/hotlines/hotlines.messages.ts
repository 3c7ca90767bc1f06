import type { MessageKindDef } from '../messages/publish.js';

export const HOTLINE_MESSAGE_KINDS: Record<string, MessageKindDef> = {
  'hotline.check_failed': {
    label: '热线抽查未通过',
    title: '投诉举报电话抽查未通过：{unit}',
    body: '抽查拨打 {number}，结果：{result}。已列入问题台账，请按期整改并保持电话畅通。',
    sms: '【物业整治平台】{unit}投诉电话抽查未通过（{result}），已列入问题台账，请整改。',
  },
  'hotline.recheck_due': {
    label: '热线待复查',
    title: '热线复查到期：{unit}',
    body: '{unit} 的投诉举报电话抽查未通过，应于 {dueOn} 前复查，请安排拨打复查。',
  },
};
