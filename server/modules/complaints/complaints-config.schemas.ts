import { z } from 'zod';
import { TIME_LIMIT_RANGES, type TimeLimitField } from '../../../core/complaints/time-limit-ranges.js';
import { DEPARTMENT_TYPES } from '../../../core/org.js';

/*
 * Schemas of the complaint configuration and measurement routes (complaints-config.routes.ts):
 * time limits per campaign and lead department, attachment download, triage accuracy.
 */

const limit = (f: TimeLimitField) => {
  const r = TIME_LIMIT_RANGES[f];
  const msg = `${r.label}应为 ${r.min}–${r.max} ${r.unit}的整数（留空则沿用默认值）`;
  return z.number({ message: msg }).int(msg).min(r.min, msg).max(r.max, msg).nullable().default(null);
};

export const TIME_LIMIT_DEPARTMENTS = ['*', ...DEPARTMENT_TYPES] as const;

export const timeLimitRowInput = z.object({
  leadDepartment: z.enum(TIME_LIMIT_DEPARTMENTS, { message: '牵头部门应为“全部部门”或一个整治部门类型' }),
  signDays: limit('signDays'),
  closeDays: limit('closeDays'),
  followUpDays: limit('followUpDays'),
  urgentSignHours: limit('urgentSignHours'),
  urgentActHours: limit('urgentActHours'),
});
export type TimeLimitRowInput = z.infer<typeof timeLimitRowInput>;

export const timeLimitsInput = z.object({
  limits: z.array(timeLimitRowInput).max(TIME_LIMIT_DEPARTMENTS.length, `最多 ${TIME_LIMIT_DEPARTMENTS.length} 行（全部部门及每个部门各一行）`),
});

export const campaignParams = z.object({ id: z.uuid('无效的专项行动编号') });

const limitsShape = {
  signDays: z.number(),
  closeDays: z.number(),
  followUpDays: z.number(),
  urgentSignHours: z.number(),
  urgentActHours: z.number(),
};
const nullableLimitsShape = {
  signDays: z.number().nullable(),
  closeDays: z.number().nullable(),
  followUpDays: z.number().nullable(),
  urgentSignHours: z.number().nullable(),
  urgentActHours: z.number().nullable(),
};

export const timeLimitsSchema = z.object({
  campaignId: z.string(),
  canManage: z.boolean(),
  /** True when the campaign has no rows of its own: every lead gets the defaults. */
  usesDefaults: z.boolean(),
  defaults: z.object(limitsShape),
  /** The stored rows ('*' first); null = inherited from the '*' row, else the default. */
  rows: z.array(z.object({ leadDepartment: z.string(), ...nullableLimitsShape })),
  /** What a lead of each department gets ('*' = a department without its own row). */
  effective: z.array(z.object({ leadDepartment: z.string(), ...limitsShape })),
});

export const fileParams = z.object({ id: z.uuid('无效的线索编号'), fileId: z.uuid('无效的文件编号') });

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
export const triageStatsQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Region id or code narrowing the statistics inside the caller's jurisdiction. */
    region: z.string().trim().max(40).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

const rate = z.number().nullable();
export const triageStatsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Confirmed leads in the period (see the service for the definition). */
  total: z.number(),
  /** Of those, how many a person changed (category, lead department, co-departments or urgency). */
  corrected: z.number(),
  categoryAgreement: rate,
  leadDepartmentAgreement: rate,
  coDepartmentsAgreement: rate,
  urgentAgreement: rate,
  /** Category proposed by triage × category after confirmation (diagonal included). */
  confusion: z.array(z.object({ proposed: z.number(), corrected: z.number(), count: z.number() })),
  /** Lead department proposed × confirmed (diagonal included). */
  leadDepartmentConfusion: z.array(z.object({ proposed: z.string(), corrected: z.string(), count: z.number() })),
});
