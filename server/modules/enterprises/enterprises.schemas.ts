import { z } from 'zod';
import { ENTERPRISE_STATUSES } from '../../../core/registry.js';
import { isPhoneNumber } from '../../../core/validation.js';
import { pageQuery } from '../../http/pagination.js';

/** Optional text: trimmed; an empty string (a cleared form field) becomes null. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过 ${max} 个字`)
    .nullish()
    .transform((v) => (v === '' ? null : v));

const phone = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v === '' ? null : v))
  .refine((v) => v === null || v === undefined || isPhoneNumber(v), '电话号码格式不正确（手机 11 位，座机如 027-87654321）');

export const enterpriseInput = z.object({
  /** Validated by core/uscc.ts in the service, so the message can name the expected check character. */
  creditCode: z.string({ message: '请填写统一社会信用代码' }).max(40, '统一社会信用代码应为 18 位'),
  name: z.string({ message: '请填写企业名称' }).trim().min(2, '企业名称至少 2 个字').max(100, '企业名称不超过 100 个字'),
  regionCode: z.string({ message: '请选择注册地区划' }).trim().min(1, '请选择注册地区划'),
  legalRepresentative: optionalText(30, '法定代表人'),
  address: optionalText(200, '地址'),
  contactName: optionalText(30, '联系人'),
  contactPhone: phone,
  qualification: optionalText(60, '资质'),
  status: z.enum(ENTERPRISE_STATUSES, { message: '状态只能是正常经营、暂停经营或已注销' }).optional(),
  /** Accept a code failing only the check character (needs enterprise:confirm_checksum). */
  confirmChecksum: z.boolean().optional(),
});
export type EnterpriseInput = z.infer<typeof enterpriseInput>;

export const enterpriseUpdate = enterpriseInput.partial();
export type EnterpriseUpdate = z.infer<typeof enterpriseUpdate>;

export const enterpriseListQuery = pageQuery.extend({
  q: z.string().max(100).optional(),
  region: z.string().max(40).optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuery>;

export const enterpriseExportQuery = enterpriseListQuery.omit({ page: true, pageSize: true });

export const idParams = z.object({ id: z.uuid('无效的编号') });

export const enterpriseSchema = z.object({
  id: z.string(),
  creditCode: z.string(),
  /** Present when the code fails the GB 32100 check character and a person confirmed it. */
  checksumConfirmation: z.object({ by: z.string().nullable(), at: z.date() }).nullable(),
  name: z.string(),
  legalRepresentative: z.string().nullable(),
  regionId: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  qualification: z.string().nullable(),
  status: z.enum(ENTERPRISE_STATUSES),
  projectCount: z.number(),
  fullyDisclosedProjectCount: z.number(),
  practitionerCount: z.number(),
  /** Whether the caller may change the master record (registered in the caller's subtree). */
  editable: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type EnterpriseDto = z.infer<typeof enterpriseSchema>;
