import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../../core/roles.js';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { pageOf, pageQuery } from '../../http/pagination.js';
import { provisionSchema } from './legal.schemas.js';
import * as service from './legal.service.js';

/** Staff (every staff role holds campaign:read) and admins read the library; admins maintain it. */
const READ: Permission[] = ['campaign:read', 'reference:manage'];

const provisionDetail = provisionSchema.extend({ versions: z.array(provisionSchema) });
const actSchema = z.object({
  id: z.number(),
  key: z.string().nullable(),
  title: z.string(),
  shortName: z.string(),
  issuer: z.string(),
  level: z.string(),
  regionCode: z.string().nullable(),
  note: z.string().nullable(),
});
const idParams = z.object({ id: z.coerce.number().int('无效的编号').positive('无效的编号') });

export async function legalRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['legal'];

  r.get(
    '/api/legal-provisions',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: '法律条款库（按整治重点、执法部门、某日是否有效、适用区划筛选）',
        querystring: pageQuery.extend({
          q: z.string().trim().max(100).optional(),
          category: z.coerce.number().int().min(1).max(20).optional(),
          department: z.string().optional(),
          inForceOn: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
          actId: z.coerce.number().int().positive().optional(),
          confidence: z.string().optional(),
          applicableIn: z.string().optional(),
        }),
        response: { 200: pageOf(provisionSchema) },
      },
    },
    async (request) => service.listProvisions(db, request.query),
  );

  r.get(
    '/api/legal-provisions/in-force',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: '给定条款在某日有效的版本（沿新旧版本链查找，如治安法2012第42条 → 2025第50条）',
        querystring: z.object({
          ids: z
            .string()
            .regex(/^\d+(,\d+)*$/, '请以逗号分隔条款编号')
            .transform((s) => s.split(',').map(Number)),
          date: z.iso.date('日期格式应为 YYYY-MM-DD'),
        }),
        response: { 200: z.object({ date: z.string(), items: z.array(provisionSchema) }) },
      },
    },
    async (request) => ({ date: request.query.date, items: await service.provisionsInForce(db, request.query.ids, request.query.date) }),
  );

  r.get(
    '/api/legal-provisions/:id',
    { config: { permission: READ }, schema: { tags, summary: '条款详情（含各版本）', params: idParams, response: { 200: provisionDetail } } },
    async (request) => service.getProvision(db, request.params.id),
  );

  r.post(
    '/api/legal-provisions',
    {
      config: { permission: 'reference:manage' },
      schema: { tags, summary: '新增条款（系统管理员）', body: service.provisionInput, response: { 201: provisionDetail } },
    },
    async (request, reply) => reply.status(201).send(await service.createProvision(db, actorOf(request), request.body)),
  );

  r.patch(
    '/api/legal-provisions/:id',
    {
      config: { permission: 'reference:manage' },
      schema: { tags, summary: '修改条款（系统管理员）', params: idParams, body: service.provisionPatch, response: { 200: provisionDetail } },
    },
    async (request) => service.updateProvision(db, actorOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/legal-acts',
    {
      config: { permission: READ },
      schema: { tags, summary: '法规列表', response: { 200: z.object({ items: z.array(actSchema.extend({ provisionCount: z.number() })) }) } },
    },
    async () => ({ items: await service.listActs(db) }),
  );

  r.post(
    '/api/legal-acts',
    { config: { permission: 'reference:manage' }, schema: { tags, summary: '新增法规（系统管理员）', body: service.actInput, response: { 201: actSchema } } },
    async (request, reply) => reply.status(201).send(await service.createAct(db, actorOf(request), request.body)),
  );

  r.patch(
    '/api/legal-acts/:id',
    {
      config: { permission: 'reference:manage' },
      schema: { tags, summary: '修改法规（系统管理员）', params: idParams, body: service.actInput.partial(), response: { 200: actSchema } },
    },
    async (request) => service.updateAct(db, actorOf(request), request.params.id, request.body),
  );
}
