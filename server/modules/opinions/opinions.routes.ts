import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { actorOf } from '../../http/authenticate.js';
import { pageOf } from '../../http/pagination.js';
import * as service from './opinions.service.js';

/** 意见建议清单: read with problem:read, record and respond with problem:manage (staff, own subtree). */
export async function opinionRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['opinions'];
  const params = z.object({ id: z.uuid('无效的编号') });

  r.get(
    '/api/opinions',
    { config: { permission: 'problem:read' }, schema: { tags, summary: '意见建议清单', querystring: service.listOpinionsQuery, response: { 200: pageOf(service.opinionSchema) } } },
    async (request) => service.listOpinions(db, actorOf(request), request.query),
  );
  r.get(
    '/api/opinions/:id',
    { config: { permission: 'problem:read' }, schema: { tags, summary: '意见建议详情', params, response: { 200: service.opinionSchema } } },
    async (request) => service.getOpinion(db, actorOf(request), request.params.id),
  );
  r.post(
    '/api/opinions',
    { config: { permission: 'problem:manage' }, schema: { tags, summary: '登记意见建议', body: service.createOpinionInput, response: { 201: service.opinionSchema } } },
    async (request, reply) => reply.status(201).send(await service.createOpinion(db, actorOf(request), request.body)),
  );
  r.post(
    '/api/opinions/:id/respond',
    { config: { permission: 'problem:manage' }, schema: { tags, summary: '答复意见建议', params, body: service.respondInput, response: { 200: service.opinionSchema } } },
    async (request) => service.respondOpinion(db, actorOf(request), request.params.id, request.body),
  );
}
