import { z } from 'zod';
import { PUBLIC_DESCRIPTION_MAX, PUBLIC_MAX_PHOTOS } from '../../../core/intake/public-form.js';
import { importResultSchema } from '../imports/imports.schemas.js';

/** An ALTCHA solution (decision 013): the challenge as issued by GET /api/public/bot-check, with the number found. */
export const altchaPayload = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: z.string().regex(/^[0-9a-f]{64}$/),
  number: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  salt: z.string().min(1).max(200),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Portal form body (POST /api/public/complaints). Field rules beyond shape: core/intake/public-form.ts. */
export const publicComplaintBody = z.object({
  description: z.string().max(PUBLIC_DESCRIPTION_MAX + 200, `问题描述不能超过 ${PUBLIC_DESCRIPTION_MAX} 个字`),
  contactName: z.string().max(60, '姓名不超过 30 个字').nullish(),
  contactPhone: z.string().max(40, '电话格式不对').nullish(),
  /** 同意接收短信（查询码、答复、重办）; when absent and a phone is given, consent is assumed (the box is ticked by default). */
  smsConsent: z.boolean().optional(),
  address: z.string().trim().max(200, '地址不超过 200 个字').nullish(),
  projectId: z.uuid('请从列表中选择小区').nullish(),
  /** Without a project: the district or street the resident picked (GET /api/public/regions). */
  regionCode: z.string().trim().max(40, '请从列表中选择所在区、街道').nullish(),
  /** Without a project: 被投诉的物业公司 as the resident writes it. */
  enterpriseName: z.string().trim().max(100, '物业公司名称不超过 100 个字').nullish(),
  anonymous: z.boolean().optional(),
  confidential: z.boolean().optional(),
  photoIds: z.array(z.uuid('无效的照片')).max(PUBLIC_MAX_PHOTOS, `照片最多 ${PUBLIC_MAX_PHOTOS} 张`).optional(),
  /**
   * The bot check's solution: the ALTCHA payload as an object, or base64 of its JSON (what the
   * ALTCHA widget emits). Shape and signature are checked in bot-check.ts, with field messages.
   */
  botCheck: z.union([z.string().max(1000), z.record(z.string(), z.unknown())]).nullish(),
});
export type PublicComplaintBody = z.infer<typeof publicComplaintBody>;

/** An ALTCHA challenge plus `enabled`, `difficulty` (= maxnumber) and `expiresAt`; only `enabled` … `expiresAt` when off. */
export const botCheckResponse = z.object({
  enabled: z.boolean(),
  challenge: z.string().nullable(),
  difficulty: z.number().int(),
  expiresAt: z.date().nullable(),
  algorithm: z.literal('SHA-256').optional(),
  maxnumber: z.number().int().optional(),
  salt: z.string().optional(),
  signature: z.string().optional(),
});

export const publicProjectsQuery = z.object({ q: z.string().trim().max(50, '关键词不超过 50 个字').default('') });
export const publicProject = z.object({ id: z.string(), name: z.string(), address: z.string(), regionName: z.string() });

export const hotlineImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'], { message: 'dryRun 只能是 true 或 false' })
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  importId: z.uuid('无效的导入编号').optional(),
});

export const hotlinePreviewRow = z.object({
  row: z.number().int(),
  externalRef: z.string(),
  action: z.enum(['create', 'update']),
  description: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  receivedAt: z.date().nullable(),
  upstreamStatus: z.string().nullable(),
  projectName: z.string().nullable(),
});

/** Response of POST /api/complaints/import: the shared import result plus in-file duplicates and a preview. */
export const hotlineImportResult = importResultSchema.extend({
  /** Rows whose 办件编号 already appeared earlier in the same file (the last one is imported). */
  duplicates: z.number().int(),
  /** Which column of the file was read for which field (field → header). */
  recognised: z.record(z.string(), z.string()),
  preview: z.array(hotlinePreviewRow),
});
