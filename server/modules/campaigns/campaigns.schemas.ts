import { z } from 'zod';
import { CAMPAIGN_STATUSES, DEADLINE_KINDS, RULE_CONDITION_KINDS, RULE_SUB_CONDITIONS, TASK_PROGRESS_STATUSES, UNIT_ROLES } from '../../../core/campaigns.js';
import { DEPARTMENT_TYPES } from '../../../core/org.js';
import { isPhoneNumber } from '../../../core/validation.js';
import { pageQuery } from '../../http/pagination.js';
import { provisionSchema } from '../legal/legal.schemas.js';

/* Request schemas (zod → validation, types and OpenAPI) and the response allowlists. */

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const text = (max: number, message?: string) => z.string().trim().min(1, message ?? '不能为空').max(max, `不超过 ${max} 个字`);
const optionalText = (max: number) => z.string().trim().max(max, `不超过 ${max} 个字`).nullish();
const department = z.enum(DEPARTMENT_TYPES, { message: '未知的部门类型' });
const leadDepartment = z.enum([...DEPARTMENT_TYPES, 'none'], { message: '请选择牵头部门' });
const phone = z.string().trim().refine(isPhoneNumber, '电话号码格式不正确（手机 11 位，座机如 027-87654321）');
const uuid = (what: string) => z.uuid(`无效的${what}`);

export const campaignFields = {
  title: text(120, '请填写方案名称'),
  documentNumber: optionalText(60),
  issuingUnit: text(120, '请填写印发单位'),
  issuedOn: isoDate.nullish(),
  startsOn: isoDate,
  endsOn: isoDate,
  objective: optionalText(4000),
  monthlyReportDueDay: z.number().int('须为整数').min(1, '报送日须在 1–28 日之间').max(28, '报送日须在 1–28 日之间').nullish(),
  monthlyReportRule: optionalText(1000),
  dragnetDeadline: isoDate.nullish(),
  dragnetDescription: optionalText(500),
};

export const createCampaignInput = z.object({
  regionCode: z.string().min(1, '请选择适用区划'),
  parentCampaignId: uuid('上级方案').nullish(),
  ...campaignFields,
  /** Start with SPEC §5's default responsibility matrix (default true). */
  withDefaultRules: z.boolean().default(true),
});
export type CreateCampaignInput = z.infer<typeof createCampaignInput>;

export const updateCampaignInput = z
  .object({ ...campaignFields, status: z.enum(CAMPAIGN_STATUSES, { message: '未知的状态' }), parentCampaignId: uuid('上级方案').nullable() })
  .partial();
export type UpdateCampaignInput = z.infer<typeof updateCampaignInput>;

export const fromTemplateInput = z.object({
  templateId: z.string().min(1, '请选择模板'),
  regionCode: z.string().min(1, '请选择适用区划'),
  year: z.number().int('年份须为整数').min(2000, '年份须在 2000–2100 之间').max(2100, '年份须在 2000–2100 之间').optional(),
  /** Start on this date instead: every date of the template moves by the same number of days (overrides year). */
  startsOn: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  parentCampaignId: uuid('上级方案').nullish(),
  status: z.enum(['draft', 'active'], { message: '新建方案的状态只能是草稿或实施中' }).default('draft'),
});
export type FromTemplateInput = z.infer<typeof fromTemplateInput>;

export const listCampaignsQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  /** Campaigns created in this region's subtree. */
  region: z.string().optional(),
  /** Campaigns applying to this region: created at it or at one of its ancestors. */
  appliesTo: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ListCampaignsQuery = z.infer<typeof listCampaignsQuery>;

export const phaseInput = z.object({
  seq: z.number().int().min(1, '序号从 1 开始').max(50).optional(),
  name: text(40, '请填写阶段名称'),
  startsOn: isoDate.nullish(),
  endsOn: isoDate,
  description: optionalText(1000),
});
export const phasePatch = phaseInput.partial();

