import { z } from 'zod';
import { PRACTITIONER_ROLES } from '../../../core/registry.js';
import { isPhoneNumber } from '../../../core/validation.js';
import { pageQuery } from '../../http/pagination.js';
import { optionalText } from './enterprises.schemas.js';

const phone = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v === '' ? null : v))
  .refine((v) => v === null || v === undefined || isPhoneNumber(v), '电话号码格式不正确（手机 11 位，座机如 027-87654321）');

export const practitionerInput = z.object({
  enterpriseId: z.uuid('请选择所属企业'),
  name: z.string({ message: '请填写姓名' }).trim().min(2, '姓名至少 2 个字').max(30, '姓名不超过 30 个字'),
  role: z.enum(PRACTITIONER_ROLES, { message: '请选择岗位' }),
  certificateNo: optionalText(40, '证书编号'),
  phone,
  /** The project they work on (e.g. a 项目经理); must be a project of the same enterprise. */
  projectId: z.uuid('无效的项目编号').nullish(),
  active: z.boolean().optional(),
});
export type PractitionerInput = z.infer<typeof practitionerInput>;
export const practitionerUpdate = practitionerInput.omit({ enterpriseId: true }).partial();
export type PractitionerUpdate = z.infer<typeof practitionerUpdate>;

export const practitionerListQuery = pageQuery.extend({
  q: z.string().max(50).optional(),
  /** Region code or id: companies registered there or people working on a project there (subtree). */
  region: z.string().trim().max(40).optional(),
  enterpriseId: z.uuid('无效的企业编号').optional(),
  role: z.enum(PRACTITIONER_ROLES).optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type PractitionerListQuery = z.infer<typeof practitionerListQuery>;

export const practitionerSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  name: z.string(),
  role: z.enum(PRACTITIONER_ROLES),
  certificateNo: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PractitionerDto = z.infer<typeof practitionerSchema>;
