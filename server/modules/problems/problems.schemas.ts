import { z } from 'zod';
import { PROBLEM_SOURCES, PROBLEM_STATUSES, REVIEW_METHODS, REVIEW_RESULTS, STAFF_CREATABLE_SOURCES } from '../../../core/problems/labels.js';
import { PROBLEM_ACTIONS } from '../../../core/problems/state.js';
import { pageQuery } from '../../http/pagination.js';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const boolParam = z.enum(['true', 'false'], { message: '只能是 true 或 false' }).transform((v) => v === 'true');
const text = (max: number, label: string) =>
  z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过 ${max} 个字`)
    .nullish()
    .transform((v) => (v === '' ? null : (v ?? null)));
const fileIds = z.array(z.uuid('无效的文件编号')).max(20, '附件最多 20 个').default([]);

export const idParams = z.object({ id: z.uuid('无效的编号') });
export const fileParams = idParams.extend({ fileId: z.uuid('无效的文件编号') });

export const listProblemsQuery = pageQuery.extend({
  status: z.enum(PROBLEM_STATUSES, { message: '未知的状态' }).optional(),
  region: z.string().max(40).optional(),
  enterpriseId: z.uuid('无效的企业编号').optional(),
  projectId: z.uuid('无效的项目编号').optional(),
  source: z.enum(PROBLEM_SOURCES, { message: '未知的问题来源' }).optional(),
  category: z.coerce.number().int().min(0).max(6).optional(),
  overdue: boolParam.optional(),
  dueSoon: boolParam.optional(),
  supervised: boolParam.optional(),
  repeatOffence: boolParam.optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListProblemsQuery = z.infer<typeof listProblemsQuery>;

export const createProblemInput = z.object({
  source: z.enum(STAFF_CREATABLE_SOURCES, { message: '问题来源只能是执法检查、企业自查、热线抽查或督导检查（投诉问题由投诉办理生成）' }),
  sourceId: z.uuid('无效的来源编号').nullish(),
  /** Region code; defaults to the project's region, else the creator's own region. */
  regionCode: z.string().trim().max(40).nullish(),
  projectId: z.uuid('无效的项目编号').nullish(),
  enterpriseId: z.uuid('无效的企业编号').nullish(),
  category: z.number({ message: '请选择问题类别' }).int().min(0, '问题类别应为 0–6').max(6, '问题类别应为 0–6'),
  title: text(200, '问题标题'),
  description: text(4000, '问题描述'),
  measures: optionalText(4000, '整改措施'),
  responsibleOrgUnitId: z.uuid('无效的责任单位编号').nullish(),
  responsiblePerson: optionalText(100, '责任人'),
  deadline: isoDate,
});
export type CreateProblemInput = z.infer<typeof createProblemInput>;

export const submitInput = z.object({ text: text(4000, '整改情况说明'), fileIds });
export const reviewInput = z.object({
  method: z.enum(REVIEW_METHODS, { message: '复查方式只能是现场复查或资料复查' }),
  result: z.enum(REVIEW_RESULTS, { message: '复查结果只能是通过或不通过' }),
  note: optionalText(2000, '复查意见'),
  fileIds,
  /** Fail only: a new rectification deadline (else the current one stays). */
  deadline: isoDate.nullish(),
});
export const closeInput = z.object({ note: optionalText(2000, '销号说明') }).default({ note: null });
export const reworkInput = z.object({ reason: text(2000, '返工原因'), deadline: isoDate.nullish() });
export const startInput = z.object({ note: optionalText(2000, '说明') }).default({ note: null });
export const extensionRequestInput = z.object({
  days: z.number({ message: '请填写延期工作日数' }).int('延期天数须为整数').min(1, '延期至少 1 个工作日').max(60, '延期不超过 60 个工作日'),
  reason: text(2000, '延期理由'),
});
export const extensionDecisionInput = z.object({
  extensionId: z.uuid('无效的延期申请编号'),
  approve: z.boolean({ message: '请选择同意或不同意' }),
  note: optionalText(2000, '审批意见'),
});
export const superviseInput = z.object({ deadline: isoDate, note: optionalText(2000, '督办要求') });
export const objectionInput = z.object({ reason: text(2000, '异议理由'), fileIds });
export const objectionDecisionInput = z.object({
  objectionId: z.uuid('无效的异议编号'),
  uphold: z.boolean({ message: '请选择异议成立或不成立' }),
  note: optionalText(2000, '处理意见'),
});

const fileRef = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() });

export const problemSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  source: z.string(),
  sourceLabel: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  category: z.number(),
  title: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  deadline: z.string(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  /** Working days from today to the deadline (negative when overdue); null outside the known calendar. */
  workingDaysLeft: z.number().nullable(),
  reworkCount: z.number(),
  repeatOffence: z.boolean(),
  supervised: z.boolean(),
  supervisionDeadline: z.string().nullable(),
  openedOn: z.string(),
  closedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const problemDetailSchema = problemSummarySchema.extend({
  sourceId: z.string().nullable(),
  /** Hidden (null) from enterprise users. */
  complaintId: z.string().nullable(),
  description: z.string(),
  measures: z.string().nullable(),
  responsibleOrgUnitId: z.string().nullable(),
  responsibleOrgUnitName: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  supervisionNote: z.string().nullable(),
  allowedActions: z.array(z.enum(PROBLEM_ACTIONS)),
  repeat: z.object({
    repeatOffence: z.boolean(),
    repeatOfProblemId: z.string().nullable(),
    previous: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), status: z.string(), openedOn: z.string() })),
    suggestedNextStep: z.string().nullable(),
    suggestedNextStepLabel: z.string().nullable(),
  }),
  timeline: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      actionLabel: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      actorName: z.string(),
      byEnterprise: z.boolean(),
      note: z.string().nullable(),
      attachments: z.array(fileRef),
      at: z.date(),
    }),
  ),
  submissions: z.array(
    z.object({ id: z.string(), seq: z.number(), submittedByName: z.string(), byEnterprise: z.boolean(), text: z.string(), files: z.array(fileRef), submittedAt: z.date() }),
  ),
  reviews: z.array(
    z.object({
      id: z.string(),
      submissionId: z.string(),
      reviewerName: z.string(),
      method: z.string(),
      result: z.string(),
      note: z.string().nullable(),
      files: z.array(fileRef),
      reviewedAt: z.date(),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.string(),
      days: z.number(),
      reason: z.string(),
      previousDeadline: z.string(),
      requestedDeadline: z.string(),
      status: z.string(),
      requestedByName: z.string(),
      requestedAt: z.date(),
      decidedAt: z.date().nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
  objections: z.array(
    z.object({
      id: z.string(),
      reason: z.string(),
      status: z.string(),
      raisedByName: z.string(),
      raisedAt: z.date(),
      files: z.array(fileRef),
      decidedAt: z.date().nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
});
export type ProblemDetail = z.infer<typeof problemDetailSchema>;
