import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { pageOf, pageQuery } from '../../http/pagination.js';
import * as service from './open311-keys.service.js';

/** Explicit allowlist: neither the key nor its hash ever leaves the server after creation. */
const keySchema = z.object({
  id: z.string(),
  name: z.string(),
  regionId: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  createdAt: z.date(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  revokedBy: z.string().nullable(),
  active: z.boolean(),
});
const idParams = z.object({ id: z.uuid('无效的编号') });

/**
 * Administration of Open311 API keys (系统管理 → 接口密钥), under the permission that manages
 * accounts: a key is the credential of another system, as a user account is a person's.
 */
export async function open311KeyRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['open311'];

  r.get(
    '/api/open311/keys',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags,
        summary: 'Open311 接口密钥列表（本级及下级区划；不含密钥本身）',
        querystring: pageQuery.extend({ q: z.string().optional(), region: z.string().optional(), status: z.enum(service.KEY_STATUSES).optional() }),
        response: { 200: pageOf(keySchema) },
      },
    },
    async (request) => service.listKeys(db, actorOf(request), request.query),
  );

  r.post(
    '/api/open311/keys',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags,
        summary: '新建 Open311 接口密钥（密钥仅在此响应中出现一次，平台只保存其摘要）',
        body: service.createKeyInput,
        response: { 201: z.object({ key: keySchema, apiKey: z.string() }) },
      },
    },
    async (request, reply) => {
      const created = await service.createKey(db, actorOf(request), request.body);
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  );

  r.post(
    '/api/open311/keys/:id/revoke',
    {
      config: { permission: 'user:manage' },
      schema: { tags, summary: '停用 Open311 接口密钥（立即生效，不可恢复）', params: idParams, response: { 200: keySchema } },
    },
    async (request) => service.revokeKey(db, actorOf(request), request.params.id),
  );
}
