import { z } from 'zod';
import { HOTLINE_RESULTS } from '../../../core/obligations/index.js';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const checkInput = z.object({
  orgUnitId: z.uuid('请选择被抽查单位'),
  dialledNumber: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{3,30}$/, '拨打号码应为 3–30 位数字（可含 - 和括号）'),
  result: z.enum(HOTLINE_RESULTS, { message: '请选择抽查结果' }),
  checkedAt: z.iso.datetime({ offset: true, message: '抽查时间格式应为 ISO 8601（如 2026-12-07T10:30:00+08:00）' }),
  note: z.string().trim().max(1000, '备注不超过 1000 字').optional(),
});
export type CheckInput = z.infer<typeof checkInput>;

export const hotlineInput = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{3,30}$/, '电话号码应为 3–30 位数字（可含 - 和括号）'),
  hours: z.string().trim().min(2, '请填写接听时间').max(100, '接听时间不超过 100 字'),
  responsibleUnit: z.string().trim().min(2).max(100).optional(),
  published: z.boolean().default(true),
});

export const periodQuery = z.object({
  region: z.string().trim().max(32).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const listChecksQuery = periodQuery.extend({
  orgUnitId: z.uuid().optional(),
  result: z.enum(HOTLINE_RESULTS).optional(),
  recheckDue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListChecksQuery = z.infer<typeof listChecksQuery>;
export const orgUnitParams = z.object({ orgUnitId: z.uuid('无效的单位编号') });

export const publicHotline = z.object({
  orgUnitId: z.string(),
  unitName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  type: z.string(),
  number: z.string(),
  hours: z.string(),
  responsibleUnit: z.string(),
  address: z.string().nullable(),
  /** The names the portal page used before the directory (same values). */
  name: z.string(),
  hotline: z.string(),
});
export const staffHotline = publicHotline.extend({
  published: z.boolean(),
  lastCheckedAt: z.date().nullable(),
  lastResult: z.string().nullable(),
});
export const checkRow = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  unitName: z.string(),
  regionName: z.string(),
  dialledNumber: z.string(),
  result: z.string(),
  resultLabel: z.string(),
  passed: z.boolean(),
  checkedAt: z.date(),
  checkedBy: z.string(),
  note: z.string().nullable(),
  problemId: z.string().nullable(),
  recheckDueOn: z.string().nullable(),
  rechecked: z.boolean(),
});
const unitCompliance = z.object({ orgUnitId: z.string(), unitName: z.string(), regionName: z.string(), checked: z.number(), passed: z.number(), rate: z.number().nullable() });
export const complianceSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  checked: z.number(),
  passed: z.number(),
  /** passed ÷ checked (0–1, four decimals); null when nothing was checked. */
  rate: z.number().nullable(),
  units: z.array(unitCompliance),
  neverChecked: z.array(unitCompliance),
});
