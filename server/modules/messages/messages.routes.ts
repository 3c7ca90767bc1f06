import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { messageBus } from './messages.bus.js';
import * as s from './messages.schemas.js';
import * as service from './messages.service.js';

/** How often an open stream re-reads the unread count (changes made by other instances). */
const STREAM_POLL_MS = 3000;

/**
 * 消息中心 (issue 17): every signed-in user reads and marks only their own messages; the live
 * unread count is a server-sent event stream. The administrator reads the SMS/e-mail outbox
 * (addresses masked) and edits the templates.
 */
export async function messageRoutes(app: FastifyInstance, { db, env }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['messages'];
  const own = { authenticated: true } as const;
  const admin = { permission: 'user:manage' } as const;

  r.get(
    '/api/messages',
    { config: own, schema: { tags, summary: '我的消息（未读、类型筛选）', querystring: s.listMessagesQuery, response: { 200: s.messageListSchema } } },
    async (request) => service.listMessages(db, actorOf(request), request.query),
  );

  r.get(
    '/api/messages/kinds',
    { config: own, schema: { tags, summary: '消息类型（筛选用）', response: { 200: z.array(z.object({ kind: z.string(), label: z.string(), hasSms: z.boolean() })) } } },
    async () => service.staffKinds(),
  );

  r.post(
    '/api/messages/read-all',
    { config: own, schema: { tags, summary: '全部标为已读', response: { 200: z.object({ updated: z.number().int() }) } } },
    async (request) => service.markAllRead(db, actorOf(request)),
  );

  r.post(
    '/api/messages/:id/read',
    { config: own, schema: { tags, summary: '标为已读（他人的消息返回 404）', params: s.idParams, response: { 200: z.object({ ok: z.boolean(), unread: z.number().int() }) } } },
    async (request) => service.markRead(db, actorOf(request), request.params.id),
  );

  // Open streams, ended when the app closes so shutdown never waits on a browser tab.
  const streams = new Set<ServerResponse>();
  app.addHook('onClose', async () => {
    for (const res of streams) res.end();
  });

  r.get(
    '/api/messages/stream',
    { config: own, schema: { tags, summary: '未读数实时推送（text/event-stream：首个事件 {"unread": n}，此后每次变化一个）' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const userId = actor.userId as string;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      streams.add(res);
      let last = -1;
      let busy = false;
      const push = async () => {
        if (busy || res.writableEnded) return;
        busy = true;
        try {
          const unread = await service.unreadCount(db, userId);
          if (unread !== last) {
            last = unread;
            res.write(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
          }
        } catch {
          // the next poll tries again
        } finally {
          busy = false;
        }
      };
      res.write('retry: 5000\n\n');
      await push();
      const onChange = () => void push();
      messageBus.on(`user:${userId}`, onChange);
      const poll = setInterval(() => void push(), STREAM_POLL_MS);
      const ping = setInterval(() => res.write(': ping\n\n'), 25000);
      request.raw.on('close', () => {
        clearInterval(poll);
        clearInterval(ping);
        messageBus.off(`user:${userId}`, onChange);
        streams.delete(res);
      });
    },
  );

  r.get(
    '/api/me/notification-preferences',
    { config: own, schema: { tags, summary: '我的通知设置（每类消息是否发短信、邮件；站内消息始终送达）', response: { 200: s.preferencesResponse } } },
    async (request) => service.getPreferences(db, actorOf(request)),
  );

  r.put(
    '/api/me/notification-preferences',
    { config: own, schema: { tags, summary: '修改我的通知设置', body: s.preferencesSchema, response: { 200: s.preferencesResponse } } },
    async (request) => service.putPreferences(db, actorOf(request), request.body),
  );

  r.get(
    '/api/admin/outbox',
    { config: admin, schema: { tags, summary: '短信/邮件发件箱（号码脱敏；每次尝试及服务商返回）', querystring: s.outboxQuery, response: { 200: s.outboxPage } } },
    async (request) => service.listOutbox(db, request.query),
  );

  r.get(
    '/api/admin/message-templates',
    { config: admin, schema: { tags, summary: '消息模板（站内、短信、邮件）及默认渠道', response: { 200: z.array(s.templateSchema) } } },
    async () => service.listTemplates(db),
  );

  r.put(
    '/api/admin/message-templates/:kind',
    { config: admin, schema: { tags, summary: '修改消息模板（未知变量拒绝；短信不超过两条）', params: s.kindParams, body: s.templateInput, response: { 200: s.templateSchema } } },
    async (request) => service.putTemplate(db, actorOf(request), env, request.params.kind, request.body),
  );

  r.post(
    '/api/admin/message-templates/:kind/preview',
    { config: admin, schema: { tags, summary: '模板预览（示例数据、字数、条数）', params: s.kindParams, body: s.templateInput, response: { 200: s.previewResponse } } },
    async (request) => service.previewTemplate(request.params.kind, request.body, env),
  );

  r.delete(
    '/api/admin/message-templates/:kind',
    { config: admin, schema: { tags, summary: '恢复内置模板', params: s.kindParams, response: { 200: s.templateSchema } } },
    async (request) => service.resetTemplate(db, actorOf(request), request.params.kind),
  );
}
