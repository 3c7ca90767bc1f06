import { z } from 'zod';
import { DRAW_WEIGHTINGS } from '../../../core/inspections/draw.js';
import { FINDING_RESULTS, INSPECTION_MODES, PLAN_TYPES } from '../../../core/inspections/labels.js';
import { REPEAT_WINDOWS } from '../../../core/inspections/window.js';
import { DEPARTMENT_TYPES } from '../../../core/org.js';
import { pageQuery } from '../../http/pagination.js';

const isoDate = (label: string) => z.string({ message: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式的日期`);
const uuid = (label: string) => z.uuid(`${label}无效`);
const text = (max: number, label: string) => z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);

export const idParams = z.object({ id: z.uuid('无效的编号') });

export const inspectorsQuery = z.object({ region: z.string().max(40).optional() });
export const inspectorSchema = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  departmentType: z.string(),
  certificateNo: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  valid: z.boolean(),
});
export const certifyInput = z.object({
  userId: uuid('人员'),
  certificateNo: text(40, '执法证号'),
  validFrom: isoDate('发证日期'),
  validUntil: isoDate('有效期至'),
});
export const conflictInput = z.object({ userId: uuid('人员'), enterpriseId: uuid('企业'), reason: text(500, '回避事由') });

export const createPlanInput = z.object({
  campaignId: uuid('专项行动'),
  regionCode: text(40, '行政区划'),
  type: z.enum(PLAN_TYPES, { message: '检查类型无效' }),
  mode: z.enum(INSPECTION_MODES, { message: '检查方式无效' }),
  title: text(200, '计划名称'),
  startsOn: isoDate('开始日期'),
  endsOn: isoDate('结束日期'),
  departments: z.array(z.enum(DEPARTMENT_TYPES, { message: '参与部门无效' })).max(5).optional(),
  focusItemIds: z.array(uuid('检查事项')).max(20).optional(),
  targetProjectIds: z.array(uuid('检查对象')).max(2000).optional(),
  staffUserIds: z.array(uuid('检查人员')).max(50).optional(),
  repeatWindow: z.enum(REPEAT_WINDOWS, { message: '重复检查窗口无效' }).optional(),
});
export const listPlansQuery = pageQuery.extend({ region: z.string().max(40).optional(), campaignId: z.uuid('专项行动无效').optional(), mine: z.enum(['1', 'true']).optional() });

export const createDrawInput = z.object({
  campaignId: uuid('专项行动'),
  regionCode: text(40, '行政区划'),
  targetCount: z.number({ message: '请填写抽取对象数' }).int('抽取对象数应为整数').min(1, '至少抽取 1 个对象').max(500, '一次最多抽取 500 个对象'),
  inspectorsPerTarget: z.number({ message: '请填写每个对象的检查人员数' }).int('检查人员数应为整数').min(2, '每个检查对象至少 2 名检查人员').max(10, '每个检查对象最多 10 名检查人员'),
  seed: z.string().trim().min(1, '随机种子不能为空').max(128, '随机种子不超过 128 个字符').optional(),
  weighting: z.enum(DRAW_WEIGHTINGS, { message: '加权方式无效' }).optional(),
  planId: uuid('检查计划').optional(),
  departments: z.array(z.enum(DEPARTMENT_TYPES, { message: '参与部门无效' })).max(5).optional(),
  /** Minimum share of the candidates that must be drawn (0–1). */
  minCoverage: z.number().min(0, '最低覆盖率应在 0–1 之间').max(1, '最低覆盖率应在 0–1 之间').optional(),
});
export const listDrawsQuery = pageQuery.extend({ region: z.string().max(40).optional(), campaignId: z.uuid('专项行动无效').optional() });

export const findingInput = z.object({
  focusItemId: uuid('检查事项'),
  projectId: uuid('物业项目'),
  result: z.enum(FINDING_RESULTS, { message: '检查结果应为“符合”或“存在问题”' }),
  description: z.string().trim().max(2000, '问题描述不超过 2000 个字').optional(),
  photoIds: z.array(uuid('照片')).max(20, '每项最多 20 张照片').optional(),
  /** Rectification deadline of the ledger problem (default: 30 days from today). */
  deadline: isoDate('整改期限').optional(),
});
export const findingsInput = z.object({ findings: z.array(findingInput).min(1, '请至少填写一项检查结果').max(200) });

export const createInspectionInput = z.object({
  enterpriseId: uuid('物业服务企业'),
  projectIds: z.array(uuid('物业项目')).min(1, '请选择检查的项目').max(50),
  date: isoDate('检查日期'),
  mode: z.enum(INSPECTION_MODES, { message: '检查方式无效' }),
  peopleDispatched: z.number({ message: '请填写出动人次' }).int('出动人次应为整数').min(1, '出动人次至少为 1').max(1000, '出动人次不超过 1000'),
  inspectorIds: z.array(uuid('检查人员')).max(20).optional(),
  planId: uuid('检查计划').optional(),
  drawId: uuid('抽查批次').optional(),
  repeatReason: z.string().trim().max(500, '重复检查理由不超过 500 个字').optional(),
  departments: z.array(z.enum(DEPARTMENT_TYPES, { message: '参与部门无效' })).max(5).optional(),
  companyPresent: z.string().trim().max(500, '企业在场人员不超过 500 个字').optional(),
  /** Idempotency key of a phone draft: sending the same draft twice makes one record. */
  clientKey: z.string().trim().min(8, '草稿标识无效').max(80, '草稿标识无效').optional(),
  /** Findings recorded with the visit in one transaction (the phone view sends them together). */
  findings: z.array(findingInput).max(200).optional(),
});
export const listInspectionsQuery = pageQuery.extend({
  region: z.string().max(40).optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
  enterpriseId: z.uuid('企业无效').optional(),
  planId: z.uuid('计划无效').optional(),
  mine: z.enum(['1', 'true']).optional(),
});
export const coverageQuery = z.object({ region: z.string().max(40).optional() });
export const visitsQuery = z.object({ enterpriseId: z.uuid('企业无效'), date: isoDate('日期').optional() });
