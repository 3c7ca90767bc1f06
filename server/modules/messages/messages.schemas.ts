import { z } from 'zod';
import { pageQuery } from '../../http/pagination.js';

const boolParam = z
  .enum(['true', 'false', '1', '0'], { message: '只能是 true 或 false' })
  .transform((v) => v === 'true' || v === '1');

export const listMessagesQuery = pageQuery.extend({
  unread: boolParam.optional(),
  kind: z.string().trim().max(80, '消息类型不超过 80 个字符').optional(),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuery>;

export const messageSchema = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export const messageListSchema = z.object({
  items: z.array(messageSchema),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const idParams = z.object({ id: z.string().max(64) });

export const channelChoice = z.object({ sms: z.boolean(), email: z.boolean() });
export const preferencesSchema = z.object({
  kinds: z.record(z.string(), channelChoice),
  /** E-mail address for e-mail delivery (optional; null removes it). */
  email: z.email('电子邮箱格式不对').nullish(),
});
export const preferencesResponse = z.object({
  kinds: z.record(z.string(), channelChoice),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
});

export const outboxQuery = pageQuery.extend({
  channel: z.enum(['sms', 'email'], { message: '渠道只能是 sms 或 email' }).optional(),
  template: z.string().trim().max(80).optional(),
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'suppressed']).optional(),
});
export const outboxItem = z.object({
  id: z.string(),
  channel: z.string(),
  to: z.string(),
  template: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  provider: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  nextAttemptAt: z.date(),
  error: z.string().nullable(),
  history: z.array(z.object({ at: z.date(), provider: z.string(), outcome: z.string(), error: z.string().nullable() })),
});
export const outboxPage = z.object({ items: z.array(outboxItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const templateSchema = z.object({
  kind: z.string(),
  label: z.string(),
  title: z.string(),
  body: z.string(),
  sms: z.string().nullable(),
  smsDefault: z.boolean(),
  emailDefault: z.boolean(),
  vars: z.array(z.string()),
  edited: z.boolean(),
  smsLength: z.number().int(),
  smsSegments: z.number().int(),
});
export const templateInput = z.object({
  title: z.string().trim().min(1, '请填写标题').max(200, '标题不超过 200 个字'),
  body: z.string().trim().min(1, '请填写正文').max(2000, '正文不超过 2000 个字'),
  sms: z.string().trim().max(200, '短信不超过 200 个字').nullish(),
  smsDefault: z.boolean().optional(),
  emailDefault: z.boolean().optional(),
});
export const kindParams = z.object({ kind: z.string().max(80) });
export const previewResponse = z.object({
  title: z.string(),
  body: z.string(),
  sms: z.string().nullable(),
  smsLength: z.number().int(),
  smsSegments: z.number().int(),
});
