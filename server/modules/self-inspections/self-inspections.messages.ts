import type { MessageKindDef } from '../messages/publish.js';

export const SELF_INSPECTION_MESSAGE_KINDS: Record<string, MessageKindDef> = {
  'self_inspection.due': {
    label: '自查表待报送',
    title: '自查表报送截止：{dueOn}',
    body: '“{campaign}”要求于 {dueOn} 前报送项目“{project}”的专项整治自查表（附件1），请尽快填报、确认并备案。',
    sms: '【物业整治平台】项目{project}的自查表须于{dueOn}前报送备案。',
  },
  'self_inspection.overdue': {
    label: '自查表逾期未报',
    title: '自查表已逾期：{project}',
    body: '项目“{project}”的专项整治自查表已超过 {dueOn} 的报送期限，请立即报送。',
    sms: '【物业整治平台】项目{project}的自查表已逾期未报，请立即报送。',
  },
  'self_inspection.filed': {
    label: '自查表待审核',
    title: '自查表待审核：{project}',
    body: '{enterprise} 已报送项目“{project}”的专项整治自查表（第 {version} 次报送），请审核。',
  },
  'self_inspection.returned': {
    label: '自查表被退回',
    title: '自查表被退回：{project}',
    body: '项目“{project}”的自查表被退回，理由：{reason}。请修改后重新确认并报送。',
    sms: '【物业整治平台】项目{project}的自查表被退回，请登录平台查看理由并修改。',
  },
  'self_inspection.accepted': {
    label: '自查表已通过',
    title: '自查表已通过：{project}',
    body: '项目“{project}”的自查表已审核通过，申报的 {problems} 个问题已列入整改台账，请按期整改。',
  },
};
