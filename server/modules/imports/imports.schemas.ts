import { z } from 'zod';

export const importIssueSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  cell: z.string().nullable(),
  message: z.string(),
});

/** Response of POST /api/{enterprises,projects}/import. */
export const importResultSchema = z.object({
  ok: z.boolean(),
  importId: z.string(),
  dryRun: z.boolean(),
  written: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(importIssueSchema),
  errorsTruncated: z.boolean(),
  warnings: z.array(importIssueSchema),
  ignoredColumns: z.array(z.string()),
  fileSha256: z.string(),
});

export const importJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  dryRun: z.boolean(),
  status: z.string(),
  fileName: z.string().nullable(),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(importIssueSchema),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'], { message: 'dryRun 只能是 true 或 false' })
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Optional client-chosen id of the import job, so the page can poll GET /api/imports/:id. */
  importId: z.uuid('无效的导入编号').optional(),
});
