import { DEFAULT_RULE_ROWS } from '../../../../core/campaigns.js';
import type { CampaignTemplate } from './template.types.js';
import { EAST_LAKE_2021 } from './east-lake-2021.js';

/*
 * The Wuhan city plan S3 implements: 《武汉市物业管理领域侵害群众利益问题专项整治工作实施方案》,
 * issued by 市房管局、市发改委、市公安局、市民政局、市市场监管局 (S3's preamble and §四(一)).
 * Its text is not among the seeds, so this template records only what S3 says about it. Its
 * period is assumed to cover the district plan's (S3 was issued on 2021-09-03 "根据" it), and its
 * focus items are the six S3 lists — both marked as assumptions in the summary; edit after creation.
 */
export const WUHAN_2021: CampaignTemplate = {
  id: 'wuhan-2021',
  name: '武汉市实施方案（2021，据区级方案整理）',
  summary:
    '市级方案原文未收录：仅按东湖风景区方案的引述记录名称与五个印发部门；起止日期按区级方案推定（2021年9月至11月底），整治重点沿用区级方案所列六项，阶段与任务由使用者补充。',
  level: 'city',
  year: 2021,
  parentTemplateId: null,
  title: '武汉市物业管理领域侵害群众利益问题专项整治工作实施方案',
  documentNumber: null,
  issuingUnit: '市房管局、市发改委、市公安局、市民政局、市市场监管局',
  issuedOn: null,
  startsOn: '2021-09-01',
  endsOn: '2021-11-30',
  objective: null,
  monthlyReportDueDay: null,
  monthlyReportRule: null,
  dragnetDeadline: null,
  dragnetDescription: null,
  phases: [],
  focusItems: EAST_LAKE_2021.focusItems,
  rules: DEFAULT_RULE_ROWS,
  departments: [
    { departmentType: 'housing', unitName: '市房管局', role: 'lead', duties: null },
    { departmentType: 'credit', unitName: '市发改委', role: 'member', duties: null },
    { departmentType: 'police', unitName: '市公安局', role: 'member', duties: null },
    { departmentType: 'civil', unitName: '市民政局', role: 'member', duties: null },
    { departmentType: 'market', unitName: '市市场监管局', role: 'member', duties: null },
  ],
  deadlines: [],
};
