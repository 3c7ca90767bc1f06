/**
 * Campaign vocabulary (SPEC §4, §5), shared by server and web: statuses and their transitions,
 * the condition kinds of the editable responsibility matrix, deadline kinds, and date shifting
 * for templates. Pure; no I/O.
 */
import type { DepartmentType } from './org.js';

export const CAMPAIGN_STATUSES = ['draft', 'active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { draft: '草稿', active: '实施中', closed: '已结束' };

/** draft → active → closed; a draft may also be withdrawn (closed). A closed campaign stays closed. */
const TRANSITIONS: Record<CampaignStatus, readonly CampaignStatus[]> = { draft: ['active', 'closed'], active: ['closed'], closed: [] };

export function canTransition(from: CampaignStatus, to: CampaignStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/**
 * The status a campaign is shown and reported with on `today` (a China date): an active campaign
 * whose end date has passed has ended, even before the daily job (campaigns.close-ended) records it.
 */
export function effectiveCampaignStatus(status: CampaignStatus, endsOn: string, today: string): CampaignStatus {
  return status === 'active' && endsOn < today ? 'closed' : status;
}

/** A campaign closed because its end date passed is re-opened when its dates are extended past today. */
export function reopensByExtension(from: CampaignStatus, to: CampaignStatus | undefined, endsOn: string, today: string): boolean {
  return from === 'closed' && to === 'active' && endsOn >= today;
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** `date` moved by `days` calendar days. */
export function shiftDays(date: string, days: number): string {
  if (days === 0) return date;
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const TASK_PROGRESS_STATUSES = ['pending', 'done'] as const;
export type TaskProgressStatus = (typeof TASK_PROGRESS_STATUSES)[number];
export const TASK_PROGRESS_LABELS: Record<TaskProgressStatus, string> = { pending: '未完成', done: '已完成' };

export const UNIT_ROLES = ['lead', 'member'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];
export const UNIT_ROLE_LABELS: Record<UnitRole, string> = { lead: '牵头单位', member: '成员单位' };

export const DEADLINE_KINDS = ['dragnet_inspection', 'self_inspection_filing', 'commitment_signing', 'practical_deed', 'summary_report', 'other'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  dragnet_inspection: '拉网式执法检查',
  self_inspection_filing: '自查自纠结果备案',
  commitment_signing: '签订承诺书',
  practical_deed: '为群众办实事',
  summary_report: '总结报告',
  other: '其他',
};

/** The condition a responsibility rule matches (SPEC §5, in the order the rules apply). */
export const RULE_CONDITION_KINDS = ['violence_or_threat', 'credit_request', 'owners_committee_wrongdoing', 'category', 'other'] as const;
export type RuleConditionKind = (typeof RULE_CONDITION_KINDS)[number];

export const RULE_CONDITION_LABELS: Record<RuleConditionKind, string> = {
  violence_or_threat: '暴力、威胁、恐吓、滋扰、欺诈、盗窃、损毁财物',
  credit_request: '投诉人要求列入黑名单或失信惩戒',
  owners_committee_wrongdoing: '业委会被指违法违规',
  category: '按整治重点类别',
  other: '不属六类整治重点的其他事项',
};

/** Sub-conditions each kind accepts (null = the kind as a whole). */
export const RULE_SUB_CONDITIONS = {
  category5: ['price_disclosure', 'other_disclosure'],
  other: ['service_quality', 'community_governance', 'third_party_threat', 'outside_campaign'],
} as const;
export type RuleSubCondition = (typeof RULE_SUB_CONDITIONS.category5)[number] | (typeof RULE_SUB_CONDITIONS.other)[number];

export const RULE_SUB_CONDITION_LABELS: Record<RuleSubCondition, string> = {
  price_disclosure: '未明码标价：收费项目、标准、停车及有偿服务价格',
  other_disclosure: '未公示其他信息：公共收益、投诉电话、电梯维保、合同等',
  service_quality: '服务质量、物业使用管理问题',
  community_governance: '业委会或社区治理问题',
  third_party_threat: '非物业企业一方的威胁',
  outside_campaign: '专项整治范围外（供水供电企业停供、租赁、邻里、开发商纠纷、表扬等）',
};

export type RuleLead = DepartmentType | 'none';

export interface ResponsibilityRuleData {
  conditionKind: RuleConditionKind;
  category: number | null;
  subCondition: RuleSubCondition | null;
  leadDepartmentType: RuleLead;
  coDepartmentTypes: DepartmentType[];
  description: string | null;
  enabled: boolean;
}

const rule = (
  conditionKind: RuleConditionKind,
  leadDepartmentType: RuleLead,
  description: string,
  category: number | null = null,
  subCondition: RuleSubCondition | null = null,
): ResponsibilityRuleData => ({ conditionKind, category, subCondition, leadDepartmentType, coDepartmentTypes: [], description, enabled: true });

/**
 * SPEC §5's default matrix (S3 §二's split of duties) as ordered rows; the first enabled match
 * decides. Campaigns start with a copy and may edit it.
 */
export const DEFAULT_RULE_ROWS: readonly ResponsibilityRuleData[] = Object.freeze([
  rule('violence_or_threat', 'police', '暴力、威胁、恐吓、滋扰他人正常生活、欺诈、盗窃、损毁业主财物：公安牵头，不论类别'),
  rule('credit_request', 'credit', '投诉人明确要求列入黑名单、失信惩戒或联合惩戒：经发（发改）牵头'),
  rule('owners_committee_wrongdoing', 'civil', '业委会被指串通、伪造表决、阻挠等违法违规：民政/城乡工作办牵头'),
  rule('category', 'housing', '第1类 断水断电等变相催费：房管牵头', 1),
  rule('category', 'housing', '第2类 擅自利用共用部位经营、未制止报告：房管牵头', 2),
  rule('category', 'housing', '第3类 泄露业主信息、非暴力打击报复：房管牵头', 3),
  rule('category', 'housing', '第4类 擅自撤离或拒不撤离交接：房管牵头', 4),
  rule('category', 'market', '第5类 未明码标价（收费项目、标准、停车及有偿服务价格）：市场监管牵头', 5, 'price_disclosure'),
  rule('category', 'housing', '第5类 未公示公共收益、投诉电话、电梯维保、合同等：房管牵头', 5, 'other_disclosure'),
  rule('category', 'market', '第6类 擅自提价、转供电加价等：市场监管牵头（同时断电等时房管协办）', 6),
  rule('other', 'housing', '其他：服务质量、物业使用管理问题：房管', null, 'service_quality'),
  rule('other', 'civil', '其他：业委会或社区治理问题：民政/城乡工作办', null, 'community_governance'),
  rule('other', 'police', '其他：非物业企业一方的威胁：公安', null, 'third_party_threat'),
  rule('other', 'none', '其他：专项整治范围外事项，答复或转办，不派专项整治部门', null, 'outside_campaign'),
]);

/** Field problems of one rule row (keys relative to the row). */
export function ruleProblems(r: Pick<ResponsibilityRuleData, 'conditionKind' | 'category' | 'subCondition' | 'leadDepartmentType' | 'coDepartmentTypes'>): Record<string, string> {
  const fields: Record<string, string> = {};
  if (r.conditionKind === 'category') {
    if (r.category === null || r.category < 1 || r.category > 20) fields.category = '按类别的规则须选择整治重点类别';
    if (r.subCondition !== null && !(r.category === 5 && (RULE_SUB_CONDITIONS.category5 as readonly string[]).includes(r.subCondition)))
      fields.subCondition = '只有第5类可细分为明码标价与其他公示信息';
  } else {
    if (r.category !== null) fields.category = '只有“按整治重点类别”的规则填写类别';
    if (r.conditionKind === 'other') {
      if (r.subCondition !== null && !(RULE_SUB_CONDITIONS.other as readonly string[]).includes(r.subCondition)) fields.subCondition = '未知的细分条件';
    } else if (r.subCondition !== null) fields.subCondition = '该条件没有细分';
  }
  if (r.leadDepartmentType === 'none' && !(r.conditionKind === 'other' && (r.subCondition === 'outside_campaign' || r.subCondition === null)))
    fields.leadDepartmentType = '只有专项整治范围外的事项可以不指定牵头部门';
  if ((r.coDepartmentTypes as string[]).includes(r.leadDepartmentType)) fields.coDepartmentTypes = '协办部门不能与牵头部门相同';
  else if (new Set(r.coDepartmentTypes).size !== r.coDepartmentTypes.length) fields.coDepartmentTypes = '协办部门重复';
  return fields;
}

/** Two rules with the same condition: the later one can never match. */
export function ruleConditionKey(r: Pick<ResponsibilityRuleData, 'conditionKind' | 'category' | 'subCondition'>): string {
  return `${r.conditionKind}|${r.category ?? ''}|${r.subCondition ?? ''}`;
}

/**
 * The same month and day `years` years later (templates re-used in another year).
 * 29 February becomes 28 February in a common year.
 */
export function shiftYears(date: string, years: number): string {
  if (years === 0) return date;
  const y = Number(date.slice(0, 4)) + years;
  let md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (md === '02-29' && !leap) md = '02-28';
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** The monthly report for `month` ('YYYY-MM') is due before this date (S3 §四(四): 每月1日前 → the 1st of the next month). */
export function monthlyReportDueDate(month: string, dueDay: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${String(nm).padStart(2, '0')}-${String(dueDay).padStart(2, '0')}`;
}
