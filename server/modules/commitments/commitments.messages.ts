import type { MessageKindDef } from '../messages/publish.js';

export const COMMITMENT_MESSAGE_KINDS: Record<string, MessageKindDef> = {
  'commitment.to_sign': {
    label: '承诺书待签署',
    title: '请签署承诺书：{project}',
    body: '主管部门已就“{campaign}”向贵公司服务的物业项目“{project}”下发《合法经营、规范收费承诺书》，请登录平台阅读并签署。',
    sms: '【物业整治平台】项目{project}的承诺书待签署，请登录平台签署。',
  },
};
