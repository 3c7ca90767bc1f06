import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REGION_LEVELS, type RegionLevel } from '../../../core/org.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { createRegionBody, moveRegionBody, presentRegion, regionSchema, updateRegionBody } from './regions.schemas.js';
import * as service from './regions.service.js';

export async function regionRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['regions'];

  r.get(
    '/api/regions',
    {
      config: { permission: 'region:read' },
      schema: {
        tags,
        summary: '下级行政区划（默认为本人所在区划的下级）',
        querystring: z.object({ parent: z.string().optional() }),
        response: { 200: z.object({ items: z.array(regionSchema) }) },
      },
    },
    async (request) => {
      const rows = await service.listRegionChildren(db, actorOf(request), request.query.parent);
      return { items: rows.map((r) => presentRegion(r.row, r.childCount)) };
    },
  );

  r.get(
    '/api/public/regions',
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '门户：下级行政区划（免登录；不传 parent 时为本平台服务范围的下级，如各区）',
        querystring: z.object({ parent: z.string().trim().max(40).optional() }),
        response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(REGION_LEVELS) })) }) },
      },
    },
    async (request) => ({ items: (await service.listPublicRegionChildren(db, request.query.parent || undefined)) as { code: string; name: string; level: RegionLevel }[] }),
  );

  r.get(
    '/api/regions/tree',
    {
      config: { permission: ['region:read', 'enterprise:read'] },
      schema: {
        tags,
        summary: '区划树（扁平，按路径排序）',
        querystring: z.object({ root: z.string().optional(), depth: z.coerce.number().int().min(0).max(4).default(2) }),
        response: { 200: z.object({ items: z.array(regionSchema) }) },
      },
    },
    async (request) => {
      const rows = await service.regionTree(db, actorOf(request), request.query.root, request.query.depth);
      return { items: rows.map((row) => presentRegion(row)) };
    },
  );

  r.get(
    '/api/regions/:code',
    {
      config: { permission: 'region:read' },
      schema: {
        tags,
        summary: '区划详情（含上级链）',
        params: z.object({ code: z.string() }),
        response: { 200: regionSchema.extend({ ancestors: z.array(regionSchema) }) },
      },
    },
    async (request) => {
      const { row, ancestors } = await service.getRegion(db, actorOf(request), request.params.code);
      return { ...presentRegion(row), ancestors: ancestors.map((a) => presentRegion(a)) };
    },
  );

  r.post(
    '/api/regions',
    { config: { permission: 'region:manage' }, schema: { tags, summary: '新增自定义区划节点', body: createRegionBody, response: { 201: regionSchema } } },
    async (request, reply) => reply.status(201).send(presentRegion(await service.createRegion(db, actorOf(request), request.body))),
  );

  r.patch(
    '/api/regions/:code',
    {
      config: { permission: 'region:manage' },
      schema: { tags, summary: '重命名/排序', params: z.object({ code: z.string() }), body: updateRegionBody, response: { 200: regionSchema } },
    },
    async (request) => presentRegion(await service.updateRegion(db, actorOf(request), request.params.code, request.body)),
  );

  r.post(
    '/api/regions/:code/move',
    {
      config: { permission: 'region:manage' },
      schema: { tags, summary: '移动节点（连同下级）', params: z.object({ code: z.string() }), body: moveRegionBody, response: { 200: regionSchema } },
    },
    async (request) => presentRegion(await service.moveRegion(db, actorOf(request), request.params.code, request.body.newParentCode)),
  );
}