export const taskInput = z.object({
  seq: z.number().int().min(1, '序号从 1 开始').max(100).optional(),
  title: text(60, '请填写任务名称'),
  description: optionalText(4000),
  dueOn: isoDate.nullish(),
  responsibleDepartmentType: department.nullish(),
  responsibleOrgUnitId: uuid('单位').nullish(),
  responsibleNote: optionalText(200),
  targetCount: z.number().int('须为整数').min(1, '目标数量至少为 1').max(100000).nullish(),
});
export const taskPatch = taskInput.partial().extend({ phaseId: uuid('阶段').optional() });

const coDepartments = z.array(department).max(5).default([]);

export const focusItemInput = z.object({
  seq: z.number().int('须为整数').min(1, '整治重点编号为 1–20').max(20, '整治重点编号为 1–20'),
  title: text(60, '请填写整治重点名称'),
  description: text(2000, '请填写整治重点内容'),
  checklistText: optionalText(2000),
  legalProvisionIds: z.array(z.number().int().positive()).max(50).default([]),
  leadDepartmentType: leadDepartment,
  coDepartmentTypes: coDepartments,
});
export const focusItemPatch = focusItemInput.partial();

export const ruleInput = z.object({
  conditionKind: z.enum(RULE_CONDITION_KINDS, { message: '未知的条件' }),
  category: z.number().int().min(1).max(20).nullish(),
  subCondition: z.enum([...RULE_SUB_CONDITIONS.category5, ...RULE_SUB_CONDITIONS.other], { message: '未知的细分条件' }).nullish(),
  leadDepartmentType: leadDepartment,
  coDepartmentTypes: coDepartments,
  description: optionalText(200),
  enabled: z.boolean().default(true),
});
export const rulesInput = z.object({ rules: z.array(ruleInput).max(60, '规则不超过 60 条') });

export const unitInput = z.object({
  orgUnitId: uuid('单位').nullish(),
  departmentType: department.nullish(),
  unitName: optionalText(80),
  role: z.enum(UNIT_ROLES, { message: '请选择牵头或成员单位' }).default('member'),
  duties: optionalText(1000),
  responsibleLeader: optionalText(30),
  contactName: optionalText(30),
  contactPhone: phone.nullish(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
});
export const unitPatch = unitInput.partial();

export const deadlineInput = z.object({
  kind: z.enum(DEADLINE_KINDS, { message: '未知的期限类型' }),
  dueOn: isoDate,
  description: text(500, '请填写说明'),
});
export const deadlinePatch = deadlineInput.partial();

export const progressInput = z.object({
  status: z.enum(TASK_PROGRESS_STATUSES, { message: '状态只能是未完成或已完成' }),
  doneOn: isoDate.nullish(),
  quantity: z.number().int('须为整数').min(0, '数量不能为负数').max(1000000).nullish(),
  note: optionalText(1000),
});
export type ProgressInput = z.infer<typeof progressInput>;

// ── Responses ────────────────────────────────────────────────────────────────────────────────

export const campaignSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  documentNumber: z.string().nullable(),
  issuingUnit: z.string(),
  issuedOn: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.string(),
  templateId: z.string().nullable(),
  regionId: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: z.string(),
  parentCampaignId: z.string().nullable(),
  /** Where the campaign sits relative to the caller: own region, an ancestor, or inside the subtree. */
  relation: z.enum(['own', 'ancestor', 'subtree']),
  canManage: z.boolean(),
});

const taskSchema = z.object({
  id: z.string(),
  phaseId: z.string(),
  seq: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** dueOn, or the phase's end when the task has none. */
  effectiveDueOn: z.string(),
  responsibleDepartmentType: z.string().nullable(),
  responsibleOrgUnitId: z.string().nullable(),
  responsibleOrgUnitName: z.string().nullable(),
  responsibleNote: z.string().nullable(),
  targetCount: z.number().nullable(),
});

