import { z } from 'zod';
import { COMMITMENT_STATUSES } from '../../../core/obligations/index.js';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const issueInput = z
  .object({
    campaignId: z.uuid('请选择专项行动'),
    projectIds: z.array(z.uuid('无效的项目编号')).max(2000, '一次最多下发 2000 个项目').optional(),
    /** All projects of this region (code) in the caller's jurisdiction. */
    region: z.string().trim().min(1).max(32).optional(),
  })
  .refine((v) => (v.projectIds?.length ?? 0) > 0 || !!v.region, { message: '请选择物业项目或行政区划', path: ['projectIds'] });
export type IssueInput = z.infer<typeof issueInput>;

export const listQuery = z.object({
  campaignId: z.uuid().optional(),
  region: z.string().trim().max(32).optional(),
  status: z.enum(COMMITMENT_STATUSES, { message: '状态应为 issued 或 signed' }).optional(),
  projectId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  signedFrom: isoDate.optional(),
  signedTo: isoDate.optional(),
  q: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;

export const summaryQuery = z.object({ campaignId: z.uuid().optional(), region: z.string().trim().max(32).optional() });

export const idParams = z.object({ id: z.uuid('无效的编号') });

export const commitmentRow = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(COMMITMENT_STATUSES),
  statusLabel: z.string(),
  issuedAt: z.date(),
  signedAt: z.date().nullable(),
  signedBy: z.string().nullable(),
});
export const commitmentDetail = commitmentRow.extend({
  /** The signed text once signed, else the text to sign. */
  text: z.string(),
  signedIp: z.string().nullable(),
});
export type CommitmentRow = z.infer<typeof commitmentRow>;

export const issueResponse = z.object({ items: z.array(z.object({ id: z.string(), projectId: z.string(), status: z.enum(COMMITMENT_STATUSES) })) });
export const signResponse = z.object({ id: z.string(), status: z.literal('signed'), signedAt: z.date(), signedBy: z.string() });
export const summaryResponse = z.object({
  rows: z.array(z.object({ regionCode: z.string(), regionName: z.string(), issued: z.number(), signed: z.number(), companiesSigned: z.number() })),
  total: z.object({ issued: z.number(), signed: z.number(), companiesSigned: z.number() }),
});
