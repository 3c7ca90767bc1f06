import { z } from 'zod';
import { DISCLOSURE_ITEMS, DISCLOSURE_STATUSES } from '../../../core/registry.js';
import { pageQuery } from '../../http/pagination.js';

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过 ${max} 个字`)
    .nullish()
    .transform((v) => (v === '' ? null : v));

/** Mainland China bounding box: catches swapped or mistyped coordinates. */
export const LAT_RANGE = [3.8, 53.6] as const;
export const LNG_RANGE = [73.5, 135.1] as const;

const projectFields = {
  name: z.string({ message: '请填写项目名称' }).trim().min(2, '项目名称至少 2 个字').max(100, '项目名称不超过 100 个字'),
  address: z.string({ message: '请填写项目地址' }).trim().min(2, '请填写项目地址').max(200, '地址不超过 200 个字'),
  regionCode: z.string({ message: '请选择所属区划' }).trim().min(1, '请选择所属区划'),
  /** Managing enterprise; null = not professionally managed (无物业). */
  enterpriseId: z.uuid('无效的企业编号').nullish(),
  households: z.number({ message: '户数须为整数' }).int('户数须为整数').min(0, '户数不能为负数').max(100_000, '户数不超过 100000').nullish(),
  buildingArea: z.number({ message: '建筑面积须为数字' }).min(0, '建筑面积不能为负数').max(100_000_000, '建筑面积过大，请核对单位（平方米）').nullish(),
  lat: z.number({ message: '纬度须为数字' }).min(LAT_RANGE[0], '纬度应在 3.8–53.6 之间').max(LAT_RANGE[1], '纬度应在 3.8–53.6 之间').nullish(),
  lng: z.number({ message: '经度须为数字' }).min(LNG_RANGE[0], '经度应在 73.5–135.1 之间').max(LNG_RANGE[1], '经度应在 73.5–135.1 之间').nullish(),
  hasOwnersCommittee: z.boolean({ message: '是否成立业委会只能是是或否' }).optional(),
};

const bothOrNeither = (v: { lat?: number | null; lng?: number | null }) => (v.lat == null) === (v.lng == null);
const coordsMessage = { message: '经度和纬度须同时填写或同时留空', path: ['lng'] };

export const projectInput = z.object(projectFields).refine(bothOrNeither, coordsMessage);
export type ProjectInput = z.infer<typeof projectInput>;

export const projectUpdate = z
  .object(projectFields)
  .partial()
  .refine((v) => (v.lat === undefined && v.lng === undefined) || bothOrNeither(v), coordsMessage);
export type ProjectUpdate = z.infer<typeof projectUpdate>;

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const projectListQuery = pageQuery.extend({
  q: z.string().max(100).optional(),
  region: z.string().max(40).optional(),
  /** An enterprise id, or "none" for projects without a managing enterprise. */
  enterpriseId: z.union([z.uuid(), z.literal('none')], { message: '无效的企业编号' }).optional(),
  disclosed: boolParam.optional(),
  hasOwnersCommittee: boolParam.optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;
export const projectExportQuery = projectListQuery.omit({ page: true, pageSize: true });

export const idParams = z.object({ id: z.uuid('无效的编号') });
export const disclosureParams = z.object({ id: z.uuid('无效的编号'), item: z.enum(DISCLOSURE_ITEMS, { message: '未知的公示事项' }) });
export const evidenceParams = disclosureParams.extend({ fileId: z.uuid('无效的文件编号') });

export const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  regionId: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  enterpriseCreditCode: z.string().nullable(),
  households: z.number().nullable(),
  buildingArea: z.number().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  hasOwnersCommittee: z.boolean(),
  /** Every S3 §二.5 item posted or verified since this date (YYYY-MM-DD); null = not fully disclosed. */
  fullyDisclosedSince: z.string().nullable(),
  disclosedItemCount: z.number(),
  requiredItemCount: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ProjectDto = z.infer<typeof projectSchema>;

export const evidenceSchema = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), uploadedAt: z.date() });

export const disclosureSchema = z.object({
  item: z.enum(DISCLOSURE_ITEMS),
  label: z.string(),
  status: z.enum(DISCLOSURE_STATUSES),
  postedOn: z.string().nullable(),
  evidence: z.array(evidenceSchema),
  verifiedBy: z.string().nullable(),
  verifiedAt: z.date().nullable(),
  note: z.string().nullable(),
  updatedAt: z.date().nullable(),
});
export type DisclosureDto = z.infer<typeof disclosureSchema>;

export const projectDetailSchema = projectSchema.extend({ disclosures: z.array(disclosureSchema) });

export const disclosureInput = z.object({
  status: z.enum(DISCLOSURE_STATUSES, { message: '状态只能是未公示、已公示或已核实' }),
  /** Date the item was posted on site; defaults to today when posted/verified. */
  postedOn: z.iso.date('日期格式应为 YYYY-MM-DD').nullish(),
  note: optionalText(500, '备注'),
});
export type DisclosureInput = z.infer<typeof disclosureInput>;

export const disclosureResultSchema = z.object({ disclosure: disclosureSchema, fullyDisclosedSince: z.string().nullable() });