const phaseSchema = z.object({
  id: z.string(),
  seq: z.number(),
  name: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string(),
  description: z.string().nullable(),
  tasks: z.array(taskSchema),
});

const focusItemSchema = z.object({
  id: z.string(),
  seq: z.number(),
  title: z.string(),
  description: z.string(),
  checklistText: z.string().nullable(),
  legalProvisionIds: z.array(z.number()),
  legalBasis: z.array(provisionSchema),
  leadDepartmentType: z.string(),
  coDepartmentTypes: z.array(z.string()),
});

const ruleSchema = z.object({
  id: z.string(),
  priority: z.number(),
  conditionKind: z.string(),
  category: z.number().nullable(),
  subCondition: z.string().nullable(),
  leadDepartmentType: z.string(),
  coDepartmentTypes: z.array(z.string()),
  description: z.string().nullable(),
  enabled: z.boolean(),
});

const unitSchema = z.object({
  id: z.string(),
  orgUnitId: z.string().nullable(),
  orgUnitRegionCode: z.string().nullable(),
  departmentType: z.string().nullable(),
  unitName: z.string(),
  role: z.string(),
  duties: z.string().nullable(),
  responsibleLeader: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  sortOrder: z.number(),
});

const deadlineSchema = z.object({ id: z.string(), kind: z.string(), dueOn: z.string(), description: z.string() });

/** The children as their create and update routes answer them: the stored row, without what the detail view derives. */
export const phaseRowSchema = phaseSchema.omit({ tasks: true });
export const taskRowSchema = taskSchema.omit({ effectiveDueOn: true, responsibleOrgUnitName: true });
export const focusItemRowSchema = focusItemSchema.omit({ legalBasis: true });
export const ruleRowSchema = ruleSchema;
export const unitRowSchema = unitSchema.omit({ orgUnitRegionCode: true });
export const deadlineRowSchema = deadlineSchema;

export const campaignDetailSchema = campaignSummarySchema.extend({
  objective: z.string().nullable(),
  monthlyReportDueDay: z.number().nullable(),
  monthlyReportRule: z.string().nullable(),
  monthlyReport: z.object({ dueDay: z.number().nullable(), rule: z.string().nullable() }),
  dragnetDeadline: z.string().nullable(),
  dragnetDescription: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  parent: z.object({ id: z.string(), title: z.string(), regionName: z.string() }).nullable(),
  children: z.array(z.object({ id: z.string(), title: z.string(), regionCode: z.string(), regionName: z.string(), status: z.string() })),
  phases: z.array(phaseSchema),
  focusItems: z.array(focusItemSchema),
  responsibilityRules: z.array(ruleSchema),
  units: z.array(unitSchema),
  deadlines: z.array(deadlineSchema),
});

export const progressSummarySchema = z.object({
  campaignId: z.string(),
  today: z.string(),
  regions: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), done: z.number(), total: z.number(), percent: z.number() })),
  tasks: z.array(
    z.object({
      taskId: z.string(),
      phaseName: z.string(),
      title: z.string(),
      dueOn: z.string(),
      targetCount: z.number().nullable(),
      done: z.number(),
      total: z.number(),
      cells: z.array(
        z.object({
          regionCode: z.string(),
          status: z.string(),
          doneOn: z.string().nullable(),
          quantity: z.number().nullable(),
          note: z.string().nullable(),
          overdue: z.boolean(),
          updatedAt: z.date().nullable(),
        }),
      ),
    }),
  ),
});

export const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  level: z.string(),
  year: z.number(),
  parentTemplateId: z.string().nullable(),
  title: z.string(),
  issuingUnit: z.string(),
  issuedOn: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  phases: z.array(z.object({ name: z.string(), startsOn: z.string().nullable(), endsOn: z.string(), taskCount: z.number() })),
  focusItemCount: z.number(),
  departments: z.array(z.object({ departmentType: z.string(), unitName: z.string(), role: z.string() })),
});
