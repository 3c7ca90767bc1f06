import type { MessageKindDef } from '../messages/publish.js';

/** The ledger's message kinds. What goes to a company never names the complainant (vars are the problem's code, title and deadline). */
export const problemMessageKinds: Record<string, MessageKindDef> = {
  'problem.assigned': {
    label: '整改通知',
    title: '整改问题 {code}',
    body: '贵单位项目有一项问题需整改：{title}。整改期限 {deadline}，请按期报送整改情况。',
    sms: '【{platform}】贵单位有整改问题{code}，期限{deadline}，请登录平台查看。',
    defaults: { sms: true },
  },
  'problem.deadline_approaching': {
    label: '整改临期',
    title: '整改问题 {code} 即将到期',
    body: '问题 {code} 的整改期限 {deadline} 将至，请按期报送整改情况。',
    sms: '【{platform}】整改问题{code}期限{deadline}将至，请按期报送。',
    defaults: { sms: true },
  },
  'problem.overdue': {
    label: '整改超期',
    title: '整改问题 {code} 已超期',
    body: '问题 {code} 的整改期限 {deadline} 已过，请立即报送整改情况。',
    sms: '【{platform}】整改问题{code}已超期，请立即报送。',
    defaults: { sms: true },
  },
  'problem.submitted': {
    label: '整改待复查',
    title: '整改已报送：{code}',
    body: '问题 {code} 的整改情况已报送，请复查（回头看）。',
  },
};
