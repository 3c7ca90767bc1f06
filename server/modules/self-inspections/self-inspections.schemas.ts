import { z } from 'zod';
import { SELF_INSPECTION_STATUSES } from '../../../core/obligations/index.js';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const itemInput = z.object({
  focusItemId: z.uuid('无效的整改重点编号'),
  /** null or "无" = nothing found. */
  problem: z.string().trim().max(2000, '问题描述不超过 2000 字').nullable(),
  responsiblePerson: z.string().trim().max(60, '责任人不超过 60 字').nullish(),
  contact: z.string().trim().max(60, '联系方式不超过 60 字').nullish(),
  deadline: isoDate.nullish(),
});
export type ItemInput = z.infer<typeof itemInput>;

export const saveInput = z.object({
  campaignId: z.uuid('请选择专项行动'),
  projectId: z.uuid('请选择物业项目'),
  /** 填报日期; default today. */
  reportDate: isoDate.optional(),
  items: z.array(itemInput).min(1, '请逐项填写整改重点').max(50),
});
export type SaveInput = z.infer<typeof saveInput>;

export const returnInput = z.object({ reason: z.string().trim().min(2, '请填写退回理由').max(1000, '退回理由不超过 1000 字') });
export const flagConfirmInput = z.object({ note: z.string().trim().max(1000).optional() });
export const idParams = z.object({ id: z.uuid('无效的编号') });
export const flagParams = z.object({ id: z.uuid('无效的编号'), focusItemId: z.uuid('无效的整改重点编号') });

export const listQuery = z.object({
  campaignId: z.uuid().optional(),
  region: z.string().trim().max(32).optional(),
  status: z.enum(SELF_INSPECTION_STATUSES).optional(),
  projectId: z.uuid().optional(),
  flagged: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;

export const completionQuery = z.object({ campaignId: z.uuid('请选择专项行动'), region: z.string().trim().max(32).optional() });
export const exportQuery = completionQuery;
export const importQuery = z.object({ campaignId: z.uuid('请选择专项行动'), projectId: z.uuid('请选择物业项目') });

const source = z.object({ type: z.enum(['complaint', 'problem']), id: z.string(), label: z.string(), date: z.string() });
export const flagSchema = z.object({
  focusItemId: z.string(),
  seq: z.number(),
  reason: z.string(),
  sources: z.array(source),
  confirmed: z.boolean(),
});
export type Flag = z.infer<typeof flagSchema>;

export const summarySchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(SELF_INSPECTION_STATUSES),
  statusLabel: z.string(),
  reportDate: z.string(),
  version: z.number(),
  filedAt: z.date().nullable(),
  updatedAt: z.date(),
});

export const itemSchema = z.object({
  focusItemId: z.string(),
  seq: z.number(),
  title: z.string(),
  text: z.string(),
  problem: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  contact: z.string().nullable(),
  deadline: z.string().nullable(),
  problemId: z.string().nullable(),
});

export const detailSchema = summarySchema.extend({
  campaignTitle: z.string(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.date().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.date().nullable(),
  returnReason: z.string().nullable(),
  items: z.array(itemSchema),
  flags: z.array(flagSchema),
  versions: z.array(
    z.object({
      version: z.number(),
      reportDate: z.string(),
      confirmedByName: z.string(),
      filedAt: z.date(),
      outcome: z.string().nullable(),
      returnReason: z.string().nullable(),
      decidedByName: z.string().nullable(),
      decidedAt: z.date().nullable(),
    }),
  ),
  allowedActions: z.array(z.string()),
});
export type Detail = z.infer<typeof detailSchema>;

export const completionSchema = z.object({
  expected: z.number(),
  filed: z.number(),
  accepted: z.number(),
  returned: z.number(),
  /** Projects in scope whose form is not (or no longer) filed: none yet, draft, confirmed, returned. */
  notFiled: z.array(z.object({ projectId: z.string(), projectName: z.string(), enterpriseName: z.string().nullable(), regionName: z.string(), status: z.string().nullable() })),
  dueOn: z.string().nullable(),
  dueSoon: z.boolean(),
  overdue: z.boolean(),
});
